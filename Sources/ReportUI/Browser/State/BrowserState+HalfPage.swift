/// Ctrl-D / Ctrl-U (and `d` / `u`): half of the focused pane, as vim and less scroll, so the
/// line read last stays on screen in the middle instead of at the edge.
extension BrowserState {
    mutating func moveByHalfPage(down: Bool, context: BrowserContext) {
        let sign = down ? 1 : -1
        if focus == .tree {
            let half = max(1, layout.tree.height / 2)
            select(treeNavigator(context).step(from: selection, by: sign * half))
        } else {
            let half = max(1, layout.detailText.height / 2)
            scrollText(by: sign * half, context: context)
        }
    }
}
