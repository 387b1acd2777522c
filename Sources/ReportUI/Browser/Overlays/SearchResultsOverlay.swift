import ReportKit

/// The results view: every hit under its section's path, each with its line number and a
/// snippet, in the same framed box as the help. Only the rows on screen are ever worked out.
package enum SearchResultsOverlay {
    /// Characters of context on each side of a hit; the snippet is clipped to the box anyway.
    static let snippetContext = 30

    package static func bodyHeight(in size: Size) -> Int { HelpOverlay.bodyHeight(in: size) }

    /// The first row to draw so that the selected hit shows, with its section's row above it
    /// when it is the section's first hit.
    package static func top(for list: ResultsListState, results: SearchResults, in size: Size) -> Int {
        let rows = SearchResultRows(results)
        let height = max(1, bodyHeight(in: size))
        let selected = rows.rowIndex(ofHit: min(max(0, list.selected), max(0, results.totalCount - 1)))
        var top = min(max(0, list.top), max(0, rows.count - height))
        if selected - 1 < top { top = max(0, selected - 1) }
        if selected >= top + height { top = selected - height + 1 }
        return top
    }

    package static func draw(into screen: inout Screen, report: Report, state: BrowserState, theme: BrowserTheme) {
        guard let search = state.search, let results = search.results, !results.isEmpty else { return }
        let box = HelpOverlay.frame(in: screen.size)
        guard box.width >= 8, box.height >= 3 else { return }
        let glyphs = theme.glyphs
        screen.fill(box, style: .plain)
        HelpOverlay.drawBorder(into: &screen, box: box, glyphs: glyphs, style: theme.helpFrame)
        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
        let rows = SearchResultRows(results)
        let top = top(for: state.resultsList, results: results, in: screen.size)
        let numberWidth = String(report.lines.count).count
        for (offset, index) in (top..<min(rows.count, top + inner.height)).enumerated() {
            let y = inner.y + offset
            switch rows.row(at: index) {
            case .section(let match):
                let path = sectionPath(of: match, report: report, separator: glyphs.pathSeparator)
                let count = " (\(match.count))"
                let clipped = TextClip.clip(path, toWidth: inner.width - DisplayWidth.of(count), ellipsis: glyphs.ellipsis)
                let end = screen.put(clipped, x: inner.x, y: y, style: theme.helpGroup, limit: inner.maxX)
                screen.put(count, x: end, y: y, style: theme.metadata, limit: inner.maxX)
            case .hit(let hitIndex):
                let selected = hitIndex == state.resultsList.selected
                drawHit(
                    results.hits[hitIndex], into: &screen, x: inner.x, y: y, width: inner.width,
                    numberWidth: numberWidth, selected: selected, report: report, theme: theme)
            }
        }
        let position = "\(state.resultsList.selected + 1)/\(results.totalCount)"
        let title = TextClip.clip(" /\(search.query.text) · \(position) ", toWidth: box.width - 4, ellipsis: glyphs.ellipsis)
        screen.put(title, x: box.x + 2, y: box.y, style: theme.helpGroup, limit: box.maxX - 2)
        let footer = TextClip.clip(" Enter jumps  Esc closes ", toWidth: box.width - 4, ellipsis: "")
        screen.put(footer, x: box.maxX - 2 - DisplayWidth.of(footer), y: box.maxY - 1, style: theme.helpFrame, limit: box.maxX - 2)
    }

    /// `1.2 一、主要举措和突出成效 › (二)创新改革举措`, or the title for the front matter.
    static func sectionPath(of match: SectionMatch, report: Report, separator: String) -> String {
        guard let section = match.section else { return SectionLabels.title(of: report) }
        let path = SectionLabels.breadcrumb(of: .section(section), in: report, separator: separator)
        return report.sections[section].address + " " + path
    }

    private static func drawHit(
        _ hit: SearchHit, into screen: inout Screen, x: Int, y: Int, width: Int, numberWidth: Int, selected: Bool,
        report: Report, theme: BrowserTheme
    ) {
        let number = String(hit.line)
        let lead = "  " + String(repeating: " ", count: max(0, numberWidth - number.count)) + number + "  "
        let leadEnd = screen.put(lead, x: x, y: y, style: theme.helpKey, limit: x + width)
        let room = x + width - leadEnd
        if room > 0 {
            let snippet = report.snippet(for: hit, context: snippetContext)
            let fitted = SnippetFit.fit(snippet, width: room, ellipsis: theme.glyphs.ellipsis)
            screen.put(fitted.text, x: leadEnd, y: y, style: .plain, limit: x + width)
            if selected {
                screen.restyle(x: x, y: y, width: width) { $0.attributes.formUnion(theme.selectedFocused) }
            }
            if !fitted.hit.isEmpty {
                let style = selected ? theme.searchCurrent : theme.searchHit
                screen.restyle(x: leadEnd + fitted.hit.lowerBound, y: y, width: fitted.hit.count) { $0 = style }
            }
        } else if selected {
            screen.restyle(x: x, y: y, width: width) { $0.attributes.formUnion(theme.selectedFocused) }
        }
    }
}

/// A snippet on one row of a given width, cut so that the hit shows: context before it gives
/// way first, then what follows.
enum SnippetFit {
    static func fit(_ snippet: SearchSnippet, width: Int, ellipsis: String) -> (text: String, hit: Range<Int>) {
        guard width > 0 else { return ("", 0..<0) }
        let text = snippet.text
        var before = VisibleText.sanitize(text[..<snippet.highlight.lowerBound])
        let hit = VisibleText.sanitize(text[snippet.highlight])
        let after = VisibleText.sanitize(text[snippet.highlight.upperBound...])
        var lead = snippet.isTruncatedAtStart ? ellipsis : ""
        let hitWidth = DisplayWidth.of(hit)
        // Keep a little of what follows the hit in sight, when there is room for it.
        let afterRoom = min(DisplayWidth.of(after), max(0, (width - hitWidth) / 3))
        let beforeRoom = max(0, width - hitWidth - afterRoom)
        if DisplayWidth.of(lead) + DisplayWidth.of(before) > beforeRoom {
            // Keep the end of the context, the part next to the hit, measured once from the end.
            lead = DisplayWidth.of(ellipsis) <= beforeRoom ? ellipsis : ""
            let room = beforeRoom - DisplayWidth.of(lead)
            var used = 0
            var start = before.endIndex
            while start > before.startIndex {
                let previous = before.index(before: start)
                let width = DisplayWidth.of(before[previous])
                guard used + width <= room else { break }
                used += width
                start = previous
            }
            before = String(before[start...])
            if before.isEmpty { lead = "" }
        }
        let start = DisplayWidth.of(lead + before)
        var line = lead + before + hit + after
        if snippet.isTruncatedAtEnd { line += ellipsis }
        let clipped = TextClip.clip(line, toWidth: width, ellipsis: ellipsis)
        let end = min(start + hitWidth, DisplayWidth.of(clipped))
        return (clipped, start..<max(start, end))
    }
}
