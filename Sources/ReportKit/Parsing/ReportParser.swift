#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the decoded text of a report into a `Report`. Total: any text gives a tree (possibly
/// with no sections), and the ranges it produces partition the text.
public enum ReportParser {
    /// - Parameter headingHints: heading levels the source marked up (HTML `<h2>`, a Word
    ///   heading style), by 0-based line; see `UnmarkedHeadingFinder.observeHinted`.
    public static func parse(_ text: String, headingHints: [Int: Int] = [:]) -> Report {
        var text = text
        text.makeContiguousUTF8()
        let hinted = Set(headingHints.keys.map { $0 + 1 })
        let built = text.utf8.withContiguousStorageIfAvailable { bytes in
            var scan = LineScan<SectionTreeBuilder>(text: text, bytes: bytes, hinted: hinted)
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
    var warnings: [ParseWarning]
}

/// One pass over the lines of the text, offering each line that starts with a marker to the
/// numbering context of the current document part. A document whose parts are headed by
/// unmarked lines is scanned twice: the first pass finds the candidates, the second makes them
/// sections.
struct LineScan<Tree: SectionStore> {
    /// nil when the bytes are scanned before their `String` exists (`BytesFirstParse`): the
    /// sections then get their marker and heading slices when the text is attached.
    let text: String?
    let bytes: UnsafeBufferPointer<UInt8>
    /// 1-based lines the source marked as headings.
    let hinted: Set<Int>
    /// Looked at every few thousand lines by a scan started before it was known to be needed
    /// (`BytesFirstParse.started`); a cancelled scan stops early with a partial result.
    let cancellation: SearchCancellation?
    private var tree: Tree
    private var context = NumberingContext()
    private var tableOfContents = TableOfContents()
    private var appendixAwaitingTitle: Int?
    /// A marker alone on its line (`一、` then `2025年预算执行情况`, as PDFs break them).
    private var headingAwaitingLine: Int?
    private var quote = QuotedWording()
    /// Amendment decisions (`关于修改《…》的决定`, `…修正案`) quote the wording they change; only
    /// they have marker lines that open a quotation, so only they pay for looking.
    private var quotesRules = false
    private var finder: UnmarkedHeadingFinder?
    private var unmarkedLines: [Int] = []
    private var unmarkedCursor = 0
    private var inAppendix = false
    /// The article an item just opened belongs to, until the article's text resumes.
    private var itemOfArticle: (article: Int, item: Int)?
    private var previousLine: Range<Int> = 0..<0
    private var warnings: [ParseWarning] = []
    private var starts: [Int] = []
    private var scalars: [Unicode.Scalar] = []
    private var offsets: [Int] = []

    init(text: String?, bytes: UnsafeBufferPointer<UInt8>, hinted: Set<Int> = [], cancellation: SearchCancellation? = nil) {
        self.text = text
        self.bytes = bytes
        self.hinted = hinted
        self.cancellation = cancellation
        tree = Tree(text: text)
    }

    /// Both passes over the lines; the sections are left in the store, their ranges unclosed.
    mutating func scan() -> (front: FrontMatter, tree: Tree, lineStarts: [Int], warnings: [ParseWarning]) {
        starts = lineStarts()
        let headerLines = starts.indices.prefix(FrontMatterParser.maximumHeaderLines).map {
            (text: UTF8Scalars.string(bytes, lineRange($0)), range: lineRange($0))
        }
        let front = FrontMatterParser.parse(lines: headerLines)
        finder = UnmarkedHeadingFinder()
        quotesRules = QuotedWording.isAmendment(title: front.title)
        scanAll(after: front.headerEnd)
        if let finder, finder.candidates.count >= UnmarkedHeadingFinder.minimumRepeats,
           case let chosen = finder.chosen(sections: tree.shapes), !chosen.isEmpty {
            self = LineScan(text: text, bytes: bytes, hinted: hinted, cancellation: cancellation)
            starts = lineStarts()
            unmarkedLines = chosen
            quotesRules = QuotedWording.isAmendment(title: front.title)
            scanAll(after: front.headerEnd)
        }
        // Moved out, not copied: a store left shared here would be copied whole (hundreds of
        // thousands of sections) by the first change the caller makes to it.
        var finished = Tree(text: text)
        swap(&finished, &tree)
        return (front, finished, starts, warnings)
    }

    private mutating func scanAll(after headerEnd: Int) {
        // Reserved, not touched: pages of the spare capacity never become resident, and the
        // array never has to be copied while it grows.
        tree.reserveCapacity(starts.count)
        for index in starts.indices where starts[index] >= headerEnd {
            if index & 4095 == 0, let cancellation, cancellation.isCancelled { return }
            scanLine(lineRange(index), number: index + 1)
        }
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
            if starts.count & 4095 == 0, let cancellation, cancellation.isCancelled { break }
        }
        return starts
    }

    /// Line `index` without its newline.
    private func lineRange(_ index: Int) -> Range<Int> {
        let end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count
        let start = starts[index]
        // The last line may end the text without a newline, or with one.
        if index + 1 == starts.count, end > start, bytes[end - 1] == UInt8(ascii: "\n") { return start..<(end - 1) }
        return start..<end
    }

    private mutating func scanLine(_ range: Range<Int>, number: Int) {
        let before = previousLine
        previousLine = range
        readLine(range, number: number, previous: before)
    }

    private mutating func readLine(_ range: Range<Int>, number: Int, previous: Range<Int>) {
        var offset = range.lowerBound
        var first: Unicode.Scalar?
        var strayControl: Unicode.Scalar?
        while offset < range.upperBound {
            let (scalar, length) = UTF8Scalars.decode(bytes, at: offset)
            if LayoutSpace.contains(scalar) || scalar == "\r" {
                offset += length
            } else if scalar.isStrayControl {
                strayControl = scalar
                offset += length
            } else {
                first = scalar
                break
            }
        }
        guard let first else {
            previousLine = previous
            return
        }
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
        if quote.isOpen {
            quote.read(bytes, range)
            observeText(range, first: first)
            return
        }
        // Page numbers and footnote marks: short lines only, so the test costs nothing on prose.
        if range.count <= 40, PageFurniture.mayStart(first), PageFurniture.isFurniture(UTF8Scalars.string(bytes, range)) {
            previousLine = previous
            return
        }
        if let pending = headingAwaitingLine {
            headingAwaitingLine = nil
            if adoptHeading(range, from: offset, for: pending) { return }
        }
        if unmarkedCursor < unmarkedLines.count, unmarkedLines[unmarkedCursor] == number {
            unmarkedCursor += 1
            openUnmarked(range, from: offset, number: number)
            return
        }
        if first == "“" {
            quote.read(bytes, range)
            observeText(range, first: first)
            return
        }
        guard MarkerScanner.mayStartMarker(first) || first == "目" else {
            resumeArticle(at: range, after: previous)
            observeText(range, first: first)
            return
        }
        if first == "目" {
            let normalized = LayoutSpace.removingAll(from: UTF8Scalars.string(bytes, range))
            if TableOfContents.isHeader(normalized) { tableOfContents.begin() }
            observeText(range, first: first)
            return
        }
        let scanned: MarkerMatch?
        if first == "附" {
            UTF8Scalars.prefix(bytes, in: offset..<range.upperBound, limit: AppendixLine.maximumLength + 1, into: &scalars, offsets: &offsets)
            scanned = MarkerScanner.match(scalars)
        } else {
            scanned = MarkerPrefix.match(bytes, in: offset..<range.upperBound, scalars: &scalars, offsets: &offsets)
        }
        let prefix = (scalars: scalars, offsets: offsets)
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
        guard let (match, keep, note) = acceptedMarker(scanned, prefix: prefix.scalars, range: range, number: number) else {
            resumeArticle(at: range, after: previous)
            if finder != nil, !inAppendix, let unplaced = scanned,
               finder?.observeUnplacedMarker(unplaced, line: number) == true {
                return
            }
            observeText(range, first: first)
            return
        }
        if let strayControl {
            warn(number, "control character U+\(String(strayControl.value, radix: 16, uppercase: true).leftPadded(to: 4)) before “\(markerText(match, prefix))” ignored")
        }
        if let note { warn(number, note) }
        let marker = markerLine(match, prefix: prefix, range: range, number: number)
        let index = tree.append(
            parent: context.parentSection(keeping: keep), kind: .section, markerRange: marker.markerRange,
            style: match.style, ordinal: match.ordinal, line: number,
            start: range.lowerBound, headingRange: marker.headingRange, bodyStart: marker.bodyStart)
        // Only laws have articles; most reports never pay for looking.
        if !quotesRules, match.ordinal == 1, match.style.isChapterLevel, QuotedWording.isAmendment(title: UTF8Scalars.string(bytes, marker.headingRange)) {
            quotesRules = true
        }
        let article = context.lastRuns[NumberingStyle.articleSlot] == nil ? nil : context.stack.prefix(keep).last { $0.style.isArticle }
        context.open(match, section: index, keeping: keep)
        itemOfArticle = article.map { (article: $0.section, item: index) }
        finder?.observeSection(line: number, ordinal: match.ordinal)
        if marker.headingRange.isEmpty, !match.style.isArticle, marker.bodyStart > range.upperBound {
            headingAwaitingLine = index
        }
        // An amendment item opens its quotation in its first clause (`将第六条修改为：“第六条…`),
        // so only the heading part of the line is searched for a “.
        if quotesRules, QuotedWording.contains(bytes, marker.headingRange.lowerBound..<min(marker.bodyStart, range.upperBound)) {
            quote.read(bytes, range)
        }
    }

    /// Inside a law article an item (项) is one paragraph: a new paragraph after it is the
    /// article's text again (款), not more of the item.
    private mutating func resumeArticle(at range: Range<Int>, after previous: Range<Int>) {
        guard let (article, item) = itemOfArticle, tree.count == item + 1 else { return }
        let end = UTF8Scalars.trimmedEnd(bytes, in: previous)
        guard end > previous.lowerBound else { return }
        var start = end - 1
        while start > previous.lowerBound, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard HeadingShape.endsParagraph(CollectionOfOne(UTF8Scalars.decode(bytes, at: start).0)) else { return }
        tree.resume(article, after: item, at: range.lowerBound)
        itemOfArticle = nil
    }

    /// The marker at the start of a line if it is a heading: where it attaches, and a warning
    /// when it was accepted only by tolerating a defect of the document.
    /// - Parameter scanned: `MarkerScanner.match` of the line's prefix; when nil, `prefix` is
    ///   the full prefix (see `MarkerPrefix`).
    private func acceptedMarker(
        _ scanned: MarkerMatch?, prefix: [Unicode.Scalar], range: Range<Int>, number: Int
    ) -> (MarkerMatch, Int, String?)? {
        if let match = scanned {
            if match.isGlued, !GluedNumber.isStandaloneHeading(UTF8Scalars.string(bytes, range)) { return nil }
            if let keep = context.placement(of: match) { return (match, keep, nil) }
            guard !match.isGlued, let gap = NumberingTolerance.skippedNumber(match, in: context),
                  runContinues(after: number, style: match.style, ordinal: match.ordinal, missing: gap.missing),
                  NumberingTolerance.hasHeadingShape(UTF8Scalars.string(bytes, range))
            else { return nil }
            return (match, gap.keep, "numbering jumps from \(gap.previousText) to \(gap.text)")
        }
        guard let typo = NumberingTolerance.unopenedParenthesis(prefix),
              let keep = context.placement(of: typo), context.hasOpenSibling(of: typo) else { return nil }
        var written = String.UnicodeScalarView()
        written.append(contentsOf: prefix[typo.markerStart..<typo.markerEnd])
        return (typo, keep, "“\(String(written))” read as （\(NumberingTolerance.numeral(typo.ordinal))）")
    }

    /// Whether the run goes on after a skipped number: the next marker of the style within a
    /// few hundred lines is the one after it, and the skipped number does not turn up first.
    private func runContinues(after number: Int, style: NumberingStyle, ordinal: Int, missing: Int) -> Bool {
        var index = number
        var prefixScalars: [Unicode.Scalar] = []
        var prefixOffsets: [Int] = []
        while index < starts.count, index < number + NumberingTolerance.lookahead {
            let range = lineRange(index)
            index += 1
            UTF8Scalars.prefix(bytes, in: range, limit: MarkerScanner.prefixLength, into: &prefixScalars, offsets: &prefixOffsets)
            guard let match = MarkerScanner.match(prefixScalars), match.style == style else { continue }
            if match.ordinal == ordinal + 1 { return true }
            if match.ordinal == missing || match.ordinal <= ordinal { return false }
        }
        return false
    }

    private func markerText(_ match: MarkerMatch, _ prefix: (scalars: [Unicode.Scalar], offsets: [Int])) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: prefix.scalars[match.markerStart..<match.markerEnd])
        return String(view)
    }

    private mutating func warn(_ line: Int, _ message: String) {
        warnings.append(ParseWarning(line: line, message: message))
    }

    /// Lines that are not sections, for the unmarked-heading finder of the first pass.
    private mutating func observeText(_ range: Range<Int>, first: Unicode.Scalar) {
        guard finder != nil, !inAppendix else { return }
        if !hinted.isEmpty, case let line = lineNumber(range.lowerBound), hinted.contains(line) {
            let visible = Array(UTF8Scalars.string(bytes, range).unicodeScalars.filter {
                !LayoutSpace.contains($0) && $0 != "\r" && !$0.isStrayControl
            })
            finder?.observeHinted(line: line, visible: visible)
            return
        }
        let end = UTF8Scalars.trimmedEnd(bytes, in: range)
        if end - range.lowerBound > UnmarkedHeadingFinder.maximumLength * 4 + 16 {
            var start = end - 1
            while start > range.lowerBound, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            let (last, _) = UTF8Scalars.decode(bytes, at: start)
            finder?.observeLongText(endsParagraph: HeadingShape.endsParagraph(CollectionOfOne(last)), first: first)
            return
        }
        let visible = Array(UTF8Scalars.string(bytes, range).unicodeScalars.filter {
            !LayoutSpace.contains($0) && $0 != "\r" && !$0.isStrayControl
        })
        let line = lineNumber(range.lowerBound)
        finder?.observeText(line: line, visible: visible)
    }

    private func lineNumber(_ offset: Int) -> Int {
        (starts.indexBeforePartition(where: { $0 > offset }) ?? 0) + 1
    }

    private mutating func openUnmarked(_ range: Range<Int>, from start: Int, number: Int) {
        let end = UTF8Scalars.trimmedEnd(bytes, in: start..<range.upperBound)
        let ordinal = unmarkedCursor
        let index = tree.append(
            parent: context.base?.section, kind: .section, markerRange: start..<start,
            style: .unmarked, ordinal: ordinal, line: number,
            start: range.lowerBound, headingRange: start..<end, bodyStart: min(range.upperBound + 1, bytes.count))
        let match = MarkerMatch(
            style: .unmarked, ordinal: ordinal, components: MarkerComponents(single: ordinal), markerStart: 0, markerEnd: 0, contentStart: 0)
        context.open(match, section: index, keeping: 0)
    }

    /// A lone marker takes the next line as its heading when that line reads as one: short,
    /// not itself a marker.
    private mutating func adoptHeading(_ range: Range<Int>, from start: Int, for index: Int) -> Bool {
        let end = UTF8Scalars.trimmedEnd(bytes, in: start..<range.upperBound)
        guard end - start <= NumberingTolerance.maximumHeadingBytes else { return false }
        UTF8Scalars.prefix(bytes, in: start..<end, limit: MarkerScanner.prefixLength, into: &scalars, offsets: &offsets)
        guard MarkerScanner.match(scalars) == nil else { return false }
        let stop = UTF8Scalars.firstFullStop(bytes, in: start..<end)
        let headingEnd = UTF8Scalars.trimmedEnd(bytes, in: start..<(stop ?? end))
        let bodyStart = stop.map { $0 + 3 } ?? min(range.upperBound + 1, bytes.count)
        tree.setHeading(of: index, range: start..<headingEnd, bodyStart: bodyStart)
        return true
    }

    private func markerLine(
        _ match: MarkerMatch, prefix: (scalars: [Unicode.Scalar], offsets: [Int]),
        range: Range<Int>, number: Int
    ) -> MarkerLine {
        let markerRange = prefix.offsets[match.markerStart]..<prefix.offsets[match.markerEnd]
        let contentStart = prefix.offsets[match.contentStart]
        let lineEnd = UTF8Scalars.trimmedEnd(bytes, in: contentStart..<range.upperBound)
        let nextLine = min(range.upperBound + 1, bytes.count)
        // An article has no heading of its own: its text, 。 included, is its body.
        if match.style.isArticle {
            return MarkerLine(
                match: match, markerRange: markerRange, line: number,
                lineStart: range.lowerBound, headingRange: contentStart..<contentStart,
                bodyStart: contentStart < lineEnd ? contentStart : nextLine)
        }
        let stop = UTF8Scalars.firstFullStop(bytes, in: contentStart..<lineEnd)
        let headingEnd = UTF8Scalars.trimmedEnd(bytes, in: contentStart..<(stop ?? lineEnd))
        let bodyStart = stop.map { $0 + 3 } ?? nextLine
        return MarkerLine(
            match: match, markerRange: markerRange, line: number,
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
            parent: nil, kind: .appendix, markerRange: markerRange,
            style: .appendix, ordinal: appendix.ordinal, line: number,
            start: range.lowerBound, headingRange: titleStart..<titleEnd,
            bodyStart: min(range.upperBound + 1, bytes.count))
        // An appendix restarts numbering: its 一、 is not chapter 四 of the report.
        context = NumberingContext()
        context.base = NumberingContext.OpenEntry(style: .appendix, components: MarkerComponents(single: appendix.ordinal), section: index)
        inAppendix = true
        headingAwaitingLine = nil
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
        tree.setHeading(of: index, range: start..<end, bodyStart: min(range.upperBound + 1, bytes.count))
        return true
    }
}

extension LineScan where Tree == SectionTreeBuilder {
    mutating func run() -> ScanResult {
        var (front, tree, starts, warnings) = scan()
        let (sections, roots) = tree.finish(byteCount: bytes.count)
        return ScanResult(
            front: front, sections: sections, roots: roots, lineStarts: starts, byteCount: bytes.count,
            warnings: warnings)
    }
}

extension Unicode.Scalar {
    /// C0 and C1 control characters other than the layout ones (tab, line and form feeds):
    /// debris of conversion that may stand in front of a marker.
    var isStrayControl: Bool {
        switch value {
        case 0x00...0x08, 0x0E...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension NumberingStyle {
    /// 第一条: a law's article, which has text but no heading.
    var isArticle: Bool {
        // Binding first: a pattern with a literal would build and compare a whole style, and
        // this runs on every marker line.
        guard case .ordinalUnit(let unit) = self else { return false }
        return unit == "条"
    }
}
