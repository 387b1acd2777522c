/// The `?` overlay: the rows of the key table, grouped, in a framed box over the screen;
/// every row in the browser, the view's own where a view has only some of the keys.
package struct HelpOverlay: BrowserOverlay {
    /// Lines scrolled off the top.
    package private(set) var scroll = 0
    /// The contexts whose keys are listed; nil: every key of the table.
    package let contexts: Set<BindingContext>?

    package init(contexts: Set<BindingContext>? = nil) {
        self.contexts = contexts
    }

    package var keyContext: BindingContext { .help }

    package mutating func handle(_ action: Action, in view: ReportView) -> OverlayResult {
        let page = max(1, Self.bodyHeight(in: view.size) - 1)
        switch action {
        case .closeHelp: return .closes
        case .moveDown: scroll += 1
        case .moveUp: scroll -= 1
        case .pageDown: scroll += page
        case .pageUp: scroll -= page
        case .scroll(_, _, let lines): scroll += lines
        default: break
        }
        scroll = min(max(0, scroll), Self.maxScroll(in: view.size, contexts: contexts))
        return .stays
    }

    package func draw(into screen: inout Screen, view: ReportView, theme: BrowserTheme) {
        Self.draw(into: &screen, scroll: scroll, theme: theme, contexts: contexts)
    }

    package struct Line: Hashable, Sendable {
        package var keys: String
        package var summary: String
        package var isGroup: Bool
    }

    /// The rows for the keys of `contexts` (nil: every key of the table), then the mouse.
    package static func lines(ascii: Bool, contexts: Set<BindingContext>? = nil) -> [Line] {
        var lines: [Line] = []
        for (group, all) in KeyBindings.grouped() {
            let bindings = contexts.map { contexts in all.filter { contexts.contains($0.context) } } ?? all
            if bindings.isEmpty { continue }
            if !lines.isEmpty { lines.append(Line(keys: "", summary: "", isGroup: false)) }
            lines.append(Line(keys: "", summary: group, isGroup: true))
            for binding in bindings {
                lines.append(Line(keys: binding.keyLabels(ascii: ascii).joined(separator: " "), summary: binding.summary, isGroup: false))
            }
        }
        lines.append(Line(keys: "", summary: "", isGroup: false))
        lines.append(Line(keys: "", summary: "Mouse", isGroup: true))
        for (gesture, summary) in KeyBindings.mouse {
            lines.append(Line(keys: gesture, summary: summary, isGroup: false))
        }
        return lines
    }

    private static let unicodeLines = lines(ascii: false)
    private static let asciiLines = lines(ascii: true)
    /// Both sets have the same rows; only the key names differ.
    private static func lines(ascii: Bool, cachedFor contexts: Set<BindingContext>?) -> [Line] {
        guard let contexts else { return ascii ? asciiLines : unicodeLines }
        return lines(ascii: ascii, contexts: contexts)
    }

    /// The frame: a margin round it where the screen allows.
    package static func frame(in size: Size) -> Rect {
        let marginX = size.width >= 60 ? 2 : 0
        let marginY = size.height >= 16 ? 1 : 0
        let width = min(size.width - 2 * marginX, 84)
        return Rect(x: (size.width - width) / 2, y: marginY, width: width, height: size.height - 2 * marginY)
    }

    package static func bodyHeight(in size: Size) -> Int { max(0, frame(in: size).height - 2) }

    package static func maxScroll(in size: Size, contexts: Set<BindingContext>? = nil) -> Int {
        max(0, lines(ascii: false, cachedFor: contexts).count - bodyHeight(in: size))
    }

    /// Draws the keys of `contexts` (nil: all of them), as a view that has only some of the
    /// browser's keys (the compare view) lists only its own.
    package static func draw(into screen: inout Screen, scroll: Int, theme: BrowserTheme, contexts: Set<BindingContext>? = nil) {
        let box = frame(in: screen.size)
        guard box.width >= 4, box.height >= 3 else { return }
        let glyphs = theme.glyphs
        let lastScroll = maxScroll(in: screen.size, contexts: contexts)
        let scroll = min(max(0, scroll), lastScroll)
        let more = scroll < lastScroll ? " - more below" : ""
        let inner = OverlayBox.draw(into: &screen, box: box, title: " Keys ", footer: " Esc or ? closes\(more) ", theme: theme)
        let lines = lines(ascii: glyphs.tree == .ascii, cachedFor: contexts)
        let keyColumn = min(16, lines.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        for (row, line) in lines.dropFirst(scroll).prefix(inner.height).enumerated() {
            let y = inner.y + row
            if line.isGroup {
                screen.put(TextClip.clip(line.summary, toWidth: inner.width, ellipsis: glyphs.ellipsis), x: inner.x, y: y, style: theme.helpGroup, limit: inner.maxX)
                continue
            }
            let keys = TextClip.clip(line.keys, toWidth: min(keyColumn, inner.width), ellipsis: glyphs.ellipsis)
            screen.put(keys, x: inner.x, y: y, style: theme.helpKey, limit: inner.maxX)
            let summaryX = inner.x + keyColumn + 2
            guard summaryX < inner.maxX else { continue }
            let summary = TextClip.clip(line.summary, toWidth: inner.maxX - summaryX, ellipsis: glyphs.ellipsis)
            screen.put(summary, x: summaryX, y: y, style: .plain, limit: inner.maxX)
        }
    }
}
