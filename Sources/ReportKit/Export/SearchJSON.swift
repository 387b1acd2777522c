/// The JSON of `search --json`: `{query, total, sections: [{file, address, heading, count,
/// hits: [{line, page?, snippet}]}], skipped?}`.
public enum SearchJSON {
    /// - Parameter skipped: for a library search, the files left out and why (`skipped` key).
    public static func json(
        query: String, total: Int, matches: [SearchMatch], skipped: [(file: String, reason: String)]? = nil
    ) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("query", query)
        writer.field("total", total)
        writer.key("sections")
        writer.beginArray()
        for match in matches { write(match, to: &writer) }
        writer.endArray()
        writer.skippedFiles(skipped)
        writer.endObject()
        return writer.output + "\n"
    }

    private static func write(_ match: SearchMatch, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("file", match.file ?? "")
        writer.sectionReference(address: match.address, heading: match.heading)
        writer.field("count", match.hits.count)
        writer.objects("hits", match.hits) { writer, hit in
            writer.field("line", hit.line)
            if let page = hit.page { writer.field("page", page) }
            writer.field("snippet", hit.snippet.text)
        }
        writer.endObject()
    }
}
