import ReportKit

/// The whole frame as a pure function of the report and the state. `lineCache` only saves
/// work: the frame is the same with a fresh one.
package enum BrowserRenderer {
    package static let tooSmallMessage = "Terminal too small"

    package static func render(
        report: Report, state: BrowserState, theme: BrowserTheme, size: Size,
        lineCache: DetailLineCache = DetailLineCache(), origin: ReportOrigin? = nil
    ) -> (screen: Screen, cursor: (x: Int, y: Int)?) {
        var screen = Screen(size: size)
        let layout = BrowserLayout(size: size, treeShare: state.treeShare, focus: state.focus, headerLines: state.headerLines)
        if layout.isTooSmall {
            let needed = "\(tooSmallMessage) (\(BrowserLayout.minimumSize.width)x\(BrowserLayout.minimumSize.height))"
            // The longest wording that fits, so even a 10-column terminal says what is wrong.
            let text = [needed, tooSmallMessage, "Too small", "小"].first { DisplayWidth.of($0) <= size.width } ?? ""
            screen.put(TextClip.clip(text, toWidth: size.width, ellipsis: ""), x: 0, y: 0, style: theme.statusError)
            return (screen, nil)
        }
        HeaderBar.draw(into: &screen, rect: layout.header, report: report, origin: origin, search: state.search, theme: theme)
        TreePane.draw(
            into: &screen, rect: layout.tree, tree: state.tree, navigator: state.treeNavigator(for: report),
            results: state.search?.results, isFocused: state.focus == .tree, theme: theme)
        drawDivider(into: &screen, layout: layout, theme: theme)
        let drawnText = DetailPane.draw(
            into: &screen, rect: layout.detailText, reader: state.reader, report: report, search: state.search,
            theme: theme, lineCache: lineCache)
        let cursor = StatusBar.draw(
            into: &screen, rect: layout.status, report: report, state: state, origin: origin, theme: theme,
            lineCache: lineCache, drawnText: drawnText)
        if case .overlay(let overlay) = state.mode {
            overlay.draw(into: &screen, view: state.view(of: report), theme: theme)
        }
        return (screen, cursor)
    }

    private static func drawDivider(into screen: inout Screen, layout: BrowserLayout, theme: BrowserTheme) {
        let divider = layout.divider
        guard !divider.isEmpty else { return }
        if divider.width == 1 {
            for y in divider.y..<divider.maxY {
                screen.put(theme.glyphs.verticalBorder, x: divider.x, y: y, style: theme.border)
            }
        } else {
            let line = String(repeating: theme.glyphs.horizontalBorder, count: divider.width)
            screen.put(line, x: divider.x, y: divider.y, style: theme.border, limit: divider.maxX)
        }
    }
}
