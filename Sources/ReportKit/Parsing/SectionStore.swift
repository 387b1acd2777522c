/// What the parser's line scan (`LineScan`) records of the sections it accepts. Two stores:
/// `SectionTreeBuilder` makes every `Section` of a `Report`; `LeanSectionStore` keeps a few
/// numbers per section, for a one-off search that needs the sections only where it has hits
/// (`LeanFileSearch`). Both are fed by the same scan, so they describe the same sections.
protocol SectionStore {
    init(text: String?)
    var count: Int { get }
    var isEmpty: Bool { get }
    mutating func reserveCapacity(_ count: Int)
    /// Appends a section whose heading line starts at `start`; returns its index.
    mutating func append(
        parent: Int?, kind: Section.Kind, markerRange: Range<Int>, style: NumberingStyle, ordinal: Int,
        line: Int, start: Int, headingRange: Range<Int>, bodyStart: Int
    ) -> Int
    /// A heading found on the line after its marker.
    mutating func setHeading(of index: Int, range: Range<Int>, bodyStart: Int)
    /// The text from `start` on belongs back to `owner` although it follows `holder`.
    mutating func resume(_ owner: Int, after holder: Int, at start: Int)
    /// The sections as the unmarked-heading finder reads them (`UnmarkedHeadingFinder.chosen`).
    var shapes: SectionShapes { get }
}

/// The few facts of each section the unmarked-heading finder weighs, whichever store holds
/// the sections.
struct SectionShapes {
    let count: Int
    let roots: [Int]
    let parent: (Int) -> Int?
    let style: (Int) -> NumberingStyle
    let ordinal: (Int) -> Int
    let line: (Int) -> Int
    let kind: (Int) -> Section.Kind
}
