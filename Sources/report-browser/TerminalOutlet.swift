import CursesTerminal
import FoundationEssentials
import Glibc
import ReportKit
import ReportUI

/// How the browser's `y`, `|`, `v`, `s` and mouse key reach the world: OSC 52 or a clipboard
/// command, `/bin/sh`, the reader's editor, a new file, the terminal's mouse mode.
final class TerminalOutlet: TextOutlet {
    /// OSC 52 beyond this many bytes is cut off or refused by many terminals.
    static let osc52Limit = 1 << 20

    private let terminal: CursesTerminal
    private var origin: ReportOrigin
    private let clipboardCommand: String?
    private let environment: [String: String]
    /// How `v`'s file is read again; nil reloads nothing.
    private let reload: EditedFileReload?
    /// The file's stamp changed while the editor ran, and the browser has not asked since.
    private var editedFileChanged = false

    /// `clipboardCommand` nil copies with OSC 52.
    init(
        terminal: CursesTerminal, origin: ReportOrigin, clipboardCommand: String?, environment: [String: String],
        reload: EditedFileReload? = nil
    ) {
        self.terminal = terminal
        self.origin = origin
        self.clipboardCommand = clipboardCommand
        self.environment = environment
        self.reload = reload
    }

    func copy(_ text: String) -> OutletNotice {
        let bytes = Array(text.utf8)
        let count = text.count
        if let clipboardCommand {
            switch OutsideProgram.runShell(clipboardCommand, input: bytes, output: .discarded) {
            case .success(0): return OutletNotice("Copied \(count) characters with \(clipboardCommand)")
            case .success(let status): return OutletNotice("Exit status \(status): \(clipboardCommand)", isError: true)
            case .failure(let failure): return OutletNotice("Cannot run \(clipboardCommand): \(failure.reason)", isError: true)
            }
        }
        guard bytes.count <= Self.osc52Limit else {
            return OutletNotice(
                "Too long for the terminal's clipboard (\(bytes.count >> 10) KB); set REPORT_BROWSER_CLIPBOARD, or use s or |",
                isError: true)
        }
        // OSC 52: `c` is the clipboard; tmux takes it into a buffer when set-clipboard is on.
        let sequence = "\u{1b}]52;c;" + Data(bytes).base64EncodedString() + "\u{07}"
        terminal.sendControlSequence(Array(sequence.utf8))
        return OutletNotice("Copied \(count) characters (OSC 52: the terminal must allow it)")
    }

    func pipe(_ text: String, to command: String) -> OutletNotice {
        let outcome = terminal.runOutside { () -> Result<Int32, OutsideProgram.LaunchFailure> in
            let outcome = OutsideProgram.runShell(
                command, input: Array(text.utf8), output: .terminal, stopWithIt: terminal.stopWhileOutside)
            OutsideProgram.waitForReturn(
                prompt: "\n[\(command): done] press Return to go back to the browser ",
                stopIfAsked: terminal.stopWhileOutsideIfAsked)
            return outcome
        }
        switch outcome {
        case .success(0): return OutletNotice("Piped \(text.count) characters to \(command)")
        case .success(let status): return OutletNotice("Exit status \(status): \(command)", isError: true)
        case .failure(let failure): return OutletNotice("Cannot run \(command): \(failure.reason)", isError: true)
        }
    }

    func edit(line: Int) -> OutletNotice {
        guard let path = origin.path, path != "-" else {
            return OutletNotice("v needs a file; this report came from standard input or is the bundled one", isError: true)
        }
        guard origin.format == .text else {
            return OutletNotice("v edits text files; this report was converted from \(origin.format.rawValue)", isError: true)
        }
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let before = FileStamp(path: path)
        // As git runs an editor: the variable may hold arguments (`code -w`), the file may not.
        let outcome = terminal.runOutside { () -> Result<Int32, OutsideProgram.LaunchFailure> in
            OutsideProgram.runShell(
                editor + " \"$@\"", arguments: [editor, "+\(line)", path], input: nil, output: .terminal,
                stopWithIt: terminal.stopWhileOutside)
        }
        // Whatever the editor's exit status: a file written before a failure has still changed.
        editedFileChanged = FileStamp(path: path) != before
        switch outcome {
        case .success(0): return OutletNotice("Back from \(editor)")
        case .success(let status): return OutletNotice("Exit status \(status): \(editor)", isError: true)
        case .failure(let failure): return OutletNotice("Cannot run \(editor): \(failure.reason)", isError: true)
        }
    }

    func takeEditedReport(from report: Report, reading: () -> RememberedReading) -> EditOutcome? {
        guard editedFileChanged, let reload else { return nil }
        editedFileChanged = false
        let outcome = reload.reopen(old: report, reading: reading())
        if case .reopened(let reopened) = outcome { origin = reopened.origin }
        return outcome
    }

    func save(_ text: String, to path: String) -> OutletNotice {
        let expanded = PathText.expandingTilde(path)
        let descriptor = open(expanded, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { return OutletNotice("Kept the existing file (choose another name): \(path)", isError: true) }
            return OutletNotice("Cannot save to \(path): \(String(cString: strerror(errno)))", isError: true)
        }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)
        if bytes.last != 10 { bytes.append(10) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBufferPointer { write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return OutletNotice("Cannot save to \(path): \(String(cString: strerror(errno)))", isError: true) }
            offset += written
        }
        return OutletNotice("Saved \(text.count) characters to \(path)")
    }

    func captureMouse(_ on: Bool) -> OutletNotice {
        terminal.captureMouse(on)
        return on
            ? OutletNotice("Mouse on: clicks and the wheel work here; Shift-drag still selects text")
            : OutletNotice("Mouse off: drag to select text in the terminal; X takes the mouse back")
    }
}
