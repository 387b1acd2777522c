/// Why the browser cannot take over the terminal. `description` is the one line to print.
public enum CursesTerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    case terminalTypeNotSet
    /// TERM names a terminal that cannot address the cursor (`dumb`, printers).
    case terminalTooLimited(String)
    /// TERM has no terminfo entry.
    case unknownTerminalType(String)
    case noUTF8Locale
    /// /dev/tty could not be opened: no controlling terminal.
    case noTerminalDevice(String)

    private static let suggestion = "try TERM=xterm-256color, or pipe the output for the outline"

    public var message: String {
        switch self {
        case .terminalTypeNotSet:
            "TERM is not set; the browser needs a terminal (\(Self.suggestion))"
        case .terminalTooLimited(let term):
            "TERM=\(term) cannot move the cursor; the browser needs a full-screen terminal (\(Self.suggestion))"
        case .unknownTerminalType(let term):
            "TERM=\(term) has no terminfo entry (\(Self.suggestion))"
        case .noUTF8Locale:
            "no UTF-8 locale is available for Chinese text (install one, or set LANG=C.UTF-8)"
        case .noTerminalDevice(let reason):
            "cannot open the terminal /dev/tty (\(reason)); pipe the output for the outline"
        }
    }

    public var description: String { "report-browser: \(message)" }
}
