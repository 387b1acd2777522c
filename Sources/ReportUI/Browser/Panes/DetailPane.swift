import ReportKit

/// Draws the selection's document from the reading position down.
package enum DetailPane {
    package static func draw(
        into screen: inout Screen, layout: BrowserLayout, report: Report, state: BrowserState,
        theme: BrowserTheme, lineCache: DetailLineCache
    ) {
        let rect = layout.detailText
        guard !rect.isEmpty else { return }
        let document = DetailDocument(
            report: report, root: state.selection, width: rect.width, glyphs: theme.glyphs, cache: lineCache)
        let top = document.top(for: state.reading, height: rect.height)
        let lines = document.placedLines(from: top, count: rect.height)
        for (row, placed) in lines.enumerated() {
            let line = placed.line
            screen.put(
                line.text, x: rect.x, y: rect.y + row,
                style: style(of: line, root: state.selection, report: report, theme: theme), limit: rect.maxX)
        }
        if let search = state.search, let results = search.results, !results.isEmpty {
            SearchHighlights.paint(
                into: &screen, rect: rect, lines: lines, report: report, results: results,
                current: search.current, theme: theme)
        }
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
