import ReportKit

/// What the detail pane shows for one row of the tree, laid out lazily: the selected section's
/// breadcrumb and heading, its text, then every subsection in order, so a reader can scroll
/// straight through a chapter. For the title row, the front matter. Only the units a frame or
/// a scroll touches are ever wrapped, which keeps a 10 MB chapter as cheap as a short one.
///
/// `continuous` (GNU info's default) makes the document the whole report whatever the row:
/// the front matter, then every section in order, so reading runs on past the end of a
/// section. The row only says where to start; there is no breadcrumb unit, the pane's sticky
/// line names the section instead.
package struct DetailDocument {
    package let report: Report
    package let root: OutlineRow
    package let width: Int
    package let glyphs: BrowserGlyphs
    package let continuous: Bool
    /// Hard-wrapped lines are shown joined and re-broken at the pane's width; nil: as cut.
    package let reflow: HardWrapProfile?
    private let cache: DetailLineCache
    private let navigator: OutlineNavigator

    package init(
        report: Report, root: OutlineRow, width: Int, glyphs: BrowserGlyphs, cache: DetailLineCache,
        continuous: Bool = false, reflow: HardWrapProfile? = nil
    ) {
        self.continuous = continuous
        self.reflow = reflow
        self.report = report
        self.root = root
        self.width = max(1, width)
        self.glyphs = glyphs
        self.cache = cache
        // Only for subtree arithmetic, which does not depend on what is open.
        navigator = OutlineNavigator(report: report, expansion: Expansion(openThroughDepth: 0))
    }

    // MARK: Units in order

    package var firstUnit: DetailUnit {
        if continuous { return unit(nil, .heading) }
        guard let index = root.sectionIndex else { return unit(nil, .heading) }
        return report.sections[index].depth > 1 ? unit(index, .breadcrumb) : unit(index, .heading)
    }

    package var lastUnit: DetailUnit {
        if continuous, let last = report.sections.indices.last {
            return lastParagraph(of: last) ?? unit(last, .heading)
        }
        guard let index = root.sectionIndex else {
            return lastParagraph(of: nil) ?? (report.metadata.isEmpty ? unit(nil, .heading) : unit(nil, .metadata))
        }
        let last = (navigator.indexAfterSubtree(of: index) ?? report.sections.count) - 1
        return lastParagraph(of: last) ?? unit(last, .heading)
    }

    package func unit(after current: DetailUnit) -> DetailUnit? {
        guard let section = current.section else {
            switch current.part {
            case .heading:
                return report.metadata.isEmpty ? firstParagraph(of: nil) ?? frontGap : unit(nil, .metadata)
            // The metadata ends with a blank line of its own.
            case .metadata: return firstParagraph(of: nil) ?? firstSectionHeading
            case .body: return paragraph(after: current.start, in: nil) ?? frontGap
            case .gap: return firstSectionHeading
            case .breadcrumb: return nil
            }
        }
        switch current.part {
        case .breadcrumb: return unit(section, .heading)
        case .heading: return firstParagraph(of: section) ?? gap(after: section)
        case .body: return paragraph(after: current.start, in: section) ?? gap(after: section)
        case .gap: return unit(section + 1, .heading)
        case .metadata: return nil
        }
    }

    package func unit(before current: DetailUnit) -> DetailUnit? {
        guard let section = current.section else {
            switch current.part {
            case .metadata: return unit(nil, .heading)
            case .body:
                if let previous = paragraph(before: current.start, in: nil) { return previous }
                return report.metadata.isEmpty ? unit(nil, .heading) : unit(nil, .metadata)
            case .gap: return lastFrontUnit
            case .heading, .breadcrumb: return nil
            }
        }
        switch current.part {
        case .breadcrumb, .metadata: return nil
        case .heading:
            if continuous {
                guard section > 0 else {
                    // Metadata ends in its own blank line; text gets the gap.
                    let endsInMetadata = lastParagraph(of: nil) == nil && !report.metadata.isEmpty
                    return endsInMetadata ? unit(nil, .metadata) : frontGap ?? lastFrontUnit
                }
                return unit(section - 1, .gap)
            }
            if section == root.sectionIndex {
                return report.sections[section].depth > 1 ? unit(section, .breadcrumb) : nil
            }
            return unit(section - 1, .gap)
        case .body: return paragraph(before: current.start, in: section) ?? unit(section, .heading)
        case .gap: return lastParagraph(of: section) ?? unit(section, .heading)
        }
    }

    private func unit(_ section: Int?, _ part: DetailPosition.Part, start: Int = 0) -> DetailUnit {
        DetailUnit(section: section, part: part, start: start)
    }

    func gap(after section: Int) -> DetailUnit? {
        if continuous { return section + 1 < report.sections.count ? unit(section, .gap) : nil }
        guard let rootIndex = root.sectionIndex, section + 1 < report.sections.count,
            navigator.isInSubtree(section + 1, of: rootIndex)
        else { return nil }
        return unit(section, .gap)
    }

    // MARK: The front matter in a continuous document

    private var firstSectionHeading: DetailUnit? {
        continuous && !report.sections.isEmpty ? unit(0, .heading) : nil
    }

    /// The blank line between the front matter's text and the first section.
    private var frontGap: DetailUnit? {
        firstSectionHeading == nil ? nil : unit(nil, .gap)
    }

    /// The front matter's last line before its gap.
    private var lastFrontUnit: DetailUnit {
        lastParagraph(of: nil) ?? (report.metadata.isEmpty ? unit(nil, .heading) : unit(nil, .metadata))
    }

    /// Whether the document shows `section` (nil: the front matter).
    func contains(_ section: Int?) -> Bool {
        if continuous { return section.map { $0 >= 0 && $0 < report.sections.count } ?? true }
        return switch (root.sectionIndex, section) {
        case (nil, nil): true
        case (let rootIndex?, let section?): section < report.sections.count && navigator.isInSubtree(section, of: rootIndex)
        default: false
        }
    }

    // MARK: Paragraphs of a body

    /// Where a body's text starts and ends, leading blanks skipped; nil when it is all blank.
    package func bodyBounds(of section: Int?) -> Range<Int>? {
        let raw: Range<Int>
        if let section {
            let info = report.sections[section]
            raw = info.bodyRange.lowerBound..<min(info.bodyRange.upperBound, info.ownRange.upperBound)
        } else {
            raw = report.preambleStart..<report.frontRange.upperBound
        }
        guard !raw.isEmpty else { return nil }
        var start = raw.lowerBound
        for character in report.slice(raw) {
            guard character.isWhitespace else { break }
            start += character.utf8.count
        }
        guard lastTextByte(in: start..<raw.upperBound) != nil else { return nil }
        return start..<raw.upperBound
    }

    /// The offset just past the last byte that is not ASCII blank, or nil for blank text.
    private func lastTextByte(in range: Range<Int>) -> Int? {
        let utf8 = report.text.utf8
        var offset = range.upperBound
        var index = report.text.index(atUTF8Offset: offset)
        while offset > range.lowerBound {
            index = utf8.index(before: index)
            offset -= 1
            if !isBlank(utf8[index]) { return offset + 1 }
        }
        return nil
    }

    private func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func firstParagraph(of section: Int?) -> DetailUnit? {
        bodyBounds(of: section).map { unit(section, .body, start: $0.lowerBound) }
    }

    func lastParagraph(of section: Int?) -> DetailUnit? {
        guard let bounds = bodyBounds(of: section), let last = lastTextByte(in: bounds) else { return nil }
        return unit(section, .body, start: paragraphStart(containing: last - 1, bounds: bounds))
    }

    /// A line longer than this is laid out in pieces of about this many bytes, each its own
    /// unit, so a 10 MB line without a break costs no more to show than a short one. Each piece
    /// ends its last row early, once per several hundred rows.
    static let pieceLength = 16_384

    /// The start of the unit holding `offset`: its line's start, or the start of the piece of
    /// a very long line.
    func paragraphStart(containing offset: Int, bounds: Range<Int>) -> Int {
        let lineNumber = report.lines.line(at: offset)
        let lineStart = report.lines.starts[lineNumber - 1]
        if reflow != nil, offset - lineStart < Self.pieceLength {
            let first = joinedStart(ofLine: lineNumber, bounds: bounds)
            if first != lineNumber { return max(report.lines.starts[first - 1], bounds.lowerBound) }
        }
        var piece = (offset - lineStart) / Self.pieceLength
        var start = alignedToCharacter(lineStart + piece * Self.pieceLength)
        if start > offset {
            piece -= 1
            start = alignedToCharacter(lineStart + piece * Self.pieceLength)
        }
        return max(start, bounds.lowerBound)
    }

    func paragraphEnd(from start: Int, bounds: Range<Int>) -> Int {
        let line = report.lines.line(at: start)
        let lineStart = report.lines.starts[line - 1]
        let piece = (start - lineStart) / Self.pieceLength
        let pieceEnd = alignedToCharacter(lineStart + (piece + 1) * Self.pieceLength)
        let end = min(report.lines.range(ofLine: line).upperBound, bounds.upperBound, pieceEnd)
        return joinedEnd(fromLine: line, end: end, bounds: bounds)
    }

    /// The first offset at or after `offset` that starts a UTF-8 sequence.
    private func alignedToCharacter(_ offset: Int) -> Int {
        let utf8 = report.text.utf8
        guard offset < utf8.count else { return utf8.count }
        var index = report.text.index(atUTF8Offset: offset)
        var aligned = offset
        while index < utf8.endIndex, utf8[index] & 0xC0 == 0x80 {
            index = utf8.index(after: index)
            aligned += 1
        }
        return aligned
    }

    private func paragraph(after start: Int, in section: Int?) -> DetailUnit? {
        guard let bounds = bodyBounds(of: section) else { return nil }
        let next = paragraphEnd(from: start, bounds: bounds)
        // Blank lines before the next heading are not worth a row each.
        guard next < bounds.upperBound, lastTextByte(in: next..<bounds.upperBound) != nil else { return nil }
        return unit(section, .body, start: next)
    }

    private func paragraph(before start: Int, in section: Int?) -> DetailUnit? {
        guard let bounds = bodyBounds(of: section), start > bounds.lowerBound else { return nil }
        return unit(section, .body, start: paragraphStart(containing: start - 1, bounds: bounds))
    }

    /// The paragraph's text without its line break.
    private func paragraphText(at start: Int, in section: Int?) -> Substring {
        guard let bounds = bodyBounds(of: section) else { return "" }
        var text = report.slice(start..<paragraphEnd(from: start, bounds: bounds))
        while let last = text.last, last == "\n" || last == "\r" || last == "\r\n" { text.removeLast() }
        return text
    }

    // MARK: Lines

    package func lines(of unit: DetailUnit) -> [DetailLine] {
        cache.lines(of: unit, width: width, glyphs: glyphs, reflow: reflow) { layOut(unit) }
    }

    private func layOut(_ unit: DetailUnit) -> [DetailLine] {
        switch unit.part {
        case .breadcrumb:
            let path = SectionLabels.breadcrumb(
                of: .section(unit.section ?? 0), in: report, separator: glyphs.pathSeparator, includingSelf: false)
            return wrapped(Substring(path), role: .breadcrumb, section: unit.section, rows: true)
        case .heading:
            guard let section = unit.section else {
                return wrapped(Substring(SectionLabels.title(of: report)), role: .title, section: nil, rows: true)
            }
            let written = SectionLabels.writtenHeading(of: report.sections[section], in: report)
            return wrapped(written, role: .heading, section: section, rows: true)
        case .metadata:
            // Text ranges count through all entries, one byte between them, so a place in the
            // metadata is a byte of it whatever the width.
            var lines: [DetailLine] = []
            var base = 0
            for entry in report.metadata {
                let text = Substring("\(entry.key): \(entry.value)")
                for line in wrapped(text, role: .metadata, section: nil, rows: true) {
                    let range = (base + line.textRange.lowerBound)..<(base + line.textRange.upperBound)
                    lines.append(DetailLine(text: line.text, role: .metadata, section: nil, offset: lines.count, textRange: range))
                }
                base += text.utf8.count + 1
            }
            lines.append(DetailLine(text: "", role: .blank, section: nil, offset: lines.count, textRange: base..<base))
            return lines
        case .body:
            let text = paragraphText(at: unit.start, in: unit.section)
            if let bounds = bodyBounds(of: unit.section),
                let joined = joinedText(from: unit.start, to: paragraphEnd(from: unit.start, bounds: bounds))
            {
                return reflowed(joined, unitStart: unit.start, section: unit.section, indent: showsIndent(text, at: unit.start))
            }
            if showsIndent(text, at: unit.start) { return indented(text, section: unit.section) }
            return wrapped(text, role: .body, section: unit.section, rows: false)
        case .gap:
            return [DetailLine(text: "", role: .blank, section: unit.section, offset: 0)]
        }
    }

    // MARK: First-line indent

    /// GB/T 9704 indents a paragraph's first line by two characters (`　　`). A source that
    /// dropped the indent (most web pages and converted files) would make a paragraph ending at
    /// the right margin look continued by the next; such a paragraph is shown indented. Only a
    /// paragraph that starts its source line with Chinese text: a list item, a table row or
    /// Latin text keeps its own shape, and so does text that runs on from a heading's line.
    static let indent = "　　"
    static let indentMinimumWidth = 16

    private func showsIndent(_ text: Substring, at start: Int) -> Bool {
        guard width >= Self.indentMinimumWidth, let first = text.unicodeScalars.first else { return false }
        guard report.lines.starts[report.lines.line(at: start) - 1] == start else { return false }
        switch first.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x201C, 0x300A, 0x3008, 0x300C, 0x300E, 0x3010: return true
        default: return false
        }
    }

    /// The paragraph wrapped after the indent; ranges and offsets stay those of the source, the
    /// first line says how many cells the indent takes.
    private func indented(_ text: Substring, section: Int?) -> [DetailLine] {
        let prefixed = Substring(Self.indent + text)
        let shift = Self.indent.utf8.count
        let cells = DisplayWidth.of(Self.indent)
        return LineBreaker.wrap(prefixed, width: width).enumerated().map { row, line in
            let lower = max(0, line.range.lowerBound - shift)
            let upper = max(lower, line.range.upperBound - shift)
            return DetailLine(
                text: line.displayText(in: prefixed), role: .body, section: section, offset: lower,
                sourceLength: upper - lower, textRange: lower..<upper, indent: row == 0 ? cells : 0)
        }
    }

    private func wrapped(_ text: Substring, role: DetailLine.Role, section: Int?, rows: Bool) -> [DetailLine] {
        LineBreaker.wrap(text, width: width).enumerated().map { row, line in
            DetailLine(
                text: line.displayText(in: text), role: role, section: section,
                offset: rows ? row : line.range.lowerBound, sourceLength: rows ? 0 : line.range.count,
                textRange: line.range)
        }
    }
}
