/// Collects sections as the scan accepts them, straight into the final array: a large report
/// has hundreds of thousands, and an intermediate copy would double the parser's peak memory.
/// Ends of ranges are only known once the next section starts, so `finish` sets them.
struct SectionTreeBuilder: SectionStore {
    /// The text the markers and headings are sliced from; nil while the bytes are scanned
    /// before their `String` exists, until `attach(text:)`.
    private let text: String?
    /// `text`, or the empty text a section holds until the text is attached.
    private let sectionText: String
    private(set) var sections: [Section] = []
    private(set) var roots: [Int] = []
    /// Articles whose text resumes after their items: (article, last item, where it resumes).
    private var trailing: [(owner: Int, holder: Int, start: Int)] = []

    init(text: String?) {
        self.text = text
        sectionText = text ?? ""
    }

    var isEmpty: Bool { sections.isEmpty }
    var count: Int { sections.count }

    var shapes: SectionShapes {
        let sections = sections
        return SectionShapes(
            count: sections.count, roots: roots, parent: { sections[$0].parent }, style: { sections[$0].style },
            ordinal: { sections[$0].ordinal }, line: { sections[$0].line }, kind: { sections[$0].kind })
    }

    mutating func reserveCapacity(_ count: Int) {
        sections.reserveCapacity(count)
        HugePageAdvice.advise(reservedStorageOf: &sections)
    }

    /// Appends a section whose heading line starts at `start`; returns its index.
    mutating func append(
        parent: Int?, kind: Section.Kind, markerRange: Range<Int>, style: NumberingStyle, ordinal: Int,
        line: Int, start: Int, headingRange: Range<Int>, bodyStart: Int
    ) -> Int {
        let index = sections.count
        let address: String
        let depth: Int
        if let parent {
            address = sections[parent].address + "." + String(sections[parent].children.count + 1)
            depth = sections[parent].depth + 1
            sections[parent].children.append(index)
        } else {
            roots.append(index)
            address = String(roots.count)
            depth = 1
        }
        sections.append(Section(
            index: index, parent: parent, children: [], depth: depth, kind: kind, text: sectionText,
            markerRange: markerRange, style: style, ordinal: ordinal, line: line, address: address,
            ownRange: start..<start, subtreeRange: start..<start, headingRange: headingRange,
            bodyRange: bodyStart..<bodyStart))
        return index
    }

    /// An appendix whose heading is found on the line after its marker.
    mutating func setHeading(of index: Int, range: Range<Int>, bodyStart: Int) {
        sections[index].headingRange = range
        sections[index].bodyRange = bodyStart..<bodyStart
    }

    /// The text from `start` on belongs back to `owner` although it follows `holder`.
    mutating func resume(_ owner: Int, after holder: Int, at start: Int) {
        trailing.append((owner, holder, start))
    }

    /// Closes every range: own ranges run to the next section (they partition the text after
    /// the front matter), subtree ranges to the end of the last descendant.
    mutating func finish(byteCount: Int) -> (sections: [Section], roots: [Int]) {
        // One backward pass over the sections, which are a hundred megabytes on the largest
        // reports: a section's own range ends where the next one starts, and children come
        // after their parents, so by a section's turn its descendants have raised its subtree
        // end to theirs (it starts as `start..<start`, never past its own end).
        var next = byteCount
        for index in sections.indices.reversed() {
            let start = sections[index].ownRange.lowerBound
            let end = next
            let subtreeEnd = max(end, sections[index].subtreeRange.upperBound)
            sections[index].ownRange = start..<end
            sections[index].subtreeRange = start..<subtreeEnd
            sections[index].bodyRange = min(sections[index].bodyRange.lowerBound, end)..<end
            if let parent = sections[index].parent, subtreeEnd > sections[parent].subtreeRange.upperBound {
                sections[parent].subtreeRange = sections[parent].subtreeRange.lowerBound..<subtreeEnd
            }
            next = start
        }
        for (owner, holder, start) in trailing {
            let end = sections[holder].ownRange.upperBound
            sections[owner].trailingRange = start..<end
            sections[holder].bodyRange = min(sections[holder].bodyRange.lowerBound, start)..<start
        }
        return (sections, roots)
    }

    /// Gives every section the text its marker and heading ranges slice, whose UTF-8 must be
    /// the bytes scanned: one reference stored per section, the slices made when read.
    static func attach(text: String, to sections: inout [Section]) {
        for index in sections.indices {
            sections[index].text = text
        }
    }
}
