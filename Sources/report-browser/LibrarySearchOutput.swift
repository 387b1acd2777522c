import Foundation
import ReportIndex
import ReportKit
import ReportUI

/// Printing library search results: ripgrep's `file:line: address: snippet`, or the JSON of
/// `search --json` with a list of the files skipped.
enum LibrarySearchOutput {
    static func matches(_ results: LibrarySearchResults) -> [SearchMatch] {
        results.files.flatMap { file in
            file.sections.map { section in
                SearchMatch(
                    file: file.file.displayPath, address: section.address, heading: section.heading,
                    hits: section.hits.map { SearchMatch.Hit(line: $0.line, page: nil, snippet: $0.snippet) })
            }
        }
    }

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

    static func json(query: String, _ results: LibrarySearchResults) -> String {
        SearchOutput.json(
            query: query, total: results.totalHits, matches: matches(results),
            skipped: results.skipped.map { (file: $0.displayPath, reason: $0.reason) })
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
