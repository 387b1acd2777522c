import ReportKit

/// What carries text out of the browser: the clipboard, a shell command, an editor, a file,
/// and the terminal's mouse mode. The executable provides it, since it runs programs, writes
/// files and talks to the terminal, which ReportUI never does; each call answers with the
/// words the status line shows.
package protocol TextOutlet: AnyObject {
    func copy(_ text: String) -> OutletNotice
    /// Runs `command` with `text` on its standard input, its output on the terminal.
    func pipe(_ text: String, to command: String) -> OutletNotice
    /// Opens the report's file in the reader's editor at a 1-based source line.
    func edit(line: Int) -> OutletNotice
    /// Writes `text` to a new file; an existing file is never replaced.
    func save(_ text: String, to path: String) -> OutletNotice
    func captureMouse(_ on: Bool) -> OutletNotice
    /// After `edit` returned, once: the report read again if the editor changed its file, or why
    /// the old text stays; nil when nothing changed. `reading` is the browser's, in `report`'s terms.
    func takeEditedReport(from report: Report, reading: () -> RememberedReading) -> EditOutcome?
}

package struct OutletNotice: Hashable, Sendable {
    package var text: String
    package var isError: Bool

    package init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}
