import ReportKit

/// The `M` list: one row per mark (letter, address, heading, the text it points at) in a
/// framed box over the screen, the highlighted row kept in view.
package enum MarksOverlay {
    package static let title = " Marks "
    package static let footer = " Enter go  d delete  Esc close "

    /// The box: as tall as the list needs, at most the screen less a margin.
    package static func frame(in size: Size, rows: Int) -> Rect {
        let marginX = size.width >= 60 ? 2 : 0
        let width = min(size.width - 2 * marginX, 96)
        let height = min(rows + 2, size.height - (size.height >= 10 ? 2 : 0))
        return Rect(x: (size.width - width) / 2, y: max(0, (size.height - height) / 3), width: width, height: height)
    }

    package static func draw(into screen: inout Screen, report: Report, marks: MarkBook, theme: BrowserTheme) {
        let entries = MarkListing.entries(of: marks, in: report)
        let box = frame(in: screen.size, rows: entries.count)
        guard box.width >= 8, box.height >= 3 else { return }
        let glyphs = theme.glyphs
        screen.fill(box, style: .plain)
        HelpOverlay.drawBorder(into: &screen, box: box, glyphs: glyphs, style: theme.helpFrame)
        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
        let top = max(0, marks.listCursor - (inner.height - 1))
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
            if top + row == marks.listCursor {
                screen.restyle(x: inner.x - 1, y: y, width: inner.width + 2) { $0.attributes.formUnion(theme.selectedFocused) }
            }
        }
        screen.put(TextClip.clip(title, toWidth: box.width - 4, ellipsis: ""), x: box.x + 2, y: box.y, style: theme.helpGroup, limit: box.maxX - 2)
        let footerText = TextClip.clip(footer, toWidth: box.width - 4, ellipsis: "")
        screen.put(footerText, x: box.maxX - 2 - DisplayWidth.of(footerText), y: box.maxY - 1, style: theme.helpFrame, limit: box.maxX - 2)
    }
}
