import FoundationEssentials
import Glibc
import ReaderState
import ReadingStateAdapter
import ReportImport
import ReportKit
import ReportUI

/// What tells that the editor changed the file: its size, modification time (to the
/// nanosecond) and inode, which an editor that writes a new file and renames it changes too.
/// The text is compared as well before reloading, since `:wq` rewrites an unchanged file.
struct FileStamp: Equatable {
    let size: Int64
    let seconds: Int
    let nanoseconds: Int
    let inode: UInt64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        seconds = info.st_mtim.tv_sec
        nanoseconds = info.st_mtim.tv_nsec
        inode = UInt64(info.st_ino)
    }
}

/// The store the browser saves through last: the first text's, then each reloaded text's.
/// The final save's problems are printed once the terminal is back.
final class CurrentStateStore {
    var bridge: ReaderStateBridge?

    init(_ bridge: ReaderStateBridge?) { self.bridge = bridge }
}

/// Reads the report's file again after `v` the way it was first read (the same forced format
/// and encoding), and carries the reader's place and marks into the new text by their words.
struct EditedFileReload {
    let path: String
    let format: ReportFormat?
    let encoding: TextEncoding?
    /// Nil with `--no-state`: the new text gets no store either.
    let current: CurrentStateStore?

    /// nil when the text is what the browser already shows.
    func reopen(old: Report, reading: RememberedReading) -> EditOutcome? {
        let opened: OpenedText
        do {
            opened = try ReportOpener.standard.read(path: path, format: format, encoding: encoding)
        } catch {
            return .kept(Self.keptNotice(String(describing: error)))
        }
        if let empty = DefaultInput.emptinessMessage(of: opened) { return .kept(Self.keptNotice(empty)) }
        guard opened.text != old.text else { return nil }
        let parsed = opened.parsed()
        _ = ReportLoading.keep(LoadedReport(opened: parsed))
        let report = parsed.report
        let (carried, notices) = ReadingCarry.carry(reading, from: old, to: report)
        let store = current.map { _ in ReaderStateBridge(store: StateStore.standard(), report: report, file: path) }
        if let store { current?.bridge = store }
        let name = VisibleText.sanitize(parsed.origin.fileName)
        let change = report.lines.count - old.lines.count
        let lines = change == 0 ? "" : change > 0 ? ", \(change) more lines" : ", \(-change) fewer lines"
        let notice = OutletNotice("Reloaded \(name) after the edit\(lines)")
        return .reopened(ReopenedReport(
            report: report, origin: parsed.origin, store: store, reading: carried, notices: notices, notice: notice))
    }

    /// One line, whatever the error said.
    private static func keptNotice(_ reason: String) -> OutletNotice {
        let line = reason.split(whereSeparator: \.isNewline).first.map(String.init) ?? reason
        return OutletNotice("Kept the old text: \(VisibleText.sanitize(line))", isError: true)
    }
}
