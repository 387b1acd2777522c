import ReportKit

/// The results view: every hit under its section's path, each with its line number and a
/// snippet, in the same framed box as the help. Only the rows on screen are ever worked out.
package struct SearchResultsOverlay: BrowserOverlay {
    package private(set) var list: ResultsListState

    package init(selecting selected: Int, of results: SearchResults, in size: Size) {
        list = ResultsListState(selected: selected, top: 0)
        list.top = Self.top(for: list, results: results, in: size)
    }

    package var keyContext: BindingContext { .results }

    package mutating func handle(_ action: Action, in view: ReportView) -> OverlayResult {
        guard let results = view.search?.results, !results.isEmpty else { return .closes }
        let page = max(1, Self.bodyHeight(in: view.size) - 1)
        switch action {
        case .closeResults: return .closes
        case .openResult: return .closes(then: .showHit(list.selected))
        default:
            guard let moved = ListCursor.moved(list.selected, by: action, count: results.totalCount, page: page)
            else { return .stays }
            list.selected = moved
            list.top = Self.top(for: list, results: results, in: view.size)
            return .stays
        }
    }

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

    package func draw(into screen: inout Screen, view: ReportView, theme: BrowserTheme) {
        guard let search = view.search, let results = search.results, !results.isEmpty else { return }
        let report = view.report
        let box = HelpOverlay.frame(in: screen.size)
        guard box.width >= 8, box.height >= 3 else { return }
        let glyphs = theme.glyphs
        let position = "\(list.selected + 1)/\(results.totalCount)"
        let inner = OverlayBox.draw(
            into: &screen, box: box, title: " /\(search.query.text) · \(position) ", titleEllipsis: glyphs.ellipsis,
            footer: " Enter jumps  Esc closes ", theme: theme)
        let rows = SearchResultRows(results)
        let top = Self.top(for: list, results: results, in: screen.size)
        let numberWidth = String(report.lines.count).count
        for (offset, index) in (top..<min(rows.count, top + inner.height)).enumerated() {
            let y = inner.y + offset
            switch rows.row(at: index) {
            case .section(let match):
                let path = Self.sectionPath(of: match, report: report, separator: glyphs.pathSeparator)
                let count = " (\(match.count))"
                let clipped = TextClip.clip(path, toWidth: inner.width - DisplayWidth.of(count), ellipsis: glyphs.ellipsis)
                let end = screen.put(clipped, x: inner.x, y: y, style: theme.helpGroup, limit: inner.maxX)
                screen.put(count, x: end, y: y, style: theme.metadata, limit: inner.maxX)
            case .hit(let hitIndex):
                let selected = hitIndex == list.selected
                Self.drawHit(
                    results.hits[hitIndex], into: &screen, x: inner.x, y: y, width: inner.width,
                    numberWidth: numberWidth, selected: selected, report: report, theme: theme)
            }
        }
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
