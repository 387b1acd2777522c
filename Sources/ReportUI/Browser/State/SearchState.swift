import ReportKit

/// The search the browser is showing: the query, its hits, which hit is current, and whether
/// the tree is pruned to the sections with hits. A plain value; the index behind the hits lives
/// in `SearchCache`.
package struct SearchState: Sendable {
    package internal(set) var query: SearchQuery
    /// nil when there is nothing to look for (an empty query) or the pattern is invalid.
    package internal(set) var results: SearchResults?
    package internal(set) var error: SearchError?
    /// The query was typed before the search index landed: no results yet, they come when it does.
    package internal(set) var awaitsIndex = false
    /// The query runs on the search worker: no results yet, they come when it finishes.
    package internal(set) var isSearching = false
    /// Enter was pressed while the query ran: what to do when its results come.
    var landing: SearchLanding?
    /// Hits `n` (+1) and `N` (−1) asked for while the query ran, taken when its results come.
    var pendingSteps = 0
    /// `R` was pressed while the query ran: the list opens when its results come.
    var listsWhenAnswered = false
    /// Where the reader was when they last pressed one of those keys: if they have moved on
    /// by the time the results come, the keys are dropped rather than carried out late.
    var queuedAt: BrowserPlace?
    /// Index into `results.hits` of the hit last shown.
    package internal(set) var current: Int?
    /// Where the reader was when the current hit was shown: `n` steps from the current hit only
    /// while the reader is still there, and from the reading position once they have moved on.
    var shownAt: BrowserPlace?
    /// The tree is pruned to the sections with hits.
    package internal(set) var isFiltered = false
    /// The pruning for the current results, when filtered and there are results.
    package internal(set) var filter: OutlineFilter?
    /// What was open before filtering expanded everything, restored when the filter goes.
    var expansionBeforeFilter: Expansion?

    package init(query: SearchQuery) {
        self.query = query
    }

    package var hitCount: Int { results?.totalCount ?? 0 }

    /// `2/3`, `3 hits`, `no hits`: where the reader stands among the hits.
    package var positionText: String {
        if isSearching { return "searching…" }
        guard let results else { return error == nil ? "" : "invalid" }
        if results.isEmpty { return "no hits" }
        if let current { return "\(current + 1)/\(results.totalCount)" }
        return results.totalCount == 1 ? "1 hit" : "\(results.totalCount) hits"
    }
}

/// Where the reader was when the search prompt opened, to return there exactly on `Esc` and to
/// search forward from while typing.
package struct SearchOrigin: Sendable {
    var place: BrowserPlace
    var expansion: Expansion
    var treeTop: OutlineRow
    var focus: Pane
    /// The search shown before this prompt, back again on `Esc`.
    var search: SearchState?
    /// The UTF-8 offset of the reading position: typing selects the first hit from here on.
    var offset: Int
}

/// A search submitted before its results came: where it was typed from, and where the reader
/// stood on Enter, so that the results, once in, jump to the first hit only if the reader has
/// not moved on meanwhile.
struct SearchLanding: Sendable {
    var originPlace: BrowserPlace
    var originOffset: Int
    var placeOnSubmit: BrowserPlace
}

/// The results view: which hit is selected and the first list row drawn.
package struct ResultsListState: Hashable, Sendable {
    package internal(set) var selected = 0
    package internal(set) var top = 0
}
