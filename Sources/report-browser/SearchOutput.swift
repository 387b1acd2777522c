import ReportKit
import ReportUI

extension SearchMatch {
    static func collect(_ results: SearchResults, in loaded: LoadedReport, namingFile: Bool) -> [SearchMatch] {
        results.sections.map { match in
            row(section: match.section, hits: match.hitIndices.map { results.hits[$0] }, in: loaded, namingFile: namingFile)
        }
    }

    /// One section's row: its address and heading (or the front matter's), each hit with its
    /// page and snippet.
    static func row(section: Int?, hits: [SearchHit], in loaded: LoadedReport, namingFile: Bool) -> SearchMatch {
        let report = loaded.report
        let placed = hits.map { hit in
            Hit(line: hit.line, page: loaded.opened.origin.page(ofLine: hit.line), snippet: report.snippet(for: hit))
        }
        guard let index = section else {
            return SearchMatch(
                file: namingFile ? loaded.name : nil, address: "front",
                heading: report.title.isEmpty ? "(before the first section)" : report.title, hits: placed)
        }
        let section = report.sections[index]
        return SearchMatch(
            file: namingFile ? loaded.name : nil, address: section.address,
            heading: OutlineExport.displayHeading(section), hits: placed)
    }
}

enum SearchOutput {
    /// `1.2  (二)创新改革举措,优化营商环境  (2 hits)` then `    6: …信用[修复]…` per hit; the
    /// hit is coloured on a terminal (unless NO_COLOR) and bracketed in a pipe.
    static func printText(_ matches: [SearchMatch], showFile: Bool) {
        let terminal = StandardStreams.outputIsTerminal
        let colour = terminal && !StandardStreams.noColorRequested
        var output = ""
        for match in matches {
            let file = showFile ? "\(match.file ?? ""): " : ""
            let count = match.hits.count == 1 ? "1 hit" : "\(match.hits.count) hits"
            output += safe(file + match.address + "  " + match.heading, terminal) + "  (\(count))\n"
            for hit in match.hits {
                let snippet = hit.snippet
                let before = safe(snippet.text[..<snippet.highlight.lowerBound], terminal)
                let found = safe(snippet.text[snippet.highlight], terminal)
                let after = safe(snippet.text[snippet.highlight.upperBound...], terminal)
                let marked = colour ? "\u{1B}[1;31m\(found)\u{1B}[0m" : "[\(found)]"
                let page = hit.page.map { " p.\($0)" } ?? ""
                output += "    \(hit.line)\(page): \(before)\(marked)\(after)\n"
            }
        }
        StandardStreams.output(output, raw: true)
    }

    private static func safe(_ text: some StringProtocol, _ terminal: Bool) -> String {
        terminal ? VisibleText.sanitize(text) : String(text)
    }
}
