import ReportKit

/// The whole compare frame: a pure function of the state and the (memoised) document.
package enum CompareRenderer {
    package static func render(
        state: CompareState, document: CompareDocument, theme: CompareTheme
    ) -> (screen: Screen, cursor: (x: Int, y: Int)?) {
        var screen = Screen(size: state.size)
        let layout = state.layout
        if layout.isTooSmall {
            let text = TextClip.clip("Terminal too small", toWidth: state.size.width, ellipsis: theme.base.glyphs.ellipsis)
            screen.put(text, x: 0, y: 0, style: theme.base.statusError)
            return (screen, nil)
        }
        drawHeader(into: &screen, rect: layout.header, document: document, theme: theme)
        CompareTreePane.draw(into: &screen, rect: layout.tree, state: state, document: document, theme: theme)
        for divider in layout.dividers {
            for y in divider.y..<divider.maxY {
                screen.put(theme.base.glyphs.verticalBorder, x: divider.x, y: y, style: theme.base.border, limit: divider.maxX)
            }
        }
        for side in CompareSide.allCases {
            let title = side == .old ? layout.oldTitle : layout.newTitle
            let text = side == .old ? layout.oldText : layout.newText
            drawTitle(into: &screen, rect: title, side: side, state: state, document: document, theme: theme)
            CompareTextPane.draw(into: &screen, rect: text, side: side, state: state, document: document, theme: theme)
        }
        let cursor = drawStatus(into: &screen, rect: layout.status, state: state, document: document, theme: theme)
        if case .help(let scroll) = state.mode {
            HelpOverlay.draw(into: &screen, scroll: scroll, theme: theme.base, contexts: CompareState.helpContexts)
        }
        return (screen, cursor)
    }

    private static func drawHeader(into screen: inout Screen, rect: Rect, document: CompareDocument, theme: CompareTheme) {
        guard !rect.isEmpty else { return }
        let ellipsis = theme.base.glyphs.ellipsis
        let names = "Compare  \(document.oldName) \(theme.arrow) \(document.newName)"
        screen.put(TextClip.clip(names, toWidth: rect.width, ellipsis: ellipsis), x: rect.x, y: rect.y, style: theme.base.title, limit: rect.maxX)
        guard rect.height > 1 else { return }
        let counts = document.alignment.counts
        var summary = "\(document.pairCount) pairs"
        for status in AlignmentStatus.allCases {
            guard let count = counts[status], count > 0 else { continue }
            summary += "  \(status.mark) \(count) \(status.rawValue)"
        }
        if document.alignment.isIdentical { summary += "  (the two versions are the same)" }
        screen.put(TextClip.clip(summary, toWidth: rect.width, ellipsis: ellipsis), x: rect.x, y: rect.y + 1, style: theme.base.metadata, limit: rect.maxX)
    }

    /// ` old  gwr2023.txt  3.2 (二)强化述职述法`: the version and the section at the top.
    private static func drawTitle(
        into screen: inout Screen, rect: Rect, side: CompareSide, state: CompareState, document: CompareDocument,
        theme: CompareTheme
    ) {
        guard !rect.isEmpty else { return }
        screen.fill(rect, style: theme.paneTitle)
        // The file names are in the header; the title names the section at the top.
        var text = " \(side == .old ? "old" : "new")"
        if let index = document.section(of: state.selected, side) {
            let report = document.report(side)
            text += "  " + report.sections[index].address + " " + SectionLabels.heading(of: report.sections[index])
        } else if document.pairCount > 0 {
            text += side == .old ? "  (not in this version)" : "  (removed in this version)"
        }
        var style = theme.paneTitle
        if state.focus == .text { style.attributes.formUnion(.bold) }
        screen.put(TextClip.clip(text, toWidth: rect.width, ellipsis: theme.base.glyphs.ellipsis), x: rect.x, y: rect.y, style: style, limit: rect.maxX)
    }

    private static func drawStatus(
        into screen: inout Screen, rect: Rect, state: CompareState, document: CompareDocument, theme: CompareTheme
    ) -> (x: Int, y: Int)? {
        screen.fill(rect, style: theme.base.status)
        let ellipsis = theme.base.glyphs.ellipsis
        if case .search(let buffer) = state.mode {
            let prompt = "/" + buffer.text
            screen.put(TextClip.clip(prompt, toWidth: rect.width, ellipsis: ellipsis), x: rect.x, y: rect.y, style: theme.base.prompt, limit: rect.maxX)
            screen.restyle(x: rect.x, y: rect.y, width: rect.width) { $0 = theme.base.prompt }
            return (min(rect.maxX - 1, rect.x + 1 + buffer.cursorColumn), rect.y)
        }
        let ascii = theme.base.glyphs.tree == .ascii
        let hints = KeyBindings.hints(for: .compare, width: rect.width, ascii: ascii).joined(separator: "  ")
        let left = state.message ?? pairSummary(state: state, document: document, theme: theme)
        let hintsWidth = DisplayWidth.of(hints)
        let leftRoom = hintsWidth + 2 < rect.width / 2 ? rect.width - hintsWidth - 2 : rect.width
        let style = state.message != nil && state.message?.hasPrefix("Search:") == true ? theme.base.statusError : theme.base.status
        screen.put(TextClip.clip(" " + left, toWidth: leftRoom, ellipsis: ellipsis), x: rect.x, y: rect.y, style: style, limit: rect.x + leftRoom)
        if leftRoom < rect.width {
            screen.put(hints, x: rect.maxX - hintsWidth - 1, y: rect.y, style: theme.base.status, limit: rect.maxX)
        }
        return nil
    }

    /// `12/140 ~ modified 82%`: where the selection is among the pairs, and what it is.
    private static func pairSummary(state: CompareState, document: CompareDocument, theme: CompareTheme) -> String {
        guard document.pairCount > 0 else { return "Neither version has sections" }
        let pair = document.alignment.pairs[state.selected]
        var text = "\(state.selected + 1)/\(document.pairCount) \(pair.status.mark) \(pair.status.rawValue)"
        if pair.status == .modified || pair.status == .split || pair.status == .merged {
            text += " \(Int((pair.similarity * 100).rounded()))%"
        }
        let oldAddress = pair.old.map { document.old.sections[$0].address } ?? "none"
        let newAddress = pair.new.map { document.new.sections[$0].address } ?? "none"
        text += "  \(oldAddress) \(theme.arrow) \(newAddress)"
        if let changes = document.difference(of: state.selected)?.numberChanges, !changes.isEmpty {
            text += "  numbers: " + changes.prefix(3).map { "\($0.old)\(theme.arrow)\($0.new)" }.joined(separator: " ")
        }
        return text
    }
}
