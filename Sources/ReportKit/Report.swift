/// A parsed report: the decoded text and the tree of sections that partitions it.
///
/// Immutable and `Sendable`; every piece of text is a byte range into `text`, so nothing is
/// copied out of the document except the short headings and markers.
public struct Report: Sendable {
    /// The decoded text with LF line endings.
    public let text: String
    public let lines: LineTable
    public let title: String
    public let metadata: [MetadataEntry]
    /// Everything before the first section (title, metadata, preamble).
    public let frontRange: Range<Int>
    /// Where the preamble (text after title and metadata) starts inside `frontRange`.
    public let preambleStart: Int
    /// All sections in document order.
    public let sections: [Section]
    /// Indices of the top-level sections.
    public let roots: [Int]
    /// Where the parser read the document generously (typos, skipped numbers), in line order.
    /// A clean document has none.
    public let warnings: [ParseWarning]

    package init(
        text: String, lines: LineTable, title: String, metadata: [MetadataEntry],
        frontRange: Range<Int>, preambleStart: Int, sections: [Section], roots: [Int],
        warnings: [ParseWarning] = []
    ) {
        self.warnings = warnings
        self.text = text
        self.lines = lines
        self.title = title
        self.metadata = metadata
        self.frontRange = frontRange
        self.preambleStart = preambleStart
        self.sections = sections
        self.roots = roots
    }

    /// The text of a UTF-8 byte range. Ranges produced by the parser always fall on character
    /// boundaries.
    public func slice(_ range: Range<Int>) -> Substring {
        text[utf8Range: range]
    }

    public var frontText: Substring { slice(frontRange) }

    public func ownText(of section: Section) -> Substring { slice(section.ownRange) }

    public func subtreeText(of section: Section) -> Substring { slice(section.subtreeRange) }

    /// Ancestors from the root down to and including `index`.
    public func path(to index: Int) -> [Int] {
        var chain: [Int] = []
        var cursor: Int? = index
        while let current = cursor {
            chain.append(current)
            cursor = sections[current].parent
        }
        return chain.reversed()
    }

    /// The innermost section whose own text contains the byte offset, or nil inside the front matter.
    public func section(containing offset: Int) -> Int? {
        guard !sections.isEmpty, offset >= frontRange.upperBound else { return nil }
        return sections.indexBeforePartition(where: { $0.ownRange.lowerBound > offset }) ?? 0
    }
}

public struct MetadataEntry: Sendable, Hashable, Codable {
    public let key: String
    public let value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
