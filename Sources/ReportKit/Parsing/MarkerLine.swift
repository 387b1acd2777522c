/// A line that starts with a marker, with the pieces the tree builder needs.
struct MarkerLine {
    var match: MarkerMatch
    var marker: Substring
    var heading: Substring
    var line: Int
    var lineStart: Int
    var headingRange: Range<Int>
    var bodyStart: Int
}
