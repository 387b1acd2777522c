import ReportKit

/// The header (title and metadata) and the status line (breadcrumb or message, position, key
/// hints, or the prompt being typed).
package enum HeaderBar {
    package static func draw(
        into screen: inout Screen, rect: Rect, report: Report, origin: ReportOrigin? = nil, search: SearchState? = nil,
        theme: BrowserTheme
    ) {
        guard !rect.isEmpty else { return }
        let ellipsis = theme.glyphs.ellipsis
        let title = SectionLabels.title(of: report)
        let source = sourceLabel(origin: origin, room: rect.width - min(DisplayWidth.of(title), rect.width / 2), ellipsis: ellipsis)
        let sourceWidth = DisplayWidth.of(source)
        screen.put(
            TextClip.clip(title, toWidth: rect.width - sourceWidth, ellipsis: ellipsis), x: rect.x, y: rect.y,
            style: theme.title, limit: rect.maxX - sourceWidth)
        if sourceWidth > 0 {
            screen.put(source, x: rect.maxX - sourceWidth, y: rect.y, style: theme.metadata, limit: rect.maxX)
        }
        guard rect.height > 1, !report.metadata.isEmpty else { return }
        let metadata = HeaderMetadata.text(of: report)
        let clipped = TextClip.clip(metadata, toWidth: rect.width, ellipsis: ellipsis)
        screen.put(clipped, x: rect.x, y: rect.y + 1, style: theme.metadata, limit: rect.maxX)
        if let search, let results = search.results, !results.isEmpty, hasHits(inHeaderOf: report, results) {
            // Cells of the ellipsis, when the line was clipped, show none of the text.
            let shown = DisplayWidth.of(clipped) - (clipped == VisibleText.sanitize(metadata) ? 0 : DisplayWidth.of(ellipsis))
            HeaderMetadata(report: report).paint(
                into: &screen, x: rect.x, y: rect.y + 1, limit: shown, results: results, current: search.current,
                theme: theme)
        }
    }

    /// Only a frame with a hit in the metadata rows works out where the header's words are.
    private static func hasHits(inHeaderOf report: Report, _ results: SearchResults) -> Bool {
        let window = report.frontRange.lowerBound..<report.preambleStart
        return !window.isEmpty && !SearchHighlights.hits(overlapping: window, in: results).isEmpty
    }

    /// ` 政府工作报告-2024.pdf (from PDF)` at the right of the title: two reports with the
    /// same title are told apart by their file, and an extraction says what it was extracted
    /// from. Within `room`, the format goes first, then the name loses its start (its end, a
    /// year or a number and the extension, tells files apart), then the whole label goes.
    static func sourceLabel(origin: ReportOrigin?, room: Int, ellipsis: String) -> String {
        guard let origin else { return "" }
        let name = VisibleText.sanitize(origin.fileName)
        let format = origin.format == .text ? "" : " (from \(origin.format.displayName))"
        for candidate in [" \(name)\(format)", " \(name)"] where DisplayWidth.of(candidate) <= room {
            return candidate
        }
        // Half of a narrow line is too little for a clipped name to tell files apart.
        guard room >= 16 else { return "" }
        // Clipping the reversed name keeps its end.
        return " " + String(TextClip.clip(String(name.reversed()), toWidth: room - 1, ellipsis: String(ellipsis.reversed())).reversed())
    }
}

package enum StatusBar {
    /// Draws the bar; returns where the cursor goes when a prompt is open. `drawnText` is what
    /// the text pane drew this frame, when it is on screen: the figures are read off it.
    package static func draw(
        into screen: inout Screen, rect: Rect, report: Report, state: BrowserState, origin: ReportOrigin? = nil,
        theme: BrowserTheme, lineCache: DetailLineCache = DetailLineCache(),
        drawnText: [(unit: DetailUnit, line: DetailLine)]? = nil
    ) -> (x: Int, y: Int)? {
        guard !rect.isEmpty else { return nil }
        screen.fill(rect, style: theme.status)
        let ellipsis = theme.glyphs.ellipsis
        if let prompt = state.mode.prompt {
            return drawPrompt(into: &screen, rect: rect, prompt: prompt, state: state, report: report, theme: theme)
        }
        let ascii = theme.glyphs.tree == .ascii
        let parts: [StatusPart]
        if case .overlay(let overlay) = state.mode, KeyBindings.hasHints(overlay.keyContext) {
            // Fewer hints rather than none: the first ones are the list's way in and out.
            let hints = KeyBindings.hints(for: overlay.keyContext, width: rect.width, ascii: ascii)
            parts = [StatusPart((0..<hints.count).map { hints.dropLast($0).joined(separator: "  ") }, priority: 0)]
        } else {
            parts = browsingParts(
                state: state, report: report, origin: origin, theme: theme, lineCache: lineCache, width: rect.width,
                drawnText: drawnText)
        }
        var room = partsRoom(forWidth: rect.width)
        if state.mode.isBrowsing, let message = state.message {
            // A message answers the last key and goes with the next: it may take the room of
            // all but the most needed part.
            room = max(min(room, 6), rect.width - DisplayWidth.of(message.text) - 4)
        }
        let fitted = StatusParts.fit(parts, width: room)
        var rightWidth = 0
        if !fitted.isEmpty {
            // Two blank cells part the breadcrumb from the parts, one ends the line.
            rightWidth = fitted.reduce(0) { $0 + DisplayWidth.of($1.text) } + StatusParts.gap * (fitted.count - 1) + 3
            var x = rect.maxX - rightWidth + 2
            var searchStyle = theme.searchCount
            searchStyle.attributes.formUnion(theme.status.attributes)
            for (index, part) in fitted.enumerated() {
                if index > 0 { x += StatusParts.gap }
                screen.put(part.text, x: x, y: rect.y, style: part.isSearch ? searchStyle : theme.status, limit: rect.maxX)
                x += DisplayWidth.of(part.text)
            }
        }
        let leftWidth = max(0, rect.width - rightWidth)
        let left: String
        var leftStyle = theme.status
        if let message = state.message {
            left = message.text
            if message.isError { leftStyle = theme.statusError }
        } else {
            left = SectionLabels.breadcrumb(
                of: state.selection, in: report, separator: theme.glyphs.pathSeparator, fittingWidth: leftWidth - 1,
                ellipsis: ellipsis)
        }
        let clipped = TextClip.clip(left, toWidth: leftWidth - 1, ellipsis: ellipsis)
        screen.put(" " + clipped, x: rect.x, y: rect.y, style: leftStyle, limit: rect.x + leftWidth)
        return nil
    }

    /// The breadcrumb keeps a third of the line (at most 30 cells); the parts share the rest,
    /// with two blank cells before them and one after.
    static func partsRoom(forWidth width: Int) -> Int {
        max(0, width - max(min(width / 3, 30), min(width, 8)) - 3)
    }

    /// While browsing, in the order drawn: the warnings, the search, then where the reader is
    /// (page, source lines, percentage, section), then the key hints. Most needed first:
    /// the section, the search's count, the percentage, the page, the lines.
    static func browsingParts(
        state: BrowserState, report: Report, origin: ReportOrigin?, theme: BrowserTheme, lineCache: DetailLineCache,
        width: Int, drawnText: [(unit: DetailUnit, line: DetailLine)]? = nil
    ) -> [StatusPart] {
        let ascii = theme.glyphs.tree == .ascii
        let progress = drawnText.map { ReadingProgress.of(state, report: report, origin: origin, drawn: $0) }
            ?? ReadingProgress.of(state, report: report, origin: origin, glyphs: theme.glyphs, lineCache: lineCache)
        var parts: [StatusPart] = []
        if !report.warnings.isEmpty {
            let count = report.warnings.count
            parts.append(StatusPart(["!\(count) warning\(count == 1 ? "" : "s")", "!\(count)"], priority: 7))
        }
        if let search = state.search {
            parts.append(StatusPart(SearchStatus.summaryVariants(of: search, report: report, ellipsis: theme.glyphs.ellipsis), priority: 2, isSearch: true))
        }
        parts.append(StatusPart(progress.pageText, priority: 4))
        parts.append(StatusPart(progress.linesText(ascii: ascii), priority: 5))
        parts.append(StatusPart(progress.percentText, priority: 3))
        parts.append(StatusPart(progress.sectionText, priority: 1))
        // The hints the key table gives a narrower line are the ones to keep.
        var hints: [String] = []
        for narrower in [width, 69, 59, 49] where narrower <= width {
            let text = KeyBindings.hints(for: .browse, width: narrower, ascii: ascii).joined(separator: "  ")
            if !text.isEmpty, !hints.contains(text) { hints.append(text) }
        }
        parts.append(StatusPart(hints, priority: 6))
        return parts
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
