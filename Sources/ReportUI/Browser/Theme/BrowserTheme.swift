/// Styles for every kind of cell the browser draws. Colours are foregrounds only, on the
/// terminal's own background, so the same theme reads on dark and light terminals.
package struct BrowserTheme: Sendable {
    package var glyphs: BrowserGlyphs
    package var title: CellStyle
    package var metadata: CellStyle
    package var treeRow: CellStyle
    package var treeChapter: CellStyle
    package var treeGuide: CellStyle
    package var appendix: CellStyle
    /// Applied on top of a row's style: the cursor row of the focused pane…
    package var selectedFocused: TextAttributes
    /// …and of the other one, so the selection stays visible without claiming the keyboard.
    package var selectedUnfocused: TextAttributes
    package var border: CellStyle
    package var breadcrumb: CellStyle
    package var heading: CellStyle
    package var subheading: CellStyle
    package var body: CellStyle
    package var status: CellStyle
    package var statusError: CellStyle
    package var prompt: CellStyle
    package var helpFrame: CellStyle
    package var helpKey: CellStyle
    package var helpGroup: CellStyle
    /// A search hit in the text; it replaces the cell's style, so it shows in headings too.
    package var searchHit: CellStyle
    /// The current hit, distinct from the others.
    package var searchCurrent: CellStyle
    /// Hit counts at the end of tree rows, and the search in the status line.
    package var searchCount: CellStyle

    package static func standard(color: Bool, ascii: Bool) -> BrowserTheme {
        color ? colored(ascii: ascii) : monochrome(ascii: ascii)
    }

    package static func colored(ascii: Bool) -> BrowserTheme {
        BrowserTheme(
            glyphs: ascii ? .ascii : .unicode,
            title: CellStyle(foreground: .cyan, attributes: .bold),
            metadata: CellStyle(attributes: .dim),
            treeRow: .plain,
            treeChapter: CellStyle(attributes: .bold),
            treeGuide: CellStyle(foreground: .blue),
            appendix: CellStyle(foreground: .magenta),
            selectedFocused: [.reverse, .bold],
            selectedUnfocused: [.underline],
            border: CellStyle(foreground: .blue),
            breadcrumb: CellStyle(foreground: .cyan, attributes: .dim),
            heading: CellStyle(foreground: .cyan, attributes: [.bold, .underline]),
            subheading: CellStyle(foreground: .cyan, attributes: .bold),
            body: .plain,
            status: CellStyle(attributes: .reverse),
            statusError: CellStyle(foreground: .red, attributes: [.reverse, .bold]),
            prompt: .plain,
            helpFrame: CellStyle(foreground: .blue),
            helpKey: CellStyle(foreground: .yellow, attributes: .bold),
            helpGroup: CellStyle(foreground: .cyan, attributes: [.bold, .underline]),
            searchHit: CellStyle(foreground: .yellow, attributes: [.bold, .underline]),
            searchCurrent: CellStyle(foreground: .yellow, attributes: [.reverse, .bold]),
            searchCount: CellStyle(foreground: .yellow, attributes: .bold))
    }

    /// For `NO_COLOR`: attributes only.
    package static func monochrome(ascii: Bool) -> BrowserTheme {
        BrowserTheme(
            glyphs: ascii ? .ascii : .unicode,
            title: CellStyle(attributes: .bold),
            metadata: CellStyle(attributes: .dim),
            treeRow: .plain,
            treeChapter: CellStyle(attributes: .bold),
            treeGuide: CellStyle(attributes: .dim),
            appendix: CellStyle(attributes: [.dim, .underline]),
            selectedFocused: [.reverse, .bold],
            selectedUnfocused: [.underline],
            border: CellStyle(attributes: .dim),
            breadcrumb: CellStyle(attributes: .dim),
            heading: CellStyle(attributes: [.bold, .underline]),
            subheading: CellStyle(attributes: .bold),
            body: .plain,
            status: CellStyle(attributes: .reverse),
            statusError: CellStyle(attributes: [.reverse, .bold]),
            prompt: .plain,
            helpFrame: CellStyle(attributes: .dim),
            helpKey: CellStyle(attributes: .bold),
            helpGroup: CellStyle(attributes: [.bold, .underline]),
            // Headings are already bold and underlined: reverse is what shows everywhere.
            searchHit: CellStyle(attributes: .reverse),
            searchCurrent: CellStyle(attributes: [.reverse, .bold, .underline]),
            searchCount: CellStyle(attributes: .bold))
    }
}
