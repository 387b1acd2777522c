import ReportKit

/// The two reports, their alignment, and the laid-out lines of each pair's sides, made on
/// demand and kept between frames: a key press lays out only the pairs it shows. Not part of
/// `CompareState`: it is a memo, like the browser's `DetailLineCache`, and the state stays a value.
package final class CompareDocument {
    package let old: Report
    package let new: Report
    package let oldName: String
    package let newName: String
    package let alignment: SectionAlignment

    /// Each side of a pair shows at most this many bytes of its section's own text, and the
    /// difference is worked out on what is shown: a 10 MB section costs no more than a long one.
    package static let shownBytes = 64 * 1024

    private var width = -1
    private var laidOut: [Int: (old: [CompareLine], new: [CompareLine])] = [:]
    private var differences: [Int: TextDifference] = [:]
    private let capacity = 4_000
    private var searchIndexes: [CompareSide: SearchIndex] = [:]
    private var indexBuilds: [CompareSide: BackgroundIndexBuild] = [:]

    /// Between a changed number's old and new value in the callout line.
    private let arrow: String

    package init(
        old: Report, new: Report, oldName: String, newName: String, alignment: SectionAlignment? = nil, arrow: String = "→"
    ) {
        self.arrow = arrow
        self.old = old
        self.new = new
        self.oldName = oldName
        self.newName = newName
        self.alignment = alignment ?? SectionAligner.align(old, new)
    }

    package var pairCount: Int { alignment.pairs.count }

    package func report(_ side: CompareSide) -> Report { side == .old ? old : new }

    package func section(of pair: Int, _ side: CompareSide) -> Int? {
        guard alignment.pairs.indices.contains(pair) else { return nil }
        return side == .old ? alignment.pairs[pair].old : alignment.pairs[pair].new
    }

    /// Rows the pair takes in both panes: the longer side, and a blank row after it.
    package func blockHeight(of pair: Int, width: Int) -> Int {
        let lines = self.lines(of: pair, width: width)
        return max(lines.old.count, lines.new.count) + 1
    }

    package func lines(of pair: Int, side: CompareSide, width: Int) -> [CompareLine] {
        let lines = self.lines(of: pair, width: width)
        return side == .old ? lines.old : lines.new
    }

    package func lines(of pair: Int, width: Int) -> (old: [CompareLine], new: [CompareLine]) {
        let width = max(1, width)
        if width != self.width {
            laidOut.removeAll(keepingCapacity: true)
            self.width = width
        }
        if let cached = laidOut[pair] { return cached }
        if laidOut.count >= capacity { laidOut.removeAll(keepingCapacity: true) }
        let made = (old: layOut(pair, .old, width: width), new: layOut(pair, .new, width: width))
        laidOut[pair] = made
        return made
    }

    /// The words and numbers that changed between the pair's two shown texts; nil when one
    /// side is missing or the texts are the same.
    package func difference(of pair: Int) -> TextDifference? {
        guard alignment.pairs.indices.contains(pair) else { return nil }
        let entry = alignment.pairs[pair]
        guard let o = entry.old, let n = entry.new, entry.status != .same, entry.status != .moved else { return nil }
        if let known = differences[pair] { return known }
        if differences.count >= capacity { differences.removeAll(keepingCapacity: true) }
        let made = TextDifference(old: String(shownText(old, o).text), new: String(shownText(new, n).text))
        differences[pair] = made
        return made
    }

    /// Starts building both search indexes on threads of their own, as the browser does after
    /// its first frame, so the first search rarely waits.
    package func startIndexing() {
        for side in CompareSide.allCases where searchIndexes[side] == nil && indexBuilds[side] == nil {
            indexBuilds[side] = BackgroundIndexBuild(report: report(side)) { SearchIndex(report: $0) }
        }
    }

    /// The report's search index: the background build's (waiting for it to end), or built now.
    package func searchIndex(_ side: CompareSide) -> SearchIndex {
        if let index = searchIndexes[side] { return index }
        let index = indexBuilds[side]?.wait() ?? SearchIndex(report: report(side))
        indexBuilds[side] = nil
        searchIndexes[side] = index
        return index
    }

    // MARK: Laying out one side

    /// The section's own text without its trailing blank lines, cut to `shownBytes`.
    private func shownText(_ report: Report, _ index: Int) -> (text: Substring, cut: Int) {
        var text = report.ownText(of: report.sections[index])
        while let last = text.last, last.isWhitespace { text.removeLast() }
        let total = text.utf8.count
        guard total > Self.shownBytes else { return (text, 0) }
        var end = text.utf8.index(text.startIndex, offsetBy: Self.shownBytes)
        while end < text.endIndex, text.utf8[end] & 0xC0 == 0x80 { end = text.utf8.index(after: end) }
        let shown = text[..<end]
        return (shown, total - shown.utf8.count)
    }

    private func layOut(_ pair: Int, _ side: CompareSide, width: Int) -> [CompareLine] {
        let entry = alignment.pairs[pair]
        guard let index = side == .old ? entry.old : entry.new else {
            return [CompareLine(role: .note, text: side == .old ? "+ only in the new version" : "- only in the old version")]
        }
        let first = side == .old ? alignment.pairs(forOld: index).first : alignment.pairs(forNew: index).first
        if let first, first != pair {
            return [CompareLine(role: .note, text: "^ the same section as above (\(entry.status.rawValue))")]
        }
        let report = self.report(side)
        let (text, cut) = shownText(report, index)
        let difference = self.difference(of: pair)
        let marks = difference.map { CompareDiffMarks.ranges(of: $0, side: side, in: text) } ?? []
        let base = report.sections[index].ownRange.lowerBound
        var lines = CompareLineBuilder.lines(
            of: text, base: base, bodyStart: report.sections[index].bodyRange.lowerBound, marks: marks, width: width)
        if cut > 0 {
            lines += CompareLineBuilder.note("… \(cut) more bytes not compared here (report-browser diff OLD NEW \(report.sections[index].address))", width: width)
        }
        if side == .new, let changes = difference?.numberChanges, !changes.isEmpty {
            let listed = changes.map { "\($0.old) \(arrow) \($0.new)" }.joined(separator: "  ")
            lines += CompareLineBuilder.note("numbers: " + listed, role: .numbers, width: width)
        }
        return lines
    }
}
