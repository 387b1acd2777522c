import FoundationEssentials
import ReportIndex
import ReportKit
import ReportUI

/// Printing library search results: ripgrep's `file:line: address: snippet`; their JSON is
/// `LibrarySearchResults.json(query:)`.
enum LibrarySearchOutput {
    static func printLines(_ results: LibrarySearchResults) {
        let terminal = StandardStreams.outputIsTerminal
        guard terminal else { return printBytes(results) }
        let colour = terminal && !StandardStreams.noColorRequested
        var output = ""
        for file in results.files {
            for section in file.sections {
                for hit in section.hits {
                    let snippet = hit.snippet
                    let before = safe(snippet.text[..<snippet.highlight.lowerBound], terminal)
                    let found = safe(snippet.text[snippet.highlight], terminal)
                    let after = safe(snippet.text[snippet.highlight.upperBound...], terminal)
                    let marked = colour ? "\u{1B}[1;31m\(found)\u{1B}[0m" : "[\(found)]"
                    let place = safe("\(file.file.displayPath):\(hit.line): \(section.address):", terminal)
                    output += "\(place) \(before)\(marked)\(after)\n"
                }
            }
            if output.utf8.count > 1 << 20 {
                StandardStreams.output(output, raw: true)
                output = ""
            }
        }
        StandardStreams.output(output, raw: true)
    }

    /// The lines for a pipe or a file, where nothing needs making safe: written as bytes into
    /// one buffer, each file's name and each section's address encoded once, and each snippet
    /// cut straight into the buffer (a common word prints hundreds of thousands of lines).
    private static func printBytes(_ results: LibrarySearchResults) {
        let marks = (open: Array("[".utf8), close: Array("]".utf8))
        var output: [UInt8] = []
        output.reserveCapacity(1 << 21)
        for file in results.files {
            let path = Array((file.file.displayPath + ":").utf8)
            for section in file.sections {
                let address = Array(": \(section.address): ".utf8)
                for hit in section.hits {
                    output.append(contentsOf: path)
                    appendDecimal(hit.line, to: &output)
                    output.append(contentsOf: address)
                    hit.appendSnippet(marks: marks, to: &output)
                    output.append(0x0A)
                }
            }
            if output.count > 1 << 20 {
                StandardStreams.output(bytes: output)
                output.removeAll(keepingCapacity: true)
            }
        }
        StandardStreams.output(bytes: output)
    }

    private static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        guard value > 0 else { return output.append(contentsOf: String(value).utf8) }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            output.append(UInt8(truncatingIfNeeded: 0x30 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    static func reportSkipped(_ results: LibrarySearchResults) {
        reportSkipped(notices: results.notices, skipped: results.skipped)
    }

    static func reportSkipped(notices: [String], skipped: [SkippedPath]) {
        for notice in notices { StandardStreams.error("report-browser: \(notice)") }
        for skipped in skipped {
            StandardStreams.error("report-browser: \(skipped.displayPath): skipped: \(skipped.reason)")
        }
    }

    private static func safe(_ text: some StringProtocol, _ terminal: Bool) -> String {
        terminal ? VisibleText.sanitize(text) : String(text)
    }
}
