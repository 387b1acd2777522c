/// A section while the tree is being built; `Section` is made from it once every range is known.
struct SectionDraft {
    var parent: Int?
    var depth: Int
    var kind: Section.Kind
    var marker: String
    var style: NumberingStyle
    var ordinal: Int
    var heading: String
    var line: Int
    /// Byte offset of the start of the heading line.
    var start: Int
    var headingRange: Range<Int>
    var bodyStart: Int
}

/// A line that starts with a marker, with the pieces the tree builder needs.
struct MarkerLine {
    var match: MarkerMatch
    var marker: String
    var heading: String
    var line: Int
    var lineStart: Int
    var headingRange: Range<Int>
    var bodyStart: Int
}
