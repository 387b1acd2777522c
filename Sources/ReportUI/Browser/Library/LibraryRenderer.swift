import ReportKit

/// The library list as a frame: a header (how many reports, the order, the filter, where the
/// list came from), the rows, and the status line (message or selected path, key hints, or
/// the prompt being typed).
package enum LibraryRenderer {
    package static func render(
        _ state: LibraryState, note: String, theme: BrowserTheme
    ) -> (screen: Screen, cursor: (x: Int, y: Int)?) {
        let size = state.size
        var screen = Screen(size: size)
        if size.width < BrowserLayout.minimumSize.width || size.height < BrowserLayout.minimumSize.height {
            let text = ["\(BrowserRenderer.tooSmallMessage)", "Too small", "小"].first { DisplayWidth.of($0) <= size.width } ?? ""
            screen.put(text, x: 0, y: 0, style: theme.statusError, limit: size.width)
            return (screen, nil)
        }
        drawHeader(into: &screen, state, note: note, theme: theme)
        let list = Rect(x: 0, y: 1, width: size.width, height: state.listHeight)
        let columns = LibraryColumns(width: list.width, entries: state.entries, rows: state.rows)
        for y in list.y..<list.maxY {
            let index = state.top + y - list.y
            guard state.rows.indices.contains(index) else { break }
            drawRow(state.rows[index], into: &screen, y: y, width: list.width, columns: columns, state: state, theme: theme)
            if index == state.selected {
                screen.restyle(x: 0, y: y, width: list.width) { $0.attributes.formUnion(theme.selectedFocused) }
            }
        }
        if state.rows.isEmpty {
            let text = state.entries.isEmpty ? "No reports here" : "No report matches the filter · Esc clears it"
            screen.put(TextClip.clip(text, toWidth: list.width - 2), x: 2, y: list.y, style: theme.metadata, limit: list.maxX)
        }
        let status = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        let cursor = drawStatus(into: &screen, rect: status, state: state, theme: theme)
        if case .help(let help) = state.mode {
            HelpOverlay.draw(into: &screen, scroll: help.scroll, theme: theme, contexts: help.contexts)
        }
        if case .figures(let figures) = state.mode { figures.draw(into: &screen, theme: theme) }
        return (screen, cursor)
    }

    private static func drawHeader(into screen: inout Screen, _ state: LibraryState, note: String, theme: BrowserTheme) {
        let count = state.entries.count
        var parts = ["Library · \(count) report\(count == 1 ? "" : "s")", state.sort.label]
        if !state.filter.isEmpty { parts.append("filter: \(state.filter)") }
        if let search = state.search {
            parts.append("/\(search.query.text): \(search.totalHits) in \(search.reports.count)" + (search.isComplete ? "" : ", counting…"))
        }
        let left = parts.joined(separator: " · ")
        let width = state.size.width
        let noteWidth = width >= 60 ? DisplayWidth.of(note) + 1 : 0
        screen.put(TextClip.clip(left, toWidth: width - noteWidth, ellipsis: theme.glyphs.ellipsis), x: 0, y: 0, style: theme.title, limit: width - noteWidth)
        if noteWidth > 0 { screen.put(note, x: width - noteWidth + 1, y: 0, style: theme.metadata, limit: width) }
    }

    private static func drawRow(
        _ row: LibraryRow, into screen: inout Screen, y: Int, width: Int, columns: LibraryColumns,
        state: LibraryState, theme: BrowserTheme
    ) {
        let ellipsis = theme.glyphs.ellipsis
        let tree = theme.glyphs.tree
        switch row {
        case .folder(let folder, let reports):
            let text = "\(folder)/ (\(reports))"
            screen.put(TextClip.clip(text, toWidth: width, ellipsis: ellipsis), x: 0, y: y, style: theme.treeChapter, limit: width)
        case .report(let index):
            let entry = state.entries[index]
            let hits = state.search?.hits(of: index)
            let countText = hits.map { " \($0.count)" } ?? ""
            let countWidth = DisplayWidth.of(countText)
            let marker = hits == nil ? "  " : (state.expanded.contains(index) ? tree.expanded : tree.collapsed) + " "
            var x = screen.put(marker, x: 0, y: y, style: theme.treeGuide, limit: width)
            let end = width - countWidth
            if state.compareOld == index {
                x = screen.put(compareOldTag, x: x, y: y, style: theme.searchCount, limit: end)
            }
            if let failure = entry.failure {
                let text = "\(entry.fileName) — cannot be read: \(failure)"
                screen.put(TextClip.clip(text, toWidth: end - x, ellipsis: ellipsis), x: x, y: y, style: theme.statusError, limit: end)
            } else {
                let titleWidth = max(0, end - x - columns.dateWidth - columns.issuerWidth)
                screen.put(TextClip.clip(entry.title, toWidth: titleWidth - 1, ellipsis: ellipsis), x: x, y: y, style: theme.treeRow, limit: x + titleWidth)
                x += titleWidth
                if columns.dateWidth > 0 {
                    screen.put(TextClip.clip(entry.date, toWidth: columns.dateWidth - 1, ellipsis: ellipsis), x: x, y: y, style: theme.metadata, limit: x + columns.dateWidth)
                    x += columns.dateWidth
                }
                if columns.issuerWidth > 0 {
                    screen.put(TextClip.clip(entry.issuer, toWidth: columns.issuerWidth - 1, ellipsis: ellipsis), x: x, y: y, style: theme.metadata, limit: end)
                }
            }
            if countWidth > 0 { screen.put(countText, x: width - countWidth, y: y, style: theme.searchCount, limit: width) }
        case .section(let index, let position):
            guard let hit = state.search?.hits(of: index)?.sections[position] else { return }
            let countText = " \(hit.count)"
            let countWidth = DisplayWidth.of(countText)
            let isLast = position + 1 == (state.search?.hits(of: index)?.sections.count ?? 0)
            let prefix = "  " + (isLast ? tree.lastBranch : tree.branch)
            let x = screen.put(prefix, x: 0, y: y, style: theme.treeGuide, limit: width)
            let label = hit.address == LibrarySectionHits.frontMatter ? hit.heading : "\(hit.address) \(hit.heading)"
            screen.put(TextClip.clip(label, toWidth: width - countWidth - x, ellipsis: ellipsis), x: x, y: y, style: theme.treeRow, limit: width - countWidth)
            screen.put(countText, x: width - countWidth, y: y, style: theme.searchCount, limit: width)
        }
    }

    /// Before the title of the report marked as the old side of a compare.
    package static let compareOldTag = "[old] "

    private static func drawStatus(into screen: inout Screen, rect: Rect, state: LibraryState, theme: BrowserTheme) -> (x: Int, y: Int)? {
        screen.fill(rect, style: theme.status)
        let ascii = theme.glyphs.tree == .ascii
        if let prompt = state.prompt {
            let isFilter: Bool
            if case .filter = state.mode { isFilter = true } else { isFilter = false }
            let label = isFilter ? "Filter: " : (state.isRegex ? "/ [regex] " : "/ ")
            let hint = isFilter ? " Enter keeps  Esc clears " : " Enter searches every report  Esc cancels "
            screen.fill(rect, style: theme.prompt)
            let hintWidth = DisplayWidth.of(hint) <= rect.width / 2 ? DisplayWidth.of(hint) : 0
            if hintWidth > 0 { screen.put(hint, x: rect.maxX - hintWidth, y: rect.y, style: theme.metadata, limit: rect.maxX) }
            screen.put(label, x: 0, y: rect.y, style: theme.prompt, limit: rect.maxX)
            let labelWidth = DisplayWidth.of(label)
            let room = max(1, rect.width - hintWidth - labelWidth - 1)
            var characters = prompt.characters[...]
            var column = prompt.cursorColumn
            while column > room, let first = characters.first {
                column -= DisplayWidth.of(first)
                characters = characters.dropFirst()
            }
            screen.put(String(characters), x: labelWidth, y: rect.y, style: theme.prompt, limit: rect.maxX - hintWidth - 1)
            return (labelWidth + column, rect.y)
        }
        // A message answers the last key: it gets the room the hints would take.
        let hints = state.message == nil ? KeyBindings.hints(for: state.bindingContext, width: rect.width, ascii: ascii) : []
        let position = state.rows.isEmpty ? "" : "\(state.selected + 1)/\(state.rows.count)"
        let right = " \(position)" + (hints.isEmpty ? " " : "  " + hints.joined(separator: "  ") + " ")
        let rightWidth = DisplayWidth.of(right) < rect.width - 10 ? DisplayWidth.of(right) : 0
        var left: String
        var style = theme.status
        if let message = state.message {
            left = message.text
            if message.isError { style = theme.statusError }
        } else {
            left = state.selectedRow?.entry.map { state.entries[$0].path } ?? ""
            if let old = state.compareOld { left = "old: \(state.entries[old].fileName) · c compares · " + left }
        }
        left = TextClip.clip(left, toWidth: max(0, rect.width - rightWidth - 2), ellipsis: theme.glyphs.ellipsis)
        screen.put(" " + left, x: 0, y: rect.y, style: style, limit: rect.maxX - rightWidth)
        if rightWidth > 0 { screen.put(right, x: rect.maxX - rightWidth, y: rect.y, style: theme.status, limit: rect.maxX) }
        return nil
    }
}

/// The widths of the date and issuer columns: as wide as the longest shown (within limits),
/// none when the terminal is narrow, so the title keeps most of the row.
struct LibraryColumns {
    let dateWidth: Int
    let issuerWidth: Int

    init(width: Int, entries: [LibraryEntry], rows: [LibraryRow]) {
        var longestDate = 0
        var longestIssuer = 0
        for row in rows {
            guard case .report(let index) = row else { continue }
            longestDate = max(longestDate, DisplayWidth.of(entries[index].date))
            longestIssuer = max(longestIssuer, DisplayWidth.of(entries[index].issuer))
        }
        dateWidth = width >= 60 && longestDate > 0 ? min(longestDate, 17) + 2 : 0
        issuerWidth = width >= 90 && longestIssuer > 0 ? min(longestIssuer, 24) + 2 : 0
    }
}
