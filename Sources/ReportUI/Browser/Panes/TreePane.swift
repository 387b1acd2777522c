import ReportKit

/// Draws the outline rows from the tree's top row down: guides, open/closed markers, headings
/// clipped by display width, and a search's hit counts at the right.
package enum TreePane {
    package static func draw(
        into screen: inout Screen, rect: Rect, tree: TreeView, navigator: OutlineNavigator,
        results: SearchResults?, isFocused: Bool, theme: BrowserTheme
    ) {
        guard !rect.isEmpty else { return }
        let counts = results.map { (total: $0.totalCount, sections: $0.countsIncludingDescendants) }
        var row: OutlineRow? = tree.top
        for y in rect.y..<rect.maxY {
            guard let current = row else { break }
            var count = 0
            if let counts {
                count = current.sectionIndex.map { counts.sections.indices.contains($0) ? counts.sections[$0] : 0 } ?? counts.total
            }
            // `!`: the parser read this heading generously; `W` lists why.
            let warned = current.sectionIndex.map { WarningsOverlay.hasWarning(navigator.report.sections[$0], in: navigator.report) } ?? false
            let countText = (warned && rect.width >= 8 ? " !" : "") + (count > 0 && rect.width >= 12 ? " \(count)" : "")
            let countWidth = DisplayWidth.of(countText)
            drawRow(current, into: &screen, x: rect.x, y: y, width: rect.width - countWidth, navigator: navigator, theme: theme)
            if countWidth > 0 {
                screen.put(countText, x: rect.maxX - countWidth, y: y, style: theme.searchCount, limit: rect.maxX)
            }
            if current == tree.selection {
                let attributes = isFocused ? theme.selectedFocused : theme.selectedUnfocused
                screen.restyle(x: rect.x, y: y, width: rect.width) { $0.attributes.formUnion(attributes) }
            }
            row = navigator.next(after: current)
        }
    }

    private static func drawRow(
        _ row: OutlineRow, into screen: inout Screen, x: Int, y: Int, width: Int,
        navigator: OutlineNavigator, theme: BrowserTheme
    ) {
        let glyphs = theme.glyphs
        guard let index = row.sectionIndex else {
            let title = TextClip.clip(SectionLabels.title(of: navigator.report), toWidth: width, ellipsis: glyphs.ellipsis)
            screen.put(title, x: x, y: y, style: theme.title, limit: x + width)
            return
        }
        let section = navigator.report.sections[index]
        let tree = glyphs.tree
        let marker = !navigator.hasChildren(index) ? tree.leaf : navigator.isOpen(index) ? tree.expanded : tree.collapsed
        var prefix = guides(for: index, navigator: navigator, glyphs: tree) + marker + " "
        // Deep nesting in a narrow pane: keep room for the heading, drop the outer guides.
        let room = max(width / 2, min(width, 8))
        while DisplayWidth.of(prefix) > width - room, !prefix.isEmpty { prefix.removeFirst() }
        let afterPrefix = screen.put(prefix, x: x, y: y, style: theme.treeGuide, limit: x + width)
        let style = section.kind == .appendix ? theme.appendix : section.depth == 1 ? theme.treeChapter : theme.treeRow
        let label = TextClip.clip(
            SectionLabels.treeLabel(of: section), toWidth: x + width - afterPrefix, ellipsis: glyphs.ellipsis)
        screen.put(label, x: afterPrefix, y: y, style: style, limit: x + width)
    }

    /// `│ ├─`: a column under each ancestor below the chapters, then the row's own branch, so
    /// a child's branch starts under its parent's marker.
    private static func guides(for index: Int, navigator: OutlineNavigator, glyphs: Glyphs) -> String {
        let path = navigator.report.path(to: index)
        guard path.count > 1 else { return "" }
        var text = ""
        for ancestor in path.dropFirst().dropLast() {
            text += navigator.isLastSibling(ancestor) ? glyphs.space : glyphs.vertical
        }
        text += navigator.isLastSibling(index) ? glyphs.lastBranch : glyphs.branch
        return text
    }
}
