import Foundation

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
        writer.key("document")
        writer.value(document)
        writer.key("marks")
        writer.beginArray()
        let dates = ISO8601DateFormatter()
        for entry in marks {
            writer.beginObject()
            writer.key("letter")
            writer.value(String(entry.letter))
            writer.key("address")
            writer.value(entry.address)
            writer.key("marker")
            writer.value(entry.marker)
            writer.key("heading")
            writer.value(entry.heading)
            writer.key("line")
            writer.value(entry.line)
            writer.key("offset")
            writer.value(entry.offset)
            writer.key("snippet")
            writer.value(entry.snippet)
            if let label = entry.label {
                writer.key("label")
                writer.value(label)
            }
            writer.key("createdAt")
            writer.value(dates.string(from: entry.createdAt))
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.output + "\n"
    }
}
