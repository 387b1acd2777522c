#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the decoded text of a report into a `Report`. Total: any text gives a tree (possibly
/// with no sections), and the ranges it produces partition the text.
public enum ReportParser {
    public static func parse(_ text: String) -> Report {
        var text = text
        text.makeContiguousUTF8()
        let built = text.utf8.withContiguousStorageIfAvailable { bytes in
            var scan = LineScan(text: text, bytes: bytes)
            return scan.run()
        }
        // makeContiguousUTF8 guarantees contiguous storage, so `built` is never nil.
        guard let built else { return emptyReport(text) }
        return ReportAssembler.assemble(text: text, scan: built)
    }

    private static func emptyReport(_ text: String) -> Report {
        let lines = LineTable(utf8: text.utf8)
        return Report(
            text: text, lines: lines, title: "", metadata: [], frontRange: 0..<text.utf8.count,
            preambleStart: 0, sections: [], roots: [])
    }
}

/// The result of scanning the lines: front matter, sections and the line table.
struct ScanResult {
    var front: FrontMatter
    var sections: [Section]
    var roots: [Int]
    var lineStarts: [Int]
    var byteCount: Int
}

/// One pass over the lines of the text, offering each line that starts with a marker to the
/// numbering context of the current document part.
struct LineScan {
    let text: String
    let bytes: UnsafeBufferPointer<UInt8>
    private var tree = SectionTreeBuilder()
    private var context = NumberingContext()
    private var tableOfContents = TableOfContents()
    private var appendixAwaitingTitle: Int?
    private var scalars: [Unicode.Scalar] = []
    private var offsets: [Int] = []

    init(text: String, bytes: UnsafeBufferPointer<UInt8>) {
        self.text = text
        self.bytes = bytes
    }

    /// A slice of the text by byte offsets (O(1) on native UTF-8 strings).
    private func slice(_ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return text[lower..<utf8.index(lower, offsetBy: range.count)]
    }

    mutating func run() -> ScanResult {
        let starts = lineStarts()
        let headerLines = starts.indices.prefix(FrontMatterParser.maximumHeaderLines).map {
            (text: UTF8Scalars.string(bytes, lineRange($0, starts)), range: lineRange($0, starts))
        }
        let front = FrontMatterParser.parse(lines: headerLines)
        // Reserved, not touched: pages of the spare capacity never become resident, and the
        // array never has to be copied while it grows.
        tree.reserveCapacity(starts.count)
        for index in starts.indices where starts[index] >= front.headerEnd {
            scanLine(lineRange(index, starts), number: index + 1)
        }
        let (sections, roots) = tree.finish(byteCount: bytes.count)
        return ScanResult(front: front, sections: sections, roots: roots, lineStarts: starts, byteCount: bytes.count)
    }

    /// Offsets where lines start; a final line without newline counts, an empty last line after
    /// a final newline does not.
    private func lineStarts() -> [Int] {
        var starts = [0]
        guard let base = bytes.baseAddress else { return starts }
        var start = 0
        // memchr scans many bytes per step; the line loop is the first pass over 100 MB inputs.
        while start < bytes.count, let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) {
            start = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
            if start < bytes.count { starts.append(start) }
        }
        return starts
    }

    /// Line `index` without its newline.
    private func lineRange(_ index: Int, _ starts: [Int]) -> Range<Int> {
        let end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count
        let start = starts[index]
        // The last line may end the text without a newline, or with one.
        if index + 1 == starts.count, end > start, bytes[end - 1] == UInt8(ascii: "\n") { return start..<(end - 1) }
        return start..<end
    }

    private mutating func scanLine(_ range: Range<Int>, number: Int) {
        var offset = range.lowerBound
        var first: Unicode.Scalar?
        while offset < range.upperBound {
            let (scalar, length) = UTF8Scalars.decode(bytes, at: offset)
            if !LayoutSpace.contains(scalar), scalar != "\r" {
                first = scalar
                break
            }
            offset += length
        }
        guard let first else { return }
        if tableOfContents.isActive {
            let line = UTF8Scalars.string(bytes, range)
            let normalized = LayoutSpace.removingAll(from: line)
            if tableOfContents.consumes(normalizedLine: normalized, scalarCount: normalized.unicodeScalars.count) {
                return
            }
        }
        if let pending = appendixAwaitingTitle {
            appendixAwaitingTitle = nil
            if adoptAppendixTitle(range, for: pending) { return }
        }
        guard MarkerScanner.mayStartMarker(first) || first == "目" else { return }
        let limit = first == "附" ? AppendixLine.maximumLength + 1 : MarkerScanner.prefixLength
        UTF8Scalars.prefix(bytes, in: range, limit: limit, into: &scalars, offsets: &offsets)
        let prefix = (scalars: scalars, offsets: offsets)
        if first == "目" {
            let normalized = LayoutSpace.removingAll(from: UTF8Scalars.string(bytes, range))
            if TableOfContents.isHeader(normalized) { tableOfContents.begin() }
            return
        }
        if first == "附" {
            let length = range.count <= AppendixLine.maximumLength * 4
                ? UTF8Scalars.string(bytes, range).unicodeScalars.count : Int.max
            if let appendix = AppendixLine.match(prefix.scalars, lineLength: length),
               !tree.isEmpty || appendix.titleStart >= prefix.scalars.count {
                // Before any section, `附件：实施方案` lists what a notice encloses; only a bare
                // `附件1` line there starts the enclosed document as an appendix.
                openAppendix(appendix, prefix: prefix, range: range, number: number)
                return
            }
        }
        guard let match = MarkerScanner.match(prefix.scalars),
              let keep = context.placement(of: match) else { return }
        let marker = markerLine(match, prefix: prefix, range: range, number: number)
        let index = tree.append(
            parent: context.parentSection(keeping: keep), kind: .section, marker: marker.marker,
            style: match.style, ordinal: match.ordinal, heading: marker.heading, line: number,
            start: range.lowerBound, headingRange: marker.headingRange, bodyStart: marker.bodyStart)
        context.open(match, section: index, keeping: keep)
    }

    private func markerLine(
        _ match: MarkerMatch, prefix: (scalars: [Unicode.Scalar], offsets: [Int]),
        range: Range<Int>, number: Int
    ) -> MarkerLine {
        let markerRange = prefix.offsets[match.markerStart]..<prefix.offsets[match.markerEnd]
        let contentStart = prefix.offsets[match.contentStart]
        let lineEnd = UTF8Scalars.trimmedEnd(bytes, in: contentStart..<range.upperBound)
        let stop = UTF8Scalars.firstFullStop(bytes, in: contentStart..<lineEnd)
        let headingEnd = UTF8Scalars.trimmedEnd(bytes, in: contentStart..<(stop ?? lineEnd))
        let bodyStart = stop.map { $0 + 3 } ?? min(range.upperBound + 1, bytes.count)
        return MarkerLine(
            match: match, marker: slice(markerRange),
            heading: slice(contentStart..<headingEnd), line: number,
            lineStart: range.lowerBound, headingRange: contentStart..<headingEnd, bodyStart: bodyStart)
    }

    private mutating func openAppendix(
        _ appendix: AppendixLine.Match, prefix: (scalars: [Unicode.Scalar], offsets: [Int]),
        range: Range<Int>, number: Int
    ) {
        var markerStart = 0
        while LayoutSpace.contains(prefix.scalars[markerStart]) { markerStart += 1 }
        let markerRange = prefix.offsets[markerStart]..<prefix.offsets[appendix.markerEnd]
        let titleStart = prefix.offsets[appendix.titleStart]
        let titleEnd = UTF8Scalars.trimmedEnd(bytes, in: titleStart..<range.upperBound)
        let index = tree.append(
            parent: nil, kind: .appendix, marker: slice(markerRange),
            style: .appendix, ordinal: appendix.ordinal,
            heading: slice(titleStart..<titleEnd), line: number,
            start: range.lowerBound, headingRange: titleStart..<titleEnd,
            bodyStart: min(range.upperBound + 1, bytes.count))
        // An appendix restarts numbering: its 一、 is not chapter 四 of the report.
        context = NumberingContext()
        context.base = NumberingContext.OpenEntry(style: .appendix, components: [appendix.ordinal], section: index)
        if titleStart >= titleEnd { appendixAwaitingTitle = index }
    }

    /// `附件1` alone on its line takes the next short line (`2026年省十件民生实事`) as its heading.
    private mutating func adoptAppendixTitle(_ range: Range<Int>, for index: Int) -> Bool {
        let line = UTF8Scalars.string(bytes, range)
        let trimmed = LayoutSpace.trimmed(line)
        guard trimmed.unicodeScalars.count <= AppendixLine.maximumLength,
              !trimmed.contains("。"),
              MarkerScanner.match(Array(trimmed.unicodeScalars.prefix(MarkerScanner.prefixLength))) == nil
        else { return false }
        let start = range.lowerBound + (line.utf8.count - line.drop { LayoutSpace.contains($0.unicodeScalars.first!) }.utf8.count)
        let end = UTF8Scalars.trimmedEnd(bytes, in: start..<range.upperBound)
        tree.setHeading(of: index, to: slice(start..<end), range: start..<end, bodyStart: min(range.upperBound + 1, bytes.count))
        return true
    }
}
