/// The JSON of `search --json`: `{query, total, sections: [{file, address, heading, count,
/// hits: [{line, page?, snippet}]}], skipped?}`.
public enum SearchJSON {
    /// - Parameter skipped: for a library search, the files left out and why (`skipped` key).
    public static func json(
        query: String, total: Int, matches: [SearchMatch], skipped: [(file: String, reason: String)]? = nil
    ) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("query")
        writer.value(query)
        writer.key("total")
        writer.value(total)
        writer.key("sections")
        writer.beginArray()
        for match in matches { write(match, to: &writer) }
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

    private static func write(_ match: SearchMatch, to writer: inout JSONWriter) {
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
}
