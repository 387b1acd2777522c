import ReportKit
import ReportUI

/// One matching section of one file, ready to print.
struct SearchMatch {
    struct Hit {
        let line: Int
        /// The page of the hit in a paginated source (PDF).
        let page: Int?
        let snippet: SearchSnippet
    }

    let file: String?
    let address: String
    let heading: String
    let hits: [Hit]

    static func collect(_ results: SearchResults, in loaded: LoadedReport, namingFile: Bool) -> [SearchMatch] {
        let report = loaded.report
        return results.sections.map { match in
            let hits = match.hitIndices.map { position -> Hit in
                let hit = results.hits[position]
                return Hit(line: hit.line, page: loaded.opened.origin.page(ofLine: hit.line), snippet: report.snippet(for: hit))
            }
            guard let index = match.section else {
                return SearchMatch(
                    file: namingFile ? loaded.name : nil, address: "front",
                    heading: report.title.isEmpty ? "(before the first section)" : report.title, hits: hits)
            }
            let section = report.sections[index]
            return SearchMatch(
                file: namingFile ? loaded.name : nil, address: section.address,
                heading: OutlineExport.displayHeading(section), hits: hits)
        }
    }
}

enum SearchOutput {
    /// - Parameter skipped: for a library search, the files left out and why (`skipped` key).
    static func json(query: String, total: Int, matches: [SearchMatch], skipped: [(file: String, reason: String)]? = nil) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("query")
        writer.value(query)
        writer.key("total")
        writer.value(total)
        writer.key("sections")
        writer.beginArray()
        for match in matches {
            writer.beginObject()
            writer.key("file")
            writer.value(match.file ?? "")
            writer.key("address")
            writer.value(match.address)
            writer.key("heading")
            writer.value(match.heading)
            writer.key("count")
            writer.value(match.hits.count)
            writer.key("hits")
            writer.beginArray()
            for hit in match.hits {
                writer.beginObject()
                writer.key("line")
                writer.value(hit.line)
                if let page = hit.page {
                    writer.key("page")
                    writer.value(page)
                }
                writer.key("snippet")
                writer.value(hit.snippet.text)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        if let skipped {
            writer.key("skipped")
            writer.beginArray()
            for entry in skipped {
                writer.beginObject()
                writer.key("file")
                writer.value(entry.file)
                writer.key("reason")
                writer.value(entry.reason)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.endObject()
        return writer.output + "\n"
    }

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
