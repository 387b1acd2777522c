import ReportKit

/// The report's figures as a table (issue 16): address, the figure as written, its kind and
/// what it measures, in columns aligned by display width. Typing filters the rows, Tab cycles
/// the order (section, value, unit), Ctrl-S narrows to the section selected when the list
/// opened, and Enter jumps to the figure and lights it up as the current search hit is.
package struct FiguresOverlay: BrowserOverlay {
    /// Every figure of the report, in document order; nil while they are being extracted.
    package private(set) var figures: [Figure]?
    /// The section selected when the list opened: what Ctrl-S narrows to. nil in the front matter.
    package let selectedSection: Int?
    package private(set) var onlySelectedSection = false
    package private(set) var sort: FigureTable.SortKey = .position
    package private(set) var filter = PromptBuffer()
    /// The rows shown, after scope, filter and order.
    package private(set) var rows: [Figure] = []
    /// The highlighted row, an index into `rows`.
    package private(set) var cursor = 0

    package init(figures: [Figure]?, selectedSection: Int?, report: Report) {
        self.figures = figures
        self.selectedSection = selectedSection
        refresh(report)
    }

    package var keyContext: BindingContext { .figures }

    package var isLoading: Bool { figures == nil }

    /// The extraction finished: the list fills in with whatever was typed meanwhile applied.
    package mutating func receive(_ figures: [Figure], report: Report) {
        self.figures = figures
        refresh(report)
    }

    package mutating func handle(_ action: Action, in view: ReportView) -> OverlayResult {
        let page = max(1, Self.frame(in: view.size, rows: rows.count).height - 4)
        switch action {
        case .choose:
            guard rows.indices.contains(cursor) else { return .stays }
            let figure = rows[cursor]
            return .closes(then: .showText(figure.range, section: figure.sectionIndex))
        case .close:
            // Esc first takes back what was typed, as a second Esc leaves.
            guard filter.isEmpty else {
                filter = PromptBuffer()
                refresh(view.report)
                return .stays
            }
            return .closes
        case .cycleFigureSort:
            let keys = FigureTable.SortKey.allCases
            sort = keys[(keys.firstIndex(of: sort)! + 1) % keys.count]
            refresh(view.report)
        case .toggleFigureScope:
            guard selectedSection != nil else { return .stays }
            onlySelectedSection.toggle()
            refresh(view.report)
        default:
            if filter.edit(action) {
                refresh(view.report)
            } else {
                cursor = ListCursor.moved(cursor, by: action, count: rows.count, page: page) ?? cursor
            }
        }
        return .stays
    }

    private mutating func refresh(_ report: Report) {
        var table = FigureTable(figures ?? [])
        if onlySelectedSection, let selectedSection, report.sections.indices.contains(selectedSection) {
            table = table.inSection(selectedSection, of: report)
        }
        let current = rows.indices.contains(cursor) ? rows[cursor] : nil
        rows = table.filtered(by: filter.text).sorted(by: sort).rows
        cursor = Self.cursor(following: current, in: rows)
    }

    /// Where the highlight goes when the rows change under it: on the same figure while it is
    /// still listed, else on the listed figure nearest to it in the text, so a reader who sorts
    /// or narrows keeps their place instead of being sent back to the top.
    static func cursor(following figure: Figure?, in rows: [Figure]) -> Int {
        guard let figure, !rows.isEmpty else { return 0 }
        if let same = rows.firstIndex(of: figure) { return same }
        let position = figure.range.lowerBound
        return rows.indices.min { abs(rows[$0].range.lowerBound - position) < abs(rows[$1].range.lowerBound - position) } ?? 0
    }

    /// The marks' box, one row taller for the filter line.
    static func frame(in size: Size, rows: Int) -> Rect { MarksOverlay.frame(in: size, rows: max(rows, 1) + 1) }

    package func draw(into screen: inout Screen, view: ReportView, theme: BrowserTheme) {
        let report = view.report
        let box = Self.frame(in: screen.size, rows: rows.count)
        guard box.width >= 8, box.height >= 3 else { return }
        let glyphs = theme.glyphs
        let inner = OverlayBox.draw(
            into: &screen, box: box, title: title(in: report), titleEllipsis: glyphs.ellipsis,
            footer: Self.footers.first { DisplayWidth.of($0) <= box.width - 4 } ?? "", theme: theme)
        guard inner.width > 0, inner.height > 0 else { return }
        let prompt = "Filter: "
        let x = screen.put(prompt, x: inner.x, y: inner.y, style: theme.metadata, limit: inner.maxX)
        screen.put(TextClip.clip(filter.text, toWidth: inner.maxX - x, ellipsis: glyphs.ellipsis), x: x, y: inner.y, style: theme.body, limit: inner.maxX)
        let listHeight = inner.height - 1
        guard listHeight > 0 else { return }
        if rows.isEmpty {
            let note = isLoading ? "Reading the figures…" : (figures?.isEmpty == true ? "No figures in this report" : "No figure matches")
            screen.put(TextClip.clip(note, toWidth: inner.width, ellipsis: glyphs.ellipsis), x: inner.x, y: inner.y + 1, style: theme.metadata, limit: inner.maxX)
            return
        }
        let columns = Columns(rows: rows, width: inner.width)
        let top = max(0, cursor - (listHeight - 1))
        for (offset, figure) in rows.dropFirst(top).prefix(listHeight).enumerated() {
            let y = inner.y + 1 + offset
            var x = screen.put(TextClip.pad(figure.address, toWidth: columns.address), x: inner.x, y: y, style: theme.breadcrumb, limit: inner.maxX)
            x = screen.put("  " + TextClip.pad(TextClip.clip(figure.text, toWidth: columns.text, ellipsis: glyphs.ellipsis), toWidth: columns.text), x: x, y: y, style: theme.body, limit: inner.maxX)
            if columns.kind > 0 {
                x = screen.put("  " + TextClip.pad(figure.kind.rawValue, toWidth: columns.kind), x: x, y: y, style: theme.metadata, limit: inner.maxX)
            }
            let subject = TextClip.clip(figure.subject, toWidth: inner.maxX - x - 2, ellipsis: glyphs.ellipsis)
            if !subject.isEmpty { screen.put("  " + subject, x: x, y: y, style: theme.subheading, limit: inner.maxX) }
            if top + offset == cursor {
                screen.restyle(x: inner.x - 1, y: y, width: inner.width + 2) { $0.attributes.formUnion(theme.selectedFocused) }
            }
        }
    }

    /// The keys the box names, fewer as it narrows.
    private static let footers = [" Enter go  Tab sort  ^S section  Esc close ", " Enter go  Tab sort  Esc close ", " Enter go  Esc close "]

    private func title(in report: Report) -> String {
        let scope = onlySelectedSection ? selectedSection.map { " in \(VisibleText.sanitize(report.sections[$0].address))" } ?? "" : ""
        let count = isLoading ? "" : " · \(rows.count)"
        // Document order is section order, the word the reader thinks in.
        let order = sort == .position ? "section" : sort.rawValue
        return " Figures\(scope)\(count) · by \(order) "
    }

    /// Column widths: each as wide as its widest cell, within a share of the box, so the
    /// subject keeps the rest; the kind goes first when the box is narrow.
    private struct Columns {
        let address: Int
        let text: Int
        let kind: Int

        init(rows: [Figure], width: Int) {
            address = min(max(4, width / 6), rows.map { DisplayWidth.of($0.address) }.max() ?? 0)
            text = min(max(6, width / 4), rows.map { DisplayWidth.of(VisibleText.sanitize($0.text)) }.max() ?? 0)
            kind = width >= 48 ? FigureKind.allCases.map { $0.rawValue.count }.max()! : 0
        }
    }
}
