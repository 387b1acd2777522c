import ReportKit

/// The `M` list: one row per mark (letter, address, heading, the text it points at) in a
/// framed box over the screen, the highlighted row kept in view.
package struct MarksOverlay: BrowserOverlay {
    package static let title = " Marks "
    package static let footer = " Enter go  d delete  Esc close "

    /// The highlighted row, an index into the marks' letters.
    package private(set) var cursor: Int

    /// Opens on `letter`'s row, or the first.
    package init(marks: MarkBook, highlighting letter: Character?) {
        cursor = letter.flatMap { marks.letters.firstIndex(of: $0) } ?? 0
    }

    package var keyContext: BindingContext { .marks }

    package mutating func handle(_ action: Action, in view: ReportView) -> OverlayResult {
        let letters = view.marks.letters
        let highlighted = letters.indices.contains(cursor) ? letters[cursor] : nil
        switch action {
        case .moveDown: cursor += 1
        case .moveUp: cursor -= 1
        case .scroll(_, _, let lines): cursor += lines.signum()
        case .jumpToListedMark:
            return highlighted.map { .closes(then: .jumpToMark($0)) } ?? .closes
        case .deleteListedMark:
            guard let highlighted else { return .stays }
            cursor = min(cursor, max(0, letters.count - 2))
            return letters.count == 1 ? .closes(then: .deleteMark(highlighted)) : .stays(after: .deleteMark(highlighted))
        case .closeMarks: return .closes
        default: return .stays
        }
        cursor = min(max(0, cursor), max(0, letters.count - 1))
        return .stays
    }

    /// The box: as tall as the list needs, at most the screen less a margin.
    package static func frame(in size: Size, rows: Int) -> Rect {
        let marginX = size.width >= 60 ? 2 : 0
        let width = min(size.width - 2 * marginX, 96)
        let height = min(rows + 2, size.height - (size.height >= 10 ? 2 : 0))
        return Rect(x: (size.width - width) / 2, y: max(0, (size.height - height) / 3), width: width, height: height)
    }

    package func draw(into screen: inout Screen, view: ReportView, theme: BrowserTheme) {
        let entries = MarkListing.entries(of: view.marks, in: view.report)
        let box = Self.frame(in: screen.size, rows: entries.count)
        guard box.width >= 8, box.height >= 3 else { return }
        let glyphs = theme.glyphs
        let inner = OverlayBox.draw(into: &screen, box: box, title: Self.title, footer: Self.footer, theme: theme)
        let top = max(0, cursor - (inner.height - 1))
        let addressWidth = min(10, entries.map { DisplayWidth.of($0.address) }.max() ?? 0)
        // Headings share a column as wide as the longest, up to a third of the box.
        let headingWidth = min(max(8, inner.width / 3), entries.map { DisplayWidth.of($0.heading) }.max() ?? 0)
        for (row, entry) in entries.dropFirst(top).prefix(inner.height).enumerated() {
            let y = inner.y + row
            var x = screen.put(String(entry.letter), x: inner.x, y: y, style: theme.helpKey, limit: inner.maxX)
            x = screen.put("  " + TextClip.pad(entry.address, toWidth: addressWidth), x: x, y: y, style: theme.breadcrumb, limit: inner.maxX)
            let heading = TextClip.pad(TextClip.clip(entry.heading, toWidth: headingWidth, ellipsis: glyphs.ellipsis), toWidth: headingWidth)
            x = screen.put("  " + heading, x: x, y: y, style: theme.subheading, limit: inner.maxX)
            let snippet = TextClip.clip(entry.snippet, toWidth: inner.maxX - x - 2, ellipsis: glyphs.ellipsis)
            if !snippet.isEmpty { screen.put("  " + snippet, x: x, y: y, style: .plain, limit: inner.maxX) }
            if top + row == cursor {
                screen.restyle(x: inner.x - 1, y: y, width: inner.width + 2) { $0.attributes.formUnion(theme.selectedFocused) }
            }
        }
    }
}
