import ReportKit

/// The header (title and metadata) and the status line (breadcrumb or message, position, key
/// hints, or the prompt being typed).
package enum HeaderBar {
    package static func draw(
        into screen: inout Screen, rect: Rect, report: Report, origin: ReportOrigin? = nil, theme: BrowserTheme
    ) {
        guard !rect.isEmpty else { return }
        let ellipsis = theme.glyphs.ellipsis
        let title = SectionLabels.title(of: report)
        // The text of a PDF, page or Word file is an extraction: the reader should know which.
        let format = origin.map(\.format).flatMap { $0 == .text ? nil : " from \($0.displayName)" } ?? ""
        let formatWidth = rect.width >= 30 ? DisplayWidth.of(format) : 0
        screen.put(
            TextClip.clip(title, toWidth: rect.width - formatWidth, ellipsis: ellipsis), x: rect.x, y: rect.y,
            style: theme.title, limit: rect.maxX - formatWidth)
        if formatWidth > 0 {
            screen.put(format, x: rect.maxX - formatWidth, y: rect.y, style: theme.metadata, limit: rect.maxX)
        }
        guard rect.height > 1, !report.metadata.isEmpty else { return }
        let metadata = report.metadata.map { "\($0.key): \($0.value)" }.joined(separator: "   ")
        screen.put(
            TextClip.clip(metadata, toWidth: rect.width, ellipsis: ellipsis),
            x: rect.x, y: rect.y + 1, style: theme.metadata, limit: rect.maxX)
    }
}

package enum StatusBar {
    /// Draws the bar; returns where the cursor goes when a prompt is open.
    package static func draw(
        into screen: inout Screen, rect: Rect, report: Report, state: BrowserState, origin: ReportOrigin? = nil,
        theme: BrowserTheme
    ) -> (x: Int, y: Int)? {
        guard !rect.isEmpty else { return nil }
        screen.fill(rect, style: theme.status)
        let ellipsis = theme.glyphs.ellipsis
        if let prompt = state.mode.prompt {
            return drawPrompt(into: &screen, rect: rect, prompt: prompt, state: state, report: report, theme: theme)
        }
        let ascii = theme.glyphs.tree == .ascii
        let right: String
        if case .overlay(let overlay) = state.mode, KeyBindings.hasHints(overlay.keyContext) {
            right = KeyBindings.hints(for: overlay.keyContext, width: rect.width, ascii: ascii).joined(separator: "  ") + " "
        } else {
            var position = "\(state.selection.sectionIndex.map { $0 + 1 } ?? 0)/\(report.sections.count)"
            if let page = page(atTopOf: state, report: report, origin: origin) { position = "p.\(page)  " + position }
            if !report.warnings.isEmpty, rect.width >= 50 {
                let count = report.warnings.count
                position = (rect.width >= 80 ? "!\(count) warning\(count == 1 ? "" : "s")  " : "!\(count)  ") + position
            }
            let hints = KeyBindings.hints(for: .browse, width: rect.width, ascii: ascii)
            right = " \(position)" + (hints.isEmpty ? " " : "  " + hints.joined(separator: "  ") + " ")
        }
        var rightWidth = DisplayWidth.of(right)
        if state.mode.isBrowsing, let search = state.search {
            // Left of the position; its query is clipped first so the breadcrumb keeps some room.
            let room = rect.width - rightWidth - 12
            let text = SearchStatus.summary(of: search, ellipsis: ellipsis, room: room)
            if !text.isEmpty {
                let width = DisplayWidth.of(text)
                rightWidth += width
                var style = theme.searchCount
                style.attributes.formUnion(theme.status.attributes)
                screen.put(text, x: rect.maxX - rightWidth, y: rect.y, style: style, limit: rect.maxX)
            }
        }
        let leftWidth = max(0, rect.width - rightWidth - 1)
        let left: String
        var leftStyle = theme.status
        if let message = state.message {
            left = message.text
            if message.isError { leftStyle = theme.statusError }
        } else {
            left = SectionLabels.breadcrumb(
                of: state.selection, in: report, separator: theme.glyphs.pathSeparator, fittingWidth: leftWidth - 1)
        }
        let clipped = TextClip.clip(left, toWidth: leftWidth - 1, ellipsis: ellipsis)
        screen.put(" " + clipped, x: rect.x, y: rect.y, style: leftStyle, limit: rect.x + leftWidth)
        if rightWidth <= rect.width {
            screen.put(right, x: rect.maxX - DisplayWidth.of(right), y: rect.y, style: theme.status, limit: rect.maxX)
        }
        return nil
    }

    /// The page (of a PDF) that the text at the top of the detail pane was on.
    static func page(atTopOf state: BrowserState, report: Report, origin: ReportOrigin?) -> Int? {
        guard let origin, origin.pageOfLine != nil else { return nil }
        return origin.page(ofLine: report.lines.line(at: state.textOffset(of: state.reader.position, in: report)))
    }

    /// `:三(二)`, `/ [regex] [in 3.2] 信用修复` — scrolled so the cursor stays on screen however
    /// long the input grows. The search prompt's right end tells how the typing is going.
    private static func drawPrompt(
        into screen: inout Screen, rect: Rect, prompt: PromptBuffer, state: BrowserState, report: Report,
        theme: BrowserTheme
    ) -> (x: Int, y: Int) {
        let label: String
        var hint: String
        var hintStyle = theme.metadata
        if case .goto = state.mode {
            label = ":"
            let hints = KeyBindings.hints(for: .prompt, width: rect.width, ascii: theme.glyphs.tree == .ascii)
            hint = hints.isEmpty ? "" : " " + hints.joined(separator: "  ") + " "
        } else if case .outputPrompt(let output) = state.mode {
            label = output.purpose.label
            hint = TextClip.clip(" " + output.outgoing.label + " ", toWidth: rect.width / 2, ellipsis: theme.glyphs.ellipsis)
        } else {
            label = SearchStatus.promptLabel(of: state.search?.query, report: report)
            let feedback = SearchStatus.promptFeedback(of: state, ascii: theme.glyphs.tree == .ascii, width: rect.width)
            hint = feedback.text
            if feedback.isError { hintStyle = theme.statusError }
            // Never more than half the line: the query comes first.
            hint = TextClip.clip(hint, toWidth: rect.width / 2, ellipsis: theme.glyphs.ellipsis)
        }
        let labelWidth = DisplayWidth.of(label)
        screen.fill(rect, style: theme.prompt)
        screen.put(label, x: rect.x, y: rect.y, style: theme.prompt, limit: rect.maxX)
        let hintWidth = DisplayWidth.of(hint)
        if hintWidth > 0 {
            screen.put(hint, x: rect.maxX - hintWidth, y: rect.y, style: hintStyle, limit: rect.maxX)
        }
        let end = rect.maxX - hintWidth - 1
        let room = max(1, end - rect.x - labelWidth)
        var characters = prompt.characters[...]
        var cursorColumn = prompt.cursorColumn
        // Drop characters off the left until the cursor fits.
        while cursorColumn > room, let first = characters.first {
            cursorColumn -= DisplayWidth.of(first)
            characters = characters.dropFirst()
        }
        let visible = String(characters)
        screen.put(visible, x: rect.x + labelWidth, y: rect.y, style: theme.prompt, limit: end)
        return (rect.x + labelWidth + cursorColumn, rect.y)
    }
}
