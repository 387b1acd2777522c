import ReportKit

/// The aligned outline: one row per pair, its status mark, indented by depth, what it was and
/// what it became.
package enum CompareTreePane {
    package static func draw(
        into screen: inout Screen, rect: Rect, state: CompareState, document: CompareDocument, theme: CompareTheme
    ) {
        guard !rect.isEmpty else { return }
        let pairs = document.alignment.pairs
        let hitPairs = Set(state.search?.pairs ?? [])
        for row in 0..<rect.height {
            let position = state.treeTop + row
            guard position < pairs.count else { break }
            let pair = pairs[position]
            let y = rect.y + row
            let label = label(of: pair, document: document, theme: theme)
            let hit = hitPairs.contains(position) && rect.width >= 12 ? " *" : ""
            let width = rect.width - DisplayWidth.of(hit)
            var style = theme.status(pair.status)
            let depth = pair.new.map { document.new.sections[$0].depth } ?? pair.old.map { document.old.sections[$0].depth } ?? 1
            if depth == 1 { style.attributes.formUnion(.bold) }
            let clipped = TextClip.clip(label, toWidth: width, ellipsis: theme.base.glyphs.ellipsis)
            screen.put(clipped, x: rect.x, y: y, style: style, limit: rect.x + width)
            if !hit.isEmpty { screen.put(hit, x: rect.maxX - DisplayWidth.of(hit), y: y, style: theme.base.searchCount, limit: rect.maxX) }
            if position == state.selected {
                let attributes = state.focus == .tree ? theme.base.selectedFocused : theme.base.selectedUnfocused
                screen.restyle(x: rect.x, y: y, width: rect.width) { $0.attributes.formUnion(attributes) }
            }
        }
    }

    /// `~   3.2→3.3 (三)强化述职述法`: the mark, the depth, where the section was and is, and
    /// its heading as it reads now (as it read, for a removed one). A pane a quarter of the
    /// screen wide has no room for both headings; the status line and the titles have them.
    static func label(of pair: AlignedPair, document: CompareDocument, theme: CompareTheme) -> String {
        let depth = (pair.new.map { document.new.sections[$0].depth } ?? pair.old.map { document.old.sections[$0].depth }) ?? 1
        var text = String(pair.status.mark) + " " + String(repeating: "  ", count: max(depth - 1, 0))
        switch (pair.old.map { document.old.sections[$0] }, pair.new.map { document.new.sections[$0] }) {
        case (let old?, let new?):
            text += old.address == new.address ? old.address : old.address + theme.arrow + new.address
            text += " " + OutlineExport.displayHeading(new)
        case (let old?, nil): text += old.address + " " + OutlineExport.displayHeading(old)
        case (nil, let new?): text += new.address + " " + OutlineExport.displayHeading(new)
        case (nil, nil): break
        }
        return text
    }
}
