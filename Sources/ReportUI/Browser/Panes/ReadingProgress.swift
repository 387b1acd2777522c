import ReportKit

/// Where the reader is, for the status line: the section (k of N), how far through the report
/// the bottom of the text pane is (as less counts its percentage), the source lines the pane
/// shows, so that the line numbers `search` prints can be matched against the screen, and the
/// page of a PDF.
package struct ReadingProgress: Hashable, Sendable {
    /// 1-based index of the selected section; 0 on the title.
    package var section: Int
    package var sectionCount: Int
    /// Of the report's text, up to the end of the last line on screen.
    package var percent: Int
    /// 1-based source lines of the first and last text on screen; nil when the pane shows no
    /// text of the source (an empty report).
    package var lines: ClosedRange<Int>?
    package var lineCount: Int
    /// The page (of a paginated source) that the top line is on.
    package var page: Int?

    package init(section: Int, sectionCount: Int, percent: Int, lines: ClosedRange<Int>?, lineCount: Int, page: Int?) {
        self.section = section
        self.sectionCount = sectionCount
        self.percent = percent
        self.lines = lines
        self.lineCount = lineCount
        self.page = page
    }

    /// Worked out from the lines the text pane draws. When a one-pane layout shows the tree, the
    /// text pane is measured as it would be shown, so the figures do not jump on Tab.
    package static func of(
        _ state: BrowserState, report: Report, origin: ReportOrigin?, glyphs: BrowserGlyphs, lineCache: DetailLineCache
    ) -> ReadingProgress {
        let layout = BrowserLayout(size: state.size, treeShare: state.treeShare, focus: .detail, headerLines: state.headerLines)
        // The same document and rows the text pane draws (less the sticky heading line).
        let rect = DetailPane.textRect(of: layout.detailText, continuous: state.reader.continuous)
        var placed: [(unit: DetailUnit, line: DetailLine)] = []
        if rect.height > 0, rect.width > 0 {
            let document = DetailDocument(
                report: report, root: state.reader.root, width: rect.width, glyphs: glyphs, cache: lineCache,
                continuous: state.reader.continuous, reflow: state.reader.reflow)
            let top = document.top(for: state.reader.position, height: rect.height)
            placed = document.placedLines(from: top, count: rect.height)
        }
        return of(state, report: report, origin: origin, drawn: placed)
    }

    /// Read off the lines the text pane drew this frame, so the frame lays the pane out once.
    /// Only the first and last lines that stand for source text matter.
    package static func of(
        _ state: BrowserState, report: Report, origin: ReportOrigin?, drawn: [(unit: DetailUnit, line: DetailLine)]
    ) -> ReadingProgress {
        let first = drawn.lazy.compactMap { sourceRange(of: $0.unit, $0.line, in: report) }.first
        let last = drawn.reversed().lazy.compactMap { sourceRange(of: $0.unit, $0.line, in: report) }.first
        let lines: ClosedRange<Int>?
        let end: Int
        if let first, let last {
            let top = report.lines.line(at: first.lowerBound)
            lines = top...max(top, report.lines.line(at: max(last.lowerBound, last.upperBound - 1)))
            end = last.upperBound
        } else {
            lines = nil
            end = report.text.utf8.count
        }
        return ReadingProgress(
            section: state.selection.sectionIndex.map { $0 + 1 } ?? 0, sectionCount: report.sections.count,
            percent: percent(through: end, of: report), lines: lines, lineCount: report.lines.count,
            page: lines.flatMap { origin?.page(ofLine: $0.lowerBound) })
    }

    /// The bytes of the source a drawn line stands for; nil for lines that are not text of the
    /// source (breadcrumbs, blank lines).
    static func sourceRange(of unit: DetailUnit, _ line: DetailLine, in report: Report) -> Range<Int>? {
        let total = report.text.utf8.count
        func clamped(_ range: Range<Int>) -> Range<Int> {
            let lower = min(max(0, range.lowerBound), total)
            return lower..<min(max(lower, range.upperBound), total)
        }
        switch line.role {
        case .body:
            if let joined = line.joined {
                guard let first = joined.runs.first, let last = joined.runs.last else { return nil }
                return clamped(first.source.lowerBound..<last.source.upperBound)
            }
            return clamped((unit.start + line.textRange.lowerBound)..<(unit.start + line.textRange.upperBound))
        case .heading:
            guard let section = line.section ?? unit.section, report.sections.indices.contains(section) else { return nil }
            let info = report.sections[section]
            return clamped(info.headingRange.isEmpty ? info.ownRange.lowerBound..<info.ownRange.lowerBound : info.headingRange)
        case .title:
            guard total > 0 else { return nil }
            return clamped(report.lines.range(ofLine: report.lines.line(at: report.frontRange.lowerBound)))
        case .metadata:
            // The rows are rebuilt from the pairs, so each stands for the header as a whole.
            return clamped(report.frontRange.lowerBound..<max(report.frontRange.lowerBound, report.preambleStart))
        case .breadcrumb, .blank:
            return nil
        }
    }

    /// Trailing blank lines do not count, so the end of the text reads 100%.
    static func percent(through offset: Int, of report: Report) -> Int {
        let utf8 = report.text.utf8
        var contentEnd = utf8.count
        var index = utf8.endIndex
        while index > utf8.startIndex {
            let before = utf8.index(before: index)
            guard utf8[before] == 0x0A || utf8[before] == 0x20 || utf8[before] == 0x09 || utf8[before] == 0x0D else { break }
            index = before
            contentEnd -= 1
        }
        guard contentEnd > 0 else { return 100 }
        return min(100, max(0, offset) * 100 / contentEnd)
    }

    /// `3/18`: the section among all of them.
    package var sectionText: String { "\(section)/\(sectionCount)" }
    package var percentText: String { "\(percent)%" }
    /// `L120–158/1203`, `L12/40` when one line fills the pane.
    package func linesText(ascii: Bool) -> String? {
        guard let lines else { return nil }
        let span = lines.count == 1 ? "\(lines.lowerBound)" : "\(lines.lowerBound)\(ascii ? "-" : "–")\(lines.upperBound)"
        return "L\(span)/\(lineCount)"
    }
    package var pageText: String? { page.map { "p.\($0)" } }
}
