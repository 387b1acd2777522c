/// Each section's own text after its marker, folded as search folds it (NFKC, case, width,
/// whitespace next to CJK), so that `（一）`/`(一)`, `：`/`:` and hard wraps do not count as changes.
struct FoldedSections {
    let bytes: [UInt8]
    /// Folded byte range of section i's heading and body (its marker left out).
    let contentRanges: [Range<Int>]

    init(_ report: Report) {
        var boundaries: [Int] = []
        boundaries.reserveCapacity(report.sections.count * 2)
        for section in report.sections {
            boundaries.append(section.ownRange.lowerBound)
            let afterMarker = section.headingText.isEmpty ? section.bodyRange.lowerBound : section.headingRange.lowerBound
            boundaries.append(min(max(afterMarker, section.ownRange.lowerBound), section.ownRange.upperBound))
        }
        let folded = TextFolder.fold(report.text, boundaries: boundaries, forLargeText: report.text.utf8.count >= 1 << 22)
        bytes = folded.bytes
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(report.sections.count)
        let offsets = folded.boundaryOffsets
        for index in report.sections.indices {
            let start = offsets[2 * index + 1]
            // The separator before the next section's boundary is not content.
            let end = 2 * index + 2 < offsets.count ? offsets[2 * index + 2] - 1 : folded.bytes.count
            ranges.append(start..<max(start, end))
        }
        contentRanges = ranges
    }

    /// Folded bytes of the section with its descendants (their markers included), which follow
    /// it in pre-order.
    func subtreeRange(_ index: Int, in report: Report) -> Range<Int> {
        var last = index
        while let child = report.sections[last].children.last { last = child }
        return contentRanges[index].lowerBound..<max(contentRanges[index].lowerBound, contentRanges[last].upperBound)
    }

    /// Whether two sections with all their descendants fold to the same bytes.
    func subtree(_ index: Int, of report: Report, equals other: Int, of otherReport: Report, in others: FoldedSections) -> Bool {
        let mine = subtreeRange(index, in: report)
        let theirs = others.subtreeRange(other, in: otherReport)
        guard mine.count == theirs.count else { return false }
        return bytes[mine].elementsEqual(others.bytes[theirs])
    }

    /// A hash of the folded content, for grouping identical sections (within one run only:
    /// `Hasher` is seeded per process, and nothing depends on the values themselves).
    func contentHash(_ range: Range<Int>) -> Int {
        var hasher = Hasher()
        bytes[range].withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }
}
