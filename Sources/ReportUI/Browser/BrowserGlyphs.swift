/// The drawing characters of the browser. The Unicode set uses box drawing and triangles,
/// which are East Asian *ambiguous* and drawn two cells wide by some CJK terminals; the ASCII
/// set is the way out (`--ascii`).
package struct BrowserGlyphs: Hashable, Sendable {
    /// The column under a chapter's open/closed marker.
    package var indent: String
    package var branch: String
    package var lastBranch: String
    package var continuation: String
    package var gap: String
    package var open: String
    package var closed: String
    package var leaf: String
    package var verticalBorder: String
    package var horizontalBorder: String
    /// Top-left, top-right, bottom-left, bottom-right.
    package var corners: [String]
    package var ellipsis: String
    package var pathSeparator: String

    package static let unicode = BrowserGlyphs(
        indent: "  ", branch: "├ ", lastBranch: "└ ", continuation: "│ ", gap: "  ",
        open: "▾ ", closed: "▸ ", leaf: "  ",
        verticalBorder: "│", horizontalBorder: "─", corners: ["┌", "┐", "└", "┘"], ellipsis: "…", pathSeparator: " › ")

    package static let ascii = BrowserGlyphs(
        indent: "  ", branch: "|- ", lastBranch: "`- ", continuation: "|  ", gap: "   ",
        open: "- ", closed: "+ ", leaf: "  ",
        verticalBorder: "|", horizontalBorder: "-", corners: ["+", "+", "+", "+"], ellipsis: "...", pathSeparator: " > ")
}
