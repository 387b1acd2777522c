/// The drawing characters of the browser: the shared tree and border `Glyphs`, plus the few
/// the browser alone needs. Both sets switch together, so `--ascii` leaves no ambiguous-width
/// character behind.
package struct BrowserGlyphs: Hashable, Sendable {
    package var tree: Glyphs
    /// Top-left, top-right, bottom-left, bottom-right of the help box.
    package var corners: [String]
    /// Between the steps of a breadcrumb.
    package var pathSeparator: String

    package var ellipsis: String { tree.ellipsis }
    package var verticalBorder: String { tree.verticalRule }
    package var horizontalBorder: String { tree.horizontalRule }

    package static let unicode = BrowserGlyphs(tree: .unicode, corners: ["┌", "┐", "└", "┘"], pathSeparator: " › ")
    package static let ascii = BrowserGlyphs(tree: .ascii, corners: ["+", "+", "+", "+"], pathSeparator: " > ")
}
