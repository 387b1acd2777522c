#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ReportKit

/// Which report a command reads, and what it says while reading one that has nothing to show.
enum DefaultInput {
    /// FILE left out means standard input when something is piped in, as `less` and `grep`
    /// read it; the bundled report only when standard input is a terminal (or not open at all,
    /// where there is nothing to read either).
    static func path(for given: String?) -> String? {
        if let given { return given }
        let standardInputOpen = fcntl(STDIN_FILENO, F_GETFD) != -1
        return StandardStreams.inputIsTerminal || !standardInputOpen ? nil : "-"
    }

    /// Whether the report comes from standard input (so the browser's keys must come from the
    /// controlling terminal).
    static func readsStandardInput(_ given: String?) -> Bool {
        path(for: given) == "-"
    }

    /// Someone typing a report by hand, or waiting on a forgotten `-`, learns what is going on.
    static func announceReading(path: String) {
        if path == "-", StandardStreams.inputIsTerminal {
            StandardStreams.error("report-browser: reading standard input… Ctrl-D ends it")
        }
    }

    /// A document with no text would open a blank screen or print nothing; say so instead.
    static func emptinessMessage(of document: OpenedText) -> String? {
        guard document.text.allSatisfy(\.isWhitespace) else { return nil }
        let name = document.origin.path == "-" ? "standard input" : document.origin.name
        return "\(name) is empty"
    }
}
