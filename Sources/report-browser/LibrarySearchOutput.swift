import Foundation
import ReportIndex
import ReportKit
import ReportUI

/// Printing library search results: ripgrep's `file:line: address: snippet`; their JSON is
/// `LibrarySearchResults.json(query:)`.
enum LibrarySearchOutput {
    static func printLines(_ results: LibrarySearchResults) {
        let terminal = StandardStreams.outputIsTerminal
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

    static func reportSkipped(_ results: LibrarySearchResults) {
        for notice in results.notices { StandardStreams.error("report-browser: \(notice)") }
        for skipped in results.skipped {
            StandardStreams.error("report-browser: \(skipped.displayPath): skipped: \(skipped.reason)")
        }
    }

    private static func safe(_ text: some StringProtocol, _ terminal: Bool) -> String {
        terminal ? VisibleText.sanitize(text) : String(text)
    }
}
