import ReportKit

/// The places where the parser read the report generously (a skipped number, a typo in a
/// marker), one row each — line, section, what was accepted — in a framed box; Enter goes to
/// the section, so a reader can check what the document actually says there.
package struct WarningsOverlay: BrowserOverlay {
    package static let footer = " Enter go  Esc close "
    /// The message a report without warnings gives for `W`.
    package static let noWarnings = "No warnings: the numbering reads as written"

    /// The highlighted row, an index into the report's warnings.
    package private(set) var cursor = 0
    package let count: Int

    package init(count: Int) {
        self.count = count
    }

    package var keyContext: BindingContext { .warnings }

    package mutating func handle(_ action: Action, in view: ReportView) -> OverlayResult {
        let page = max(1, Self.frame(in: view.size, rows: count).height - 3)
        switch action {
        case .choose:
            let warnings = view.report.warnings
            guard warnings.indices.contains(cursor), let index = Self.section(of: warnings[cursor], in: view.report) else {
                return .closes
            }
            return .closes(then: .jumpToSection(index))
        case .close: return .closes
        default:
            cursor = ListCursor.moved(cursor, by: action, count: count, page: page) ?? cursor
            return .stays
        }
    }

    /// The section holding the warning's line; nil in the front matter.
    package static func section(of warning: ParseWarning, in report: Report) -> Int? {
        let starts = report.lines.starts
        guard warning.line >= 1, warning.line <= starts.count else { return nil }
        return report.section(containing: starts[warning.line - 1])
    }

    /// Whether a warning names the heading line of `section`: its tree row carries the mark.
    /// Warnings come in line order, so this is a binary search, cheap enough for every row drawn.
    package static func hasWarning(_ section: Section, in report: Report) -> Bool {
        let warnings = report.warnings
        var low = 0
        var high = warnings.count
        while low < high {
            let mid = (low + high) / 2
            if warnings[mid].line < section.line { low = mid + 1 } else { high = mid }
        }
        return low < warnings.count && warnings[low].line == section.line
    }

    static func frame(in size: Size, rows: Int) -> Rect { MarksOverlay.frame(in: size, rows: rows) }

    package func draw(into screen: inout Screen, view: ReportView, theme: BrowserTheme) {
        let report = view.report
        let box = Self.frame(in: screen.size, rows: count)
        guard box.width >= 8, box.height >= 3 else { return }
        let glyphs = theme.glyphs
        let title = " \(count) warning\(count == 1 ? "" : "s") "
        let inner = OverlayBox.draw(
            into: &screen, box: box, title: title, titleEllipsis: glyphs.ellipsis, footer: Self.footer, theme: theme)
        let top = max(0, cursor - (inner.height - 1))
        let lineWidth = DisplayWidth.of("line \(report.warnings.last?.line ?? 0)")
        for (row, warning) in report.warnings.dropFirst(top).prefix(inner.height).enumerated() {
            let y = inner.y + row
            let line = "line \(warning.line)"
            var x = screen.put(
                String(repeating: " ", count: max(0, lineWidth - DisplayWidth.of(line))) + line,
                x: inner.x, y: y, style: theme.breadcrumb, limit: inner.maxX)
            if let index = Self.section(of: warning, in: report) {
                let label = VisibleText.sanitize(SectionLabels.treeLabel(of: report.sections[index]))
                let clipped = TextClip.clip(label, toWidth: min(max(8, inner.width / 3), inner.maxX - x - 2), ellipsis: glyphs.ellipsis)
                x = screen.put("  " + clipped, x: x, y: y, style: theme.subheading, limit: inner.maxX)
            }
            let message = TextClip.clip(VisibleText.sanitize(warning.message), toWidth: max(0, inner.maxX - x - 2), ellipsis: glyphs.ellipsis)
            if !message.isEmpty { screen.put("  " + message, x: x, y: y, style: theme.metadata, limit: inner.maxX) }
            if top + row == cursor {
                screen.restyle(x: inner.x - 1, y: y, width: inner.width + 2) { $0.attributes.formUnion(theme.selectedFocused) }
            }
        }
    }
}

extension BrowserState {
    /// `W`: the list, or a word that there is nothing to list.
    mutating func openWarnings(in report: Report) {
        guard !report.warnings.isEmpty else {
            message = Message(text: WarningsOverlay.noWarnings, isError: false)
            return
        }
        mode = .overlay(WarningsOverlay(count: report.warnings.count))
    }
}
