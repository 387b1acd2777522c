/// `search --count --json` (and `--files-with-matches --json`): the number of matching
/// sections of each file with a match, and their sum; `skipped` for a library search.
public enum SearchCountJSON {
    public static func json(
        query: String, files: [(file: String, sections: Int)], skipped: [(file: String, reason: String)]? = nil
    ) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("query", query)
        writer.field("sections", files.reduce(0) { $0 + $1.sections })
        writer.objects("files", files) { writer, entry in
            writer.field("file", entry.file)
            writer.field("sections", entry.sections)
        }
        writer.skippedFiles(skipped)
        writer.endObject()
        return writer.output + "\n"
    }
}
