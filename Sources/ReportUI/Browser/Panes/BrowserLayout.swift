/// Where everything goes for a terminal size. Pure and shared by `render` and `apply`, so the
/// page size a key scrolls by is the height the frame draws.
package struct BrowserLayout: Hashable, Sendable {
    package enum Arrangement: Hashable, Sendable {
        /// Tree left, text right.
        case sideBySide
        /// Tree above, text below, for narrow terminals.
        case stacked
        /// Only the focused pane, for terminals too small to share.
        case single
    }

    package static let minimumSize = Size(width: 20, height: 5)
    /// Below this width the panes stop sitting side by side.
    package static let sideBySideWidth = 80
    package static let treeShareRange = 15...80

    package let size: Size
    package let arrangement: Arrangement
    package let header: Rect
    package let tree: Rect
    package let detail: Rect
    /// The line between the panes; empty when there is none.
    package let divider: Rect
    package let status: Rect

    package var isTooSmall: Bool {
        size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
    }

    /// The detail pane's text column: one blank cell of margin on the left.
    package var detailText: Rect {
        Rect(x: detail.x + 1, y: detail.y, width: detail.width - 1, height: detail.height)
    }

    package init(size: Size, treeShare: Int, focus: Pane, headerLines: Int) {
        self.size = size
        let headerHeight = size.height >= 12 ? min(headerLines, 2) : min(headerLines, 1)
        header = Rect(x: 0, y: 0, width: size.width, height: headerHeight)
        status = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        let body = Rect(x: 0, y: headerHeight, width: size.width, height: size.height - headerHeight - 1)
        let share = min(max(treeShare, Self.treeShareRange.lowerBound), Self.treeShareRange.upperBound)

        if size.width >= Self.sideBySideWidth {
            arrangement = .sideBySide
            let treeWidth = min(max(body.width * share / 100, 12), body.width - 21)
            tree = Rect(x: 0, y: body.y, width: treeWidth, height: body.height)
            divider = Rect(x: treeWidth, y: body.y, width: 1, height: body.height)
            detail = Rect(x: treeWidth + 1, y: body.y, width: body.width - treeWidth - 1, height: body.height)
        } else if body.height >= 12 {
            arrangement = .stacked
            let treeHeight = min(max(body.height * share / 100, 3), body.height - 5)
            tree = Rect(x: 0, y: body.y, width: body.width, height: treeHeight)
            divider = Rect(x: 0, y: body.y + treeHeight, width: body.width, height: 1)
            detail = Rect(x: 0, y: body.y + treeHeight + 1, width: body.width, height: body.height - treeHeight - 1)
        } else {
            arrangement = .single
            let empty = Rect(x: 0, y: body.y, width: 0, height: 0)
            tree = focus == .tree ? body : empty
            detail = focus == .detail ? body : empty
            divider = empty
        }
    }
}

/// The two panes that take the keyboard.
package enum Pane: Hashable, Sendable {
    case tree
    case detail
}
