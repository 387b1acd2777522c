import ReportKit

/// Draws the reader's document from its position down. Reading continuously, the first row is
/// a sticky line naming the section whose text is at the top, since its heading has scrolled
/// away.
package enum DetailPane {
    /// Panes shorter than this have no sticky line: every row goes to the text.
    static let stickyMinimumHeight = 4

    /// The sticky line's row; empty when there is none.
    package static func stickyRect(of rect: Rect, continuous: Bool) -> Rect {
        guard continuous, rect.height >= stickyMinimumHeight else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        return Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
    }

    /// The rows the text itself takes. Shared with the state, so a page is what a frame shows.
    package static func textRect(of rect: Rect, continuous: Bool) -> Rect {
        let sticky = stickyRect(of: rect, continuous: continuous).height
        return Rect(x: rect.x, y: rect.y + sticky, width: rect.width, height: rect.height - sticky)
    }

    /// Returns the lines it drew (less the sticky line), so the status line can tell where the
    /// reader is without laying the pane out again; nil when the pane is not on screen.
    @discardableResult
    package static func draw(
        into screen: inout Screen, rect: Rect, reader: ReaderView, report: Report, search: SearchState?,
        theme: BrowserTheme, lineCache: DetailLineCache
    ) -> [(unit: DetailUnit, line: DetailLine)]? {
        guard !rect.isEmpty else { return nil }
        let text = textRect(of: rect, continuous: reader.continuous)
        let document = DetailDocument(
            report: report, root: reader.root, width: rect.width, glyphs: theme.glyphs, cache: lineCache,
            continuous: reader.continuous, reflow: reader.reflow)
        let top = document.top(for: reader.position, height: text.height)
        let lines = document.placedLines(from: top, count: text.height)
        let sticky = stickyRect(of: rect, continuous: reader.continuous)
        if !sticky.isEmpty {
            let label = stickyLabel(top: top, report: report, width: sticky.width, glyphs: theme.glyphs)
            screen.put(
                TextClip.clip(label, toWidth: sticky.width, ellipsis: theme.glyphs.ellipsis), x: sticky.x, y: sticky.y,
                style: theme.breadcrumb, limit: sticky.maxX)
        }
        for (row, placed) in lines.enumerated() {
            let line = placed.line
            screen.put(
                line.text, x: text.x, y: text.y + row,
                style: style(of: line, root: reader.root, report: report, theme: theme), limit: text.maxX)
        }
        if let search, let results = search.results, !results.isEmpty {
            SearchHighlights.paint(
                into: &screen, rect: text, lines: lines, report: report, results: results,
                current: search.current, theme: theme)
        }
        if let highlight = reader.highlight {
            SearchHighlights.paint(into: &screen, rect: text, lines: lines, report: report, range: highlight, theme: theme)
        }
        return lines
    }

    /// The path to the section at the top: with the section itself once its heading has
    /// scrolled off, its ancestors (or the report's title) while the heading still shows.
    package static func stickyLabel(top: DetailCursor, report: Report, width: Int, glyphs: BrowserGlyphs) -> String {
        guard let section = top.unit.section else {
            let atTitle = top.unit.part == .heading && top.line == 0
            return atTitle ? "" : SectionLabels.title(of: report)
        }
        let separator = glyphs.pathSeparator
        let headingShows = top.unit.part == .heading && top.line == 0
        guard headingShows else {
            return SectionLabels.breadcrumb(of: .section(section), in: report, separator: separator, fittingWidth: width, ellipsis: glyphs.ellipsis)
        }
        guard let parent = report.sections[section].parent else { return SectionLabels.title(of: report) }
        return SectionLabels.breadcrumb(of: .section(parent), in: report, separator: separator, fittingWidth: width, ellipsis: glyphs.ellipsis)
    }

    private static func style(of line: DetailLine, root: OutlineRow, report: Report, theme: BrowserTheme) -> CellStyle {
        switch line.role {
        case .breadcrumb: return theme.breadcrumb
        case .title: return theme.title
        case .metadata: return theme.metadata
        case .body, .blank: return theme.body
        case .heading:
            var style = line.section == root.sectionIndex ? theme.heading : theme.subheading
            if let section = line.section, report.sections[section].kind == .appendix {
                style.foreground = theme.appendix.foreground
            }
            return style
        }
    }
}
