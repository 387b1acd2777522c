#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ReportUI

/// Writing to stdout and stderr for a command-line tool that lives in pipes: a closed pipe
/// (`report-browser outline big | head -1`) ends the program quietly, and text meant for a
/// terminal never carries raw escape sequences from the document.
enum StandardStreams {
    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var inputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    /// https://no-color.org: any non-empty NO_COLOR turns colour off.
    static var noColorRequested: Bool { !(getenv("NO_COLOR").map { String(cString: $0) } ?? "").isEmpty }

    /// Called once at start: a write to a closed pipe must give EPIPE, not kill us mid-line.
    static func ignoreBrokenPipeSignal() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes document text to stdout. On a terminal, control characters and escape sequences
    /// become visible placeholders unless `raw` is set.
    static func output(_ text: some StringProtocol, raw: Bool = false) {
        let safe = (raw || !outputIsTerminal) ? String(text) : TerminalSafeText.make(text)
        write(safe, to: STDOUT_FILENO)
    }

    /// One line on stderr. Messages quote document text (headings of an ambiguous address),
    /// so on a terminal they are made safe like the output.
    static func error(_ line: String) {
        write((errorIsTerminal ? VisibleText.sanitize(line) : line) + "\n", to: STDERR_FILENO)
    }

    /// Bytes to stdout as they are, for output already made safe (or not going to a terminal).
    static func output(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0, to: STDOUT_FILENO) }
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { write($0, to: descriptor) }
    }

    private static func write(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                // The reader went away (EPIPE) or the output failed: stop quietly, as cat does.
                exit(descriptor == STDOUT_FILENO && errno == EPIPE ? 0 : 1)
            }
            offset += written
        }
    }
}

/// Document text prepared for a terminal: line structure kept, every other control character
/// and bidi override replaced by the same visible placeholder the browser shows.
enum TerminalSafeText {
    static func make(_ text: some StringProtocol) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var first = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !first { output += "\n" }
            first = false
            output += VisibleText.sanitize(line)
        }
        return output
    }
}
