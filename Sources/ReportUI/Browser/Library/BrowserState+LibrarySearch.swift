import ReportKit

/// What the library asks of an opened report's own state: to show a search run across the
/// library (highlights, counts in its tree, `n`/`N` within it), and whether `n`/`N` would wrap
/// around this report, where the library moves on to the next report instead.
extension BrowserState {
    /// Shows `query`'s hits in this report and jumps to the first hit in the section at
    /// `address` (`front`: the front matter; nil: the first hit of the report), or to the last
    /// hit when `fromEnd`. False when the query finds nothing here (the report changed since
    /// the index saw it, say).
    @discardableResult
    package mutating func showLibrarySearch(
        _ query: SearchQuery, address: String?, fromEnd: Bool, context: BrowserContext
    ) -> Bool {
        // The library's search is a submitted one: wait for a long report's index here.
        var answer = context.searchCache.answer(for: query)
        if case .indexing? = answer {
            context.searchCache.waitForIndex()
            answer = context.searchCache.answer(for: query)
        }
        if case .searching? = answer, let delivery = context.searchCache.waitForSearch() {
            answer = delivery.answer
        }
        guard case .done(.success(let results))? = answer, !results.isEmpty else { return false }
        var shown = SearchState(query: query)
        shown.results = results
        if search?.query == query {
            shown.isFiltered = search?.isFiltered ?? false
            shown.filter = search?.filter
            shown.expansionBeforeFilter = search?.expansionBeforeFilter
        }
        search = shown
        searching.history.record(query.text)
        var target = fromEnd ? results.totalCount - 1 : 0
        if let address, !fromEnd {
            let section: Int?? = address == LibrarySectionHits.frontMatter
                ? .some(nil) : context.report.sections.firstIndex { $0.address == address }.map { .some($0) }
            if let section, let match = results.sections.first(where: { $0.section == section }) {
                target = match.firstHit
            }
        }
        showHit(target, context: context, asJump: true)
        keepSelectionVisible(context: context)
        return true
    }

    /// Whether `n` (forward) or `N` would go round the end of this report's hits for `query`:
    /// the same choice `stepHit` makes, without making it.
    package func hitStepWouldWrap(forward: Bool, query: SearchQuery, context: BrowserContext) -> Bool {
        guard let shown = search, shown.query == query, let results = shown.results, !results.isEmpty else { return false }
        let count = results.totalCount
        if let current = shown.current, shown.shownAt == place {
            return forward ? current + 1 >= count : current - 1 < 0
        }
        let offset = textOffset(of: reading, in: context.report)
        if forward {
            guard let target = results.firstHit(atOrAfter: offset) else { return true }
            return target == shown.current && target + 1 >= count
        }
        return results.lastHit(before: offset) == nil
    }
}
