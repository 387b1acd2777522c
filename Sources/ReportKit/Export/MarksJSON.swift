import FoundationEssentials

/// The JSON of `marks --json`: `{document, marks: [{letter, address, marker, heading, line,
/// offset, snippet, label?, createdAt}]}`. The reading-state module resolves the marks; this
/// only writes them, so ReportKit stays free of it.
public enum MarksJSON {
    public struct Entry: Sendable {
        public let letter: Character
        public let address: String
        public let marker: String
        public let heading: String
        public let line: Int
        public let offset: Int
        public let snippet: String
        public let label: String?
        public let createdAt: Date

        public init(
            letter: Character, address: String, marker: String, heading: String, line: Int, offset: Int,
            snippet: String, label: String?, createdAt: Date
        ) {
            self.letter = letter
            self.address = address
            self.marker = marker
            self.heading = heading
            self.line = line
            self.offset = offset
            self.snippet = snippet
            self.label = label
            self.createdAt = createdAt
        }
    }

    public static func json(document: String, marks: [Entry]) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("document", document)
        writer.objects("marks", marks) { writer, entry in
            writer.field("letter", String(entry.letter))
            writer.sectionReference(address: entry.address, marker: entry.marker, heading: entry.heading, line: entry.line)
            writer.field("offset", entry.offset)
            writer.field("snippet", entry.snippet)
            writer.field("label", ifPresent: entry.label)
            writer.field("createdAt", entry.createdAt.ISO8601Format())
        }
        writer.endObject()
        return writer.output + "\n"
    }
}
