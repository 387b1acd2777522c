/// The characters that draw tree guides, markers and borders. Box drawing, `·` and `…` are
/// East Asian *ambiguous*: terminals set up for CJK often draw them two cells wide, which
/// shears every line they are on. `ascii` is the fallback for such terminals.
///
/// The four tree guide pieces (`branch`, `lastBranch`, `vertical`, `space`) are all
/// `guideWidth` cells wide, so a prefix built from one piece per depth level lines up.
public struct Glyphs: Hashable, Sendable {
    /// Guide before a child that has later siblings: `├─`.
    public var branch: String
    /// Guide before the last child: `└─`.
    public var lastBranch: String
    /// Guide for an ancestor level that still has siblings to come: `│ `.
    public var vertical: String
    /// Guide for an ancestor level that is finished: blanks.
    public var space: String
    /// Marker of an expanded node with children.
    public var expanded: String
    /// Marker of a collapsed node with children.
    public var collapsed: String
    /// Marker of a node without children.
    public var leaf: String
    /// Repeated to draw a horizontal border.
    public var horizontalRule: String
    /// Repeated to draw a vertical border between panes.
    public var verticalRule: String
    /// Marks text cut short; pass it to `TextClip.clip`.
    public var ellipsis: String

    public init(
        branch: String, lastBranch: String, vertical: String, space: String,
        expanded: String, collapsed: String, leaf: String,
        horizontalRule: String, verticalRule: String, ellipsis: String
    ) {
        self.branch = branch
        self.lastBranch = lastBranch
        self.vertical = vertical
        self.space = space
        self.expanded = expanded
        self.collapsed = collapsed
        self.leaf = leaf
        self.horizontalRule = horizontalRule
        self.verticalRule = verticalRule
        self.ellipsis = ellipsis
    }

    /// Cells taken by one tree guide piece.
    public var guideWidth: Int { DisplayWidth.of(branch) }

    public static let unicode = Glyphs(
        branch: "├─", lastBranch: "└─", vertical: "│ ", space: "  ",
        expanded: "▾", collapsed: "▸", leaf: "·",
        horizontalRule: "─", verticalRule: "│", ellipsis: "…")

    public static let ascii = Glyphs(
        branch: "|-", lastBranch: "`-", vertical: "| ", space: "  ",
        expanded: "v", collapsed: ">", leaf: "-",
        horizontalRule: "-", verticalRule: "|", ellipsis: "...")
}
