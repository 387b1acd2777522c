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
        let compact = needsCompactGuides(
            deepest: deepestGuides(from: tree.top, rows: rect.height, navigator: navigator), glyphs: theme.glyphs.tree,
            budget: rect.width - room(in: rect.width))
        var row: OutlineRow? = tree.top
        for y in rect.y..<rect.maxY {
            guard let current = row else { break }
            var count = 0
            if let counts {
                count = current.sectionIndex.map { counts.sections.indices.contains($0) ? counts.sections[$0] : 0 } ?? counts.total
            }
            // `!`: the parser read this heading generously; `W` lists why.
            let warned = current.sectionIndex.map { WarningsOverlay.hasWarning(navigator.report.sections[$0], in: navigator.report) } ?? false
            var countText = (warned && rect.width >= 8 ? " !" : "") + (count > 0 && rect.width >= 12 ? " \(count)" : "")
            // Hits per section say more while searching than sizes do.
            if tree.showsSizes, count == 0, rect.width >= 16, let index = current.sectionIndex {
                countText += " " + sizeLabel(of: navigator.report.sections[index], in: navigator.report)
            }
            let countWidth = DisplayWidth.of(countText)
            drawRow(
                current, into: &screen, x: rect.x, y: y, width: rect.width - countWidth, compact: compact,
                navigator: navigator, theme: theme)
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
        _ row: OutlineRow, into screen: inout Screen, x: Int, y: Int, width: Int, compact: Bool,
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
        let budget = width - room(in: width)
        let prefix = fittedPrefix(guides(for: index, navigator: navigator, glyphs: tree), marker: marker, budget: budget, compact: compact)
        let afterPrefix = screen.put(prefix, x: x, y: y, style: theme.treeGuide, limit: x + width)
        let style = section.kind == .appendix ? theme.appendix : section.depth == 1 ? theme.treeChapter : theme.treeRow
        let label = TextClip.clip(
            SectionLabels.shortTreeLabel(of: section), toWidth: x + width - afterPrefix, ellipsis: glyphs.ellipsis)
        screen.put(label, x: afterPrefix, y: y, style: style, limit: x + width)
    }

    /// Deep nesting in a narrow pane: the guides shrink to one cell a level (`│├`), and only
    /// past that do the outer levels go, so a row's depth shows at every tree width.
    /// A section's share of the report's text, `12%` (`<1%` for a small one): bytes of its
    /// subtree over the report's, which for text in one script is its share of characters,
    /// and costs nothing to work out on every frame.
    static func sizeLabel(of section: Section, in report: Report) -> String {
        let total = max(1, report.text.utf8.count)
        let percent = section.subtreeRange.count * 100 / total
        return percent == 0 ? "<1%" : "\(percent)%"
    }

    /// Cells kept for the heading however deep the row.
    private static func room(in width: Int) -> Int { max(width / 2, min(width, 8)) }

    /// Guide pieces of the deepest row on screen.
    private static func deepestGuides(from top: OutlineRow, rows: Int, navigator: OutlineNavigator) -> Int {
        var deepest = 0
        var row: OutlineRow? = top
        for _ in 0..<max(0, rows) {
            guard let current = row else { break }
            if let index = current.sectionIndex { deepest = max(deepest, navigator.report.sections[index].depth - 1) }
            row = navigator.next(after: current)
        }
        return deepest
    }

    /// Whether the deepest row shown needs the one-cell guides; then every row gets them, so
    /// deeper rows never start left of shallower ones.
    static func needsCompactGuides(deepest pieces: Int, glyphs: Glyphs, budget: Int) -> Bool {
        pieces * glyphs.guideWidth + DisplayWidth.of(glyphs.expanded) + 1 > budget
    }

    static func fittedPrefix(_ pieces: [String], marker: String, budget: Int, compact: Bool) -> String {
        let full = pieces.joined() + marker + " "
        if !compact, DisplayWidth.of(full) <= budget { return full }
        var compact = pieces.map { $0.first.map(String.init) ?? "" }
        let markerWidth = DisplayWidth.of(marker) + 1
        while !compact.isEmpty, compact.count + markerWidth > max(budget, markerWidth + 1) { compact.removeFirst() }
        let prefix = compact.joined() + marker + " "
        return DisplayWidth.of(prefix) <= max(budget, 0) ? prefix : marker
    }

    /// `│ ├─`: a column under each ancestor below the chapters, then the row's own branch, so
    /// a child's branch starts under its parent's marker. One piece per level.
    private static func guides(for index: Int, navigator: OutlineNavigator, glyphs: Glyphs) -> [String] {
        let path = navigator.report.path(to: index)
        guard path.count > 1 else { return [] }
        var pieces: [String] = []
        for ancestor in path.dropFirst().dropLast() {
            pieces.append(navigator.isLastSibling(ancestor) ? glyphs.space : glyphs.vertical)
        }
        pieces.append(navigator.isLastSibling(index) ? glyphs.lastBranch : glyphs.branch)
        return pieces
    }
}
