/// A line that starts with a marker, with the pieces the tree builder needs.
struct MarkerLine {
    var match: MarkerMatch
    var markerRange: Range<Int>
    var line: Int
    var lineStart: Int
    var headingRange: Range<Int>
    var bodyStart: Int
}
