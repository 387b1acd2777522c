import ReportKit

/// Draws the reader's document from its position down.
package enum DetailPane {
    package static func draw(
        into screen: inout Screen, rect: Rect, reader: ReaderView, report: Report, search: SearchState?,
        theme: BrowserTheme, lineCache: DetailLineCache
    ) {
        guard !rect.isEmpty else { return }
        let document = DetailDocument(
            report: report, root: reader.root, width: rect.width, glyphs: theme.glyphs, cache: lineCache)
        let top = document.top(for: reader.position, height: rect.height)
        let lines = document.placedLines(from: top, count: rect.height)
        for (row, placed) in lines.enumerated() {
            let line = placed.line
            screen.put(
                line.text, x: rect.x, y: rect.y + row,
                style: style(of: line, root: reader.root, report: report, theme: theme), limit: rect.maxX)
        }
        if let search, let results = search.results, !results.isEmpty {
            SearchHighlights.paint(
                into: &screen, rect: rect, lines: lines, report: report, results: results,
                current: search.current, theme: theme)
        }
        if let highlight = reader.highlight {
            SearchHighlights.paint(into: &screen, rect: rect, lines: lines, report: report, range: highlight, theme: theme)
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
