import ReportKit

/// A figure of one report of the library.
package struct LibraryFigure: Sendable, Hashable {
    package let entry: Int
    package let figure: Figure

    package init(entry: Int, figure: Figure) {
        self.entry = entry
        self.figure = figure
    }
}

/// The figures of the listed reports in one table, grouped by subject (folded, so `受理行政复议案件`
/// from every district sits together, reports in list order within it), so the same measure can
/// be compared between reports (issue 16). Typing filters by subject, figure or report title;
/// Enter opens the report at the figure, lit as a search hit is. Tab orders each subject's
/// figures by report (list order) or by value, largest first, which is how one measure is
/// compared across districts; or groups the table by unit first.
package struct LibraryFiguresList: Sendable {
    package enum Order: String, CaseIterable, Sendable {
        case subject = "by subject"
        case value = "by subject, largest first"
        case unit = "by unit"
    }

    package private(set) var order: Order = .subject
    /// In the order read: groups are made from it on every change of order.
    private var received: [LibraryFigure] = []
    package private(set) var figures: [LibraryFigure]?
    package private(set) var filter = PromptBuffer()
    package private(set) var rows: [LibraryFigure] = []
    package private(set) var cursor = 0
    /// Reports that could not be read for their figures.
    package private(set) var unreadable = 0
    private let titles: [String]

    package init(titles: [String]) {
        self.titles = titles
    }

    package var isLoading: Bool { figures == nil }

    package mutating func receive(_ figures: [LibraryFigure], unreadable: Int) {
        received = figures
        self.unreadable = unreadable
        regroup()
    }

    /// Groups by subject (or by unit, then subject); the group order is where a group first
    /// appears, so the table reads like the reports.
    private mutating func regroup() {
        var firstSeen: [String: Int] = [:]
        for (position, item) in received.enumerated() where firstSeen[groupKey(item.figure)] == nil {
            firstSeen[groupKey(item.figure)] = position
        }
        figures = received.enumerated().sorted { lhs, rhs in
            let left = firstSeen[groupKey(lhs.element.figure)]!, right = firstSeen[groupKey(rhs.element.figure)]!
            if left != right { return left < right }
            if order == .value, lhs.element.figure.value != rhs.element.figure.value {
                return lhs.element.figure.value > rhs.element.figure.value
            }
            return lhs.offset < rhs.offset
        }.map(\.element)
        refresh()
    }

    /// The group a figure is listed under in the current order.
    private func groupKey(_ figure: Figure) -> String {
        order == .unit ? figure.unit + "\n" + Self.key(figure) : Self.key(figure)
    }

    private static func key(_ figure: Figure) -> String {
        SearchIndex.fold(figure.subject)
    }

    /// What the list does with an action; the figure to open when Enter chose one, or `closes`.
    package enum Outcome: Sendable { case stays, closes, open(LibraryFigure) }

    package mutating func handle(_ action: Action, page: Int) -> Outcome {
        switch action {
        case .choose:
            return rows.indices.contains(cursor) ? .open(rows[cursor]) : .stays
        case .cycleFigureSort:
            let orders = Order.allCases
            order = orders[(orders.firstIndex(of: order)! + 1) % orders.count]
            // The cursor stays on the figure it was on.
            let current = rows.indices.contains(cursor) ? rows[cursor] : nil
            regroup()
            if let current, let moved = rows.firstIndex(of: current) { cursor = moved }
        case .close:
            guard filter.isEmpty else {
                filter = PromptBuffer()
                refresh()
                return .stays
            }
            return .closes
        default:
            if filter.edit(action) {
                refresh()
            } else {
                cursor = ListCursor.moved(cursor, by: action, count: rows.count, page: page) ?? cursor
            }
        }
        return .stays
    }

    private mutating func refresh() {
        let needle = SearchIndex.fold(filter.text)
        rows = (figures ?? []).filter { item in
            needle.isEmpty
                || SearchIndex.fold([item.figure.subject, item.figure.text, item.figure.unit, titles[item.entry]].joined(separator: "\n")).contains(needle)
        }
        cursor = 0
    }

    package func draw(into screen: inout Screen, theme: BrowserTheme) {
        let size = screen.size
        let box = Rect(x: size.width >= 60 ? 1 : 0, y: size.height >= 12 ? 1 : 0, width: size.width - (size.width >= 60 ? 2 : 0), height: size.height - (size.height >= 12 ? 3 : 1))
        guard box.width >= 8, box.height >= 3 else { return }
        let ellipsis = theme.glyphs.ellipsis
        let count = isLoading ? "" : " · \(rows.count)"
        let inner = OverlayBox.draw(
            into: &screen, box: box, title: " Figures of the listed reports\(count) · \(order.rawValue) ", titleEllipsis: ellipsis,
            footer: box.width >= 40 ? " Enter go  Tab order  Esc close " : box.width >= 30 ? " Enter go  Esc close " : "", theme: theme)
        guard inner.width > 0, inner.height > 1 else { return }
        let x = screen.put("Filter: ", x: inner.x, y: inner.y, style: theme.metadata, limit: inner.maxX)
        screen.put(TextClip.clip(filter.text, toWidth: inner.maxX - x, ellipsis: ellipsis), x: x, y: inner.y, style: theme.body, limit: inner.maxX)
        let height = inner.height - 1
        if rows.isEmpty {
            let note = isLoading ? "Reading the reports' figures…" : (figures?.isEmpty == true ? "No figures in these reports" : "No figure matches")
            screen.put(TextClip.clip(note, toWidth: inner.width, ellipsis: ellipsis), x: inner.x, y: inner.y + 1, style: theme.metadata, limit: inner.maxX)
            return
        }
        let subjectWidth = min(max(8, inner.width * 2 / 5), rows.map { DisplayWidth.of($0.figure.subject) }.max() ?? 8)
        let textWidth = min(max(6, inner.width / 5), rows.map { DisplayWidth.of(VisibleText.sanitize($0.figure.text)) }.max() ?? 6)
        let top = max(0, cursor - (height - 1))
        var previousSubject: String? = top > 0 ? groupKey(rows[top - 1].figure) : nil
        for (offset, item) in rows.dropFirst(top).prefix(height).enumerated() {
            let y = inner.y + 1 + offset
            let key = groupKey(item.figure)
            // The subject once per group, as a report's tree names a chapter once.
            let subject = key == previousSubject ? "" : item.figure.subject
            previousSubject = key
            var x = screen.put(TextClip.pad(TextClip.clip(subject, toWidth: subjectWidth, ellipsis: ellipsis), toWidth: subjectWidth), x: inner.x, y: y, style: theme.subheading, limit: inner.maxX)
            x = screen.put("  " + TextClip.pad(TextClip.clip(item.figure.text, toWidth: textWidth, ellipsis: ellipsis), toWidth: textWidth), x: x, y: y, style: theme.body, limit: inner.maxX)
            let source = "\(titles[item.entry]) \(item.figure.address)"
            screen.put("  " + TextClip.clip(source, toWidth: max(0, inner.maxX - x - 2), ellipsis: ellipsis), x: x, y: y, style: theme.metadata, limit: inner.maxX)
            if top + offset == cursor {
                screen.restyle(x: inner.x - 1, y: y, width: inner.width + 2) { $0.attributes.formUnion(theme.selectedFocused) }
            }
        }
    }
}
