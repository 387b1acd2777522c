/// The frame every overlay is drawn in: cleared, bordered, its title at the top left and its
/// footer at the bottom right.
package enum OverlayBox {
    /// Draws the box and returns the area inside it, a column of margin on each side.
    @discardableResult
    package static func draw(
        into screen: inout Screen, box: Rect, title: String, titleEllipsis: String = "", footer: String,
        theme: BrowserTheme
    ) -> Rect {
        screen.fill(box, style: .plain)
        drawBorder(into: &screen, box: box, glyphs: theme.glyphs, style: theme.helpFrame)
        let clippedTitle = TextClip.clip(title, toWidth: box.width - 4, ellipsis: titleEllipsis)
        screen.put(clippedTitle, x: box.x + 2, y: box.y, style: theme.helpGroup, limit: box.maxX - 2)
        let footerText = TextClip.clip(footer, toWidth: box.width - 4, ellipsis: "")
        screen.put(
            footerText, x: box.maxX - 2 - DisplayWidth.of(footerText), y: box.maxY - 1, style: theme.helpFrame,
            limit: box.maxX - 2)
        return Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
    }

    static func drawBorder(into screen: inout Screen, box: Rect, glyphs: BrowserGlyphs, style: CellStyle) {
        let horizontal = String(repeating: glyphs.horizontalBorder, count: box.width - 2)
        screen.put(glyphs.corners[0] + horizontal + glyphs.corners[1], x: box.x, y: box.y, style: style, limit: box.maxX)
        screen.put(glyphs.corners[2] + horizontal + glyphs.corners[3], x: box.x, y: box.maxY - 1, style: style, limit: box.maxX)
        for y in (box.y + 1)..<(box.maxY - 1) {
            screen.put(glyphs.verticalBorder, x: box.x, y: y, style: style)
            screen.put(glyphs.verticalBorder, x: box.maxX - 1, y: y, style: style)
        }
    }
}
