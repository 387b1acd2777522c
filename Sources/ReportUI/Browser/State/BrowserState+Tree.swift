import ReportKit

/// Moving the selection through the tree, opening and closing sections, and keeping the
/// selected row on screen.
extension BrowserState {
    mutating func moveInTree(_ action: Action, context: BrowserContext) {
        let navigator = treeNavigator(context)
        let page = max(1, layout.tree.height - 1)
        switch action {
        case .moveDown: select(navigator.step(from: selection, by: 1))
        case .moveUp: select(navigator.step(from: selection, by: -1))
        case .pageDown: select(navigator.step(from: selection, by: page))
        case .pageUp: select(navigator.step(from: selection, by: -page))
        case .goFirst: jump(to: .title, context: context)
        case .goLast: jump(to: navigator.lastRow, context: context)
        default: break
        }
    }

    mutating func expandOrDescend(context: BrowserContext) {
        guard focus == .tree else { return }
        let navigator = treeNavigator(context)
        guard let index = selection.sectionIndex else {
            if let first = navigator.next(after: .title) { select(first) }
            return
        }
        if !navigator.hasChildren(index) {
            focus = .detail
        } else if navigator.isOpen(index), let child = navigator.next(after: selection) {
            select(child)
        } else {
            expansion.set(context.report.sections[index], open: true)
        }
    }

    mutating func collapseOrAscend(context: BrowserContext) {
        guard focus == .tree else {
            focus = .tree
            return
        }
        guard let index = selection.sectionIndex else { return }
        let navigator = treeNavigator(context)
        if navigator.isOpen(index) {
            expansion.set(context.report.sections[index], open: false)
        } else {
            select(context.report.sections[index].parent.map(OutlineRow.section) ?? .title)
        }
    }

    /// Expand all, collapse all, show N levels: the selection stays or moves to the row that
    /// now stands for it.
    mutating func refold(throughDepth depth: Int, context: BrowserContext) {
        expansion.openThrough(depth: depth)
        select(treeNavigator(context).visibleRow(for: selection))
    }

    /// Selects a row; a new row starts its text at the top.
    mutating func select(_ row: OutlineRow) {
        guard row != selection else { return }
        selection = row
        reading = .start(of: row)
    }

    /// Opens the ancestors of a row so that it shows in the tree.
    mutating func reveal(_ row: OutlineRow, context: BrowserContext) {
        guard let index = row.sectionIndex else { return }
        for ancestor in context.report.path(to: index) where ancestor != index {
            if !expansion.isOpen(context.report.sections[ancestor]) {
                expansion.set(context.report.sections[ancestor], open: true)
            }
        }
    }

    /// The invariants after every action: the selection and the first drawn row are visible
    /// rows, the selection lies within the pane, and the pane is not half empty while rows
    /// above are hidden.
    mutating func keepSelectionVisible(context: BrowserContext) {
        let navigator = treeNavigator(context)
        select(navigator.visibleRow(for: selection))
        treeTop = navigator.visibleRow(for: treeTop)
        let height = layout.tree.height
        guard height > 0 else { return }
        if selection < treeTop {
            treeTop = selection
        } else if navigator.distance(from: treeTop, to: selection, limit: height) == nil {
            treeTop = navigator.step(from: selection, by: -(height - 1))
        }
        let shown = rowsShown(from: treeTop, limit: height, navigator: navigator)
        if shown < height { treeTop = navigator.step(from: treeTop, by: shown - height) }
    }

    private func rowsShown(from top: OutlineRow, limit: Int, navigator: OutlineNavigator) -> Int {
        var count = 1
        var current = top
        while count < limit, let next = navigator.next(after: current) {
            current = next
            count += 1
        }
        return count
    }

    /// The wheel over the tree scrolls the rows; the selection is carried along when it would
    /// leave the pane, so it never disappears.
    mutating func scrollTree(by lines: Int, context: BrowserContext) {
        let navigator = treeNavigator(context)
        let height = layout.tree.height
        guard height > 0 else { return }
        let lastTop = navigator.step(from: navigator.lastRow, by: -(height - 1))
        treeTop = min(navigator.step(from: treeTop, by: lines), max(lastTop, .title))
        if selection < treeTop {
            select(treeTop)
        } else if navigator.distance(from: treeTop, to: selection, limit: height) == nil {
            select(navigator.step(from: treeTop, by: height - 1))
        }
    }
}
