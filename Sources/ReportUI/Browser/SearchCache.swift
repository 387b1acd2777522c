import ReportKit

/// The search index and the results of recent queries, kept for the session by the run loop.
/// Like `DetailLineCache` it is a memo outside `BrowserState`: the index is built on the first
/// search, not at startup, because folding a 100 MB report takes a while and most sessions
/// never search; and retyping a query while editing it (Backspace, then the same character)
/// finds the results already there.
package final class SearchCache {
    private let report: Report
    private var index: SearchIndex?
    private var results: [SearchQuery: Result<SearchResults, SearchError>] = [:]
    private var filters: [SearchQuery: OutlineFilter] = [:]
    /// Oldest first, for eviction.
    private var order: [SearchQuery] = []
    private let capacity: Int

    package init(report: Report, capacity: Int = 32) {
        self.report = report
        self.capacity = max(1, capacity)
    }

    package var isIndexBuilt: Bool { index != nil }
    /// Queries answered by the index rather than from the memo.
    package private(set) var searchesRun = 0

    /// The results of a query; nil for an empty one, which has no hits and needs no index.
    package func results(for query: SearchQuery) -> Result<SearchResults, SearchError>? {
        guard !query.isEmpty else { return nil }
        if let known = results[query] { return known }
        let searchIndex = index ?? SearchIndex(report: report)
        index = searchIndex
        searchesRun += 1
        let outcome = Result { () throws(SearchError) -> SearchResults in try searchIndex.search(query) }
        remember(query)
        results[query] = outcome
        return outcome
    }

    /// The pruned tree for a query's results.
    package func filter(for results: SearchResults) -> OutlineFilter {
        if let known = filters[results.query] { return known }
        let filter = OutlineFilter(results: results)
        if self.results[results.query] != nil { filters[results.query] = filter }
        return filter
    }

    private func remember(_ query: SearchQuery) {
        if order.count >= capacity {
            let oldest = order.removeFirst()
            results[oldest] = nil
            filters[oldest] = nil
        }
        order.append(query)
    }
}
