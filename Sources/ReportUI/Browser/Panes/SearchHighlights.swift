import ReportKit

/// Where search hits fall on the lines the detail pane draws. A hit is a byte range of the
/// report's text; a drawn line shows part of a paragraph (or of a heading's label) with TABs
/// expanded, controls as placeholders and the spaces at a wrap dropped, so the hit's bytes are
/// walked to cells through the same rules. A hit that runs over a wrap or a line break lights
/// up its part on each line.
package enum SearchHighlights {
    /// Hits that start this many hits before a range are still checked for reaching into it:
    /// hits of one term never overlap, so only a long hit of another term (or a long regex
    /// match) could, and looking back further would cost every frame.
    static let lookBehind = 32

    /// Restyles the cells of every hit on the drawn lines, the current hit last and distinct.
    package static func paint(
        into screen: inout Screen, rect: Rect, lines: [(unit: DetailUnit, line: DetailLine)],
        report: Report, results: SearchResults, current: Int?, theme: BrowserTheme
    ) {
        let sources = lines.map { LineSource($0.unit, $0.line, report: report) }
        let extents = sources.compactMap { $0?.extent }
        guard let low = extents.map(\.lowerBound).min(), let high = extents.map(\.upperBound).max() else { return }
        var hits = self.hits(overlapping: low..<high, in: results)
        // The current hit is painted last, so where hits overlap its style wins.
        hits.sort { ($0.index == current ? 1 : 0) < ($1.index == current ? 1 : 0) }
        for (row, source) in sources.enumerated() {
            guard let source else { continue }
            let y = rect.y + row
            for hit in hits {
                let style = hit.index == current ? theme.searchCurrent : theme.searchHit
                for bytes in source.lineRanges(of: hit.range) {
                    let indent = lines[row].line.indent
                    guard let found = cells(of: bytes, in: source.text, limit: DisplayWidth.of(lines[row].line.text) - indent) else { continue }
                    let cells = (found.lowerBound + indent)..<(found.upperBound + indent)
                    screen.restyle(x: rect.x + cells.lowerBound, y: y, width: min(cells.count, rect.maxX - rect.x - cells.lowerBound)) {
                        $0 = style
                    }
                }
            }
        }
    }

    /// Lights one byte range as the current hit is: the figure jumped to from the figures list.
    package static func paint(
        into screen: inout Screen, rect: Rect, lines: [(unit: DetailUnit, line: DetailLine)],
        report: Report, range: Range<Int>, theme: BrowserTheme
    ) {
        for (row, placed) in lines.enumerated() {
            guard let source = LineSource(placed.unit, placed.line, report: report) else { continue }
            for bytes in source.lineRanges(of: range) {
                let indent = placed.line.indent
                guard let found = cells(of: bytes, in: source.text, limit: DisplayWidth.of(placed.line.text) - indent) else { continue }
                let cells = (found.lowerBound + indent)..<(found.upperBound + indent)
                screen.restyle(x: rect.x + cells.lowerBound, y: rect.y + row, width: min(cells.count, rect.maxX - rect.x - cells.lowerBound)) {
                    $0 = theme.searchCurrent
                }
            }
        }
    }

    /// The hits overlapping a byte range of the text.
    package static func hits(overlapping span: Range<Int>, in results: SearchResults) -> [(index: Int, range: Range<Int>)] {
        let first = results.firstHit(atOrAfter: span.lowerBound) ?? results.totalCount
        var found: [(index: Int, range: Range<Int>)] = []
        for index in stride(from: first - 1, through: max(0, first - lookBehind), by: -1) {
            let range = results.hits[index].range
            if range.upperBound > span.lowerBound { found.append((index, range)) }
        }
        var index = first
        while index < results.totalCount {
            let range = results.hits[index].range
            guard range.lowerBound < span.upperBound else { break }
            found.append((index, range))
            index += 1
        }
        return found
    }

    /// The cells a byte range of a line's text covers, walking the text as
    /// `WrappedLine.displayText` draws it; nil when none of it shows. `limit` is the drawn
    /// width: hanging spaces past it are not drawn, so not highlighted either.
    package static func cells(of bytes: Range<Int>, in text: Substring, limit: Int) -> Range<Int>? {
        var column = 0
        var offset = 0
        var start: Int?
        var end = 0
        for character in text {
            guard offset < bytes.upperBound else { break }
            let size = character.utf8.count
            let width: Int
            if character == "\t" {
                width = LineBreaker.tabStop - column % LineBreaker.tabStop
            } else if let placeholder = VisibleText.placeholder(for: character) {
                width = DisplayWidth.of(placeholder)
            } else {
                width = DisplayWidth.of(character)
            }
            if offset + size > bytes.lowerBound {
                if start == nil { start = column }
                end = column + width
            }
            column += width
            offset += size
        }
        guard let start else { return nil }
        let clipped = start..<max(start, min(end, limit))
        return clipped.isEmpty ? nil : clipped
    }
}

/// A drawn line's text and how the report's bytes map into it.
private struct LineSource {
    /// The line's part of the unit's text, before TABs and controls are made visible.
    let text: Substring
    /// Report bytes shown by the line, and where each run starts in `text`.
    private let runs: [(source: Range<Int>, start: Int)]

    var extent: Range<Int>? {
        guard let low = runs.map(\.source.lowerBound).min(), let high = runs.map(\.source.upperBound).max() else { return nil }
        return low..<high
    }

    init?(_ unit: DetailUnit, _ line: DetailLine, report: Report) {
        switch (line.role, unit.part) {
        case (.body, .body):
            if let joined = line.joined {
                text = joined.text
                runs = joined.runs.map { ($0.source, $0.start) }
                return
            }
            let start = unit.start + line.textRange.lowerBound
            let source = start..<(start + line.textRange.count)
            text = report.slice(source)
            runs = [(source, 0)]
        case (.title, .heading):
            // The title as the front matter shows it, when it stands in the text as it is.
            let label = SectionLabels.title(of: report)
            guard let start = HeadingLabelMap.find(label, in: report.frontRange.lowerBound..<report.preambleStart, of: report),
                line.textRange.upperBound <= label.utf8.count
            else { return nil }
            text = label[utf8Range: line.textRange]
            runs = [((start + line.textRange.lowerBound)..<(start + line.textRange.upperBound), 0)]
        case (.heading, .heading):
            guard let section = unit.section else { return nil }
            let info = report.sections[section]
            if let written = SectionLabels.writtenHeadingRange(of: info, in: report) {
                // The line shows the source verbatim: one run, no label arithmetic.
                guard line.textRange.upperBound <= written.count else { return nil }
                let source = (written.lowerBound + line.textRange.lowerBound)..<(written.lowerBound + line.textRange.upperBound)
                text = report.slice(source)
                runs = [(source, 0)]
                return
            }
            let label = SectionLabels.treeLabel(of: info)
            guard line.textRange.upperBound <= label.utf8.count else { return nil }
            text = label[utf8Range: line.textRange]
            // Label runs clipped to this line, in line coordinates.
            runs = HeadingLabelMap.runs(of: info, label: label, report: report).compactMap { run in
                let labelRange = run.labelStart..<(run.labelStart + run.source.count)
                let shown = labelRange.clamped(to: line.textRange)
                guard !shown.isEmpty else { return nil }
                let source = (run.source.lowerBound + shown.lowerBound - run.labelStart)..<(run.source.lowerBound + shown.upperBound - run.labelStart)
                return (source, shown.lowerBound - line.textRange.lowerBound)
            }
        case (.metadata, .metadata):
            // The rows are `key: value` entries one byte apart (see `DetailDocument`), which is
            // the header's text with a one-byte separator.
            let entries = HeaderMetadata(report: report, separator: "\n")
            guard line.textRange.upperBound <= entries.text.utf8.count else { return nil }
            text = entries.text[utf8Range: line.textRange]
            runs = entries.runs.compactMap { run in
                let entryRange = run.start..<(run.start + run.source.count)
                let shown = entryRange.clamped(to: line.textRange)
                guard !shown.isEmpty else { return nil }
                let source = (run.source.lowerBound + shown.lowerBound - run.start)..<(run.source.lowerBound + shown.upperBound - run.start)
                return (source, shown.lowerBound - line.textRange.lowerBound)
            }
        default:
            return nil
        }
    }

    /// Where a byte range of the report falls in `text`.
    func lineRanges(of hit: Range<Int>) -> [Range<Int>] {
        runs.compactMap { run in
            let overlap = hit.clamped(to: run.source)
            guard !overlap.isEmpty else { return nil }
            let start = run.start + overlap.lowerBound - run.source.lowerBound
            return start..<(start + overlap.count)
        }
    }
}

/// A heading is drawn as its label (`(二)创新改革举措`, `第一章 总则`, `附件 …`), which joins the
/// marker and the heading text the parser copied out of the line. Both are verbatim bytes of the
/// source, so each maps back to where it stands in the text.
enum HeadingLabelMap {
    static func runs(of section: Section, label: String, report: Report) -> [(source: Range<Int>, labelStart: Int)] {
        let labelBytes = Array(label.utf8)
        let headingBytes = section.heading.utf8.count
        let headingStart = labelBytes.count - headingBytes
        var runs: [(source: Range<Int>, labelStart: Int)] = []
        if headingBytes > 0, headingStart >= 0, section.headingRange.count == headingBytes,
            labelBytes[headingStart...].elementsEqual(section.heading.utf8),
            report.slice(section.headingRange) == section.heading
        {
            runs.append((section.headingRange, headingStart))
        }
        // The label is `[附件 ]marker[ ]heading`; the marker stands before the heading's start in
        // the line (or on the line before, for an appendix whose title is the next line).
        let marker = Array(section.marker.utf8)
        var markerEnd = headingStart
        if headingBytes > 0, markerEnd > 0, labelBytes[markerEnd - 1] == 0x20 { markerEnd -= 1 }
        let markerStart = markerEnd - marker.count
        guard !marker.isEmpty, markerStart >= 0, labelBytes[markerStart..<markerEnd].elementsEqual(marker) else { return runs }
        let windowEnd = min(max(section.headingRange.lowerBound, section.ownRange.lowerBound), section.ownRange.upperBound)
        guard let markerSource = find(section.marker, in: section.ownRange.lowerBound..<windowEnd, of: report) else { return runs }
        runs.append((markerSource..<(markerSource + marker.count), markerStart))
        return runs
    }

    /// Where `needle`'s bytes first stand in a short range of the text.
    static func find(_ needle: String, in range: Range<Int>, of report: Report) -> Int? {
        let pattern = Array(needle.utf8)
        let window = Array(report.slice(range).utf8)
        guard !pattern.isEmpty, window.count >= pattern.count else { return nil }
        return (0...(window.count - pattern.count))
            .first { window[$0..<($0 + pattern.count)].elementsEqual(pattern) }
            .map { range.lowerBound + $0 }
    }
}
