import ReportKit

/// Going from hit to hit (`n`, `N`, the results list), pruning the tree to the hits, and
/// putting a hit on screen.
extension BrowserState {
    /// `n` steps from the current hit while the reader is still where it was shown; after
    /// they have moved on, from the reading position, as `n` in `less` searches from the top
    /// line.
    mutating func stepHit(forward: Bool, context: BrowserContext) {
        guard let shown = search else {
            message = Message(text: "No search yet · / searches", isError: false)
            return
        }
        guard let results = shown.results, !results.isEmpty else {
            if let error = shown.error {
                message = Message(text: Self.sentence(error.description), isError: true)
            } else {
                message = Message(text: "No hits for \(shown.query.text)", isError: false)
            }
            return
        }
        let count = results.totalCount
        var target: Int
        if let current = shown.current, shown.shownAt == place {
            target = current + (forward ? 1 : -1)
        } else {
            let offset = textOffset(of: reading, in: context.report)
            if forward {
                target = results.firstHit(atOrAfter: offset) ?? count
                if target == shown.current { target += 1 }
            } else {
                target = results.lastHit(before: offset) ?? -1
            }
        }
        var notice: String?
        if target >= count {
            target = 0
            notice = "Search wrapped to the top"
        } else if target < 0 {
            target = count - 1
            notice = "Search wrapped to the bottom"
        }
        showHit(target, context: context, asJump: true)
        if let notice { message = Message(text: notice, isError: false) }
    }

    /// Selects the hit's section, opening the tree down to it, and scrolls its text so that the
    /// hit is on screen. A jump is recorded in the history.
    mutating func showHit(_ index: Int, context: BrowserContext, asJump: Bool) {
        guard var shown = search, let results = shown.results, results.hits.indices.contains(index) else { return }
        let hit = results.hits[index]
        let row = hit.section.map(OutlineRow.section) ?? .title
        let before = place
        reveal(row, context: context)
        select(row)
        reading = readingPosition(showing: hit, in: row, context: context)
        if asJump, place != before { history.record(leaving: before) }
        shown.current = index
        shown.shownAt = place
        search = shown
    }

    /// The reading position unchanged when the hit is already on screen below the top few
    /// lines, else the top of the section when that shows it, else a few lines above the hit,
    /// as less's `-j` places a match: the lines before it give the context.
    private func readingPosition(showing hit: SearchHit, in row: OutlineRow, context: BrowserContext) -> DetailPosition {
        readingPosition(showingText: hit.range.lowerBound, of: hit.section, in: row, context: context)
    }

    /// The same for any offset of the text, in `section` (nil: the front matter).
    func readingPosition(showingText offset: Int, of section: Int?, in row: OutlineRow, context: BrowserContext) -> DetailPosition {
        // The text pane as it is when it shows, even when a one-pane layout hides it now.
        let layout = BrowserLayout(size: size, treeShare: treeShare, focus: .detail, headerLines: headerLines)
        let height = readerTextRect(layout).height
        guard height > 0, layout.detailText.width > 0 else { return reading }
        let document = readerDocument(for: row, layout: layout, context: context)
        let target = document.cursor(forText: offset, in: section)
        let margin = min(3, (height - 1) / 3)
        let start = DetailPosition.start(of: row)
        let startTop = document.top(for: start, height: height)
        let top = document.top(for: reading, height: height)
        // At the top of the section nothing is hidden above, so no lines need keeping.
        let firstGoodRow = top == startTop ? top : document.advance(top, by: margin)
        if firstGoodRow <= target, target <= document.advance(top, by: height - 1) { return reading }
        if target <= document.advance(startTop, by: height - 1) { return start }
        return document.position(of: document.advance(target, by: -margin))
    }

    // MARK: Filter

    mutating func toggleFilter(context: BrowserContext) {
        guard let shown = search, let results = shown.results, !results.isEmpty else {
            message = Message(text: search == nil ? "No search to filter by · / searches" : "No hits to filter by", isError: false)
            return
        }
        setFilter(!shown.isFiltered, context: context)
    }

    /// Pruning opens every kept section, since a pruned tree is short and its point is to show
    /// where the hits are; what was open before comes back when the filter goes.
    mutating func setFilter(_ on: Bool, context: BrowserContext) {
        guard var shown = search, shown.isFiltered != on else { return }
        shown.isFiltered = on
        if on {
            shown.expansionBeforeFilter = expansion
            shown.filter = shown.results.map(context.searchCache.filter(for:))
            expansion.openThrough(depth: .max)
        } else {
            shown.filter = nil
            if let saved = shown.expansionBeforeFilter { expansion = saved }
            shown.expansionBeforeFilter = nil
        }
        search = shown
        reveal(selection, context: context)
    }

    mutating func clearSearch(context: BrowserContext) {
        reader.highlight = nil
        guard search != nil else { return }
        setFilter(false, context: context)
        search = nil
    }

    // MARK: Results list

    mutating func openResultsList(context: BrowserContext) {
        guard let shown = search, let results = shown.results, !results.isEmpty else {
            message = Message(text: search == nil ? "No search yet · / searches" : "No hits to list", isError: false)
            return
        }
        let selected = shown.current ?? results.firstHit(atOrAfter: textOffset(of: reading, in: context.report)) ?? 0
        mode = .overlay(SearchResultsOverlay(selecting: selected, of: results, in: size))
    }
}
