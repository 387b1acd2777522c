/// Where the compare view's parts go for a terminal size. Shared by `render` and `apply`, so a
/// page is the height the frame draws.
package struct CompareLayout: Hashable, Sendable {
    package enum Arrangement: Hashable, Sendable {
        /// Tree, old text, new text, left to right.
        case sideBySide
        /// Tree above, then the old text above the new one, for narrow terminals.
        case stacked
        /// Old text above new, no tree, for terminals too low for three parts.
        case textOnly
    }

    package static let minimumSize = Size(width: 20, height: 8)
    /// From this width the three parts sit side by side; below, each text gets the full width.
    package static let sideBySideWidth = 100

    package let size: Size
    package let arrangement: Arrangement
    package let header: Rect
    package let tree: Rect
    /// Each text pane's title row, then its text.
    package let oldTitle: Rect
    package let oldText: Rect
    package let newTitle: Rect
    package let newText: Rect
    /// The lines between parts: vertical side by side, horizontal stacked.
    package let dividers: [Rect]
    package let status: Rect

    package var isTooSmall: Bool {
        size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
    }

    /// The rows the two texts scroll by: they always have the same height.
    package var textHeight: Int { oldText.height }
    /// The width both sides are laid out at: the same, so the rows of a pair line up.
    package var textWidth: Int { oldText.width }

    package init(size: Size) {
        self.size = size
        header = Rect(x: 0, y: 0, width: size.width, height: size.height >= 16 ? 2 : 1)
        status = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        let body = Rect(x: 0, y: header.maxY, width: size.width, height: size.height - header.height - 1)
        if size.width >= Self.sideBySideWidth {
            arrangement = .sideBySide
            let treeWidth = max(16, body.width * 24 / 100)
            let textWidth = (body.width - treeWidth - 2) / 2
            tree = Rect(x: 0, y: body.y, width: treeWidth, height: body.height)
            let oldX = treeWidth + 1
            let newX = oldX + textWidth + 1
            oldTitle = Rect(x: oldX, y: body.y, width: textWidth, height: 1)
            oldText = Rect(x: oldX, y: body.y + 1, width: textWidth, height: body.height - 1)
            newTitle = Rect(x: newX, y: body.y, width: textWidth, height: 1)
            newText = Rect(x: newX, y: body.y + 1, width: textWidth, height: body.height - 1)
            dividers = [
                Rect(x: treeWidth, y: body.y, width: 1, height: body.height),
                Rect(x: newX - 1, y: body.y, width: 1, height: body.height),
            ]
        } else {
            let treeHeight = body.height >= 16 ? max(3, body.height / 4) : 0
            arrangement = treeHeight > 0 ? .stacked : .textOnly
            tree = Rect(x: 0, y: body.y, width: body.width, height: treeHeight)
            let textTop = body.y + treeHeight
            let textHeight = (body.height - treeHeight - 2) / 2
            oldTitle = Rect(x: 0, y: textTop, width: body.width, height: 1)
            oldText = Rect(x: 0, y: textTop + 1, width: body.width, height: textHeight)
            newTitle = Rect(x: 0, y: oldText.maxY, width: body.width, height: 1)
            newText = Rect(x: 0, y: newTitle.maxY, width: body.width, height: textHeight)
            dividers = []
        }
    }
}
