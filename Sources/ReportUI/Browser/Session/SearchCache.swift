import FoundationEssentials
import ReportKit

/// The search index and the results of recent queries, kept for the session by the run loop.
/// Like `DetailLineCache` it is a memo outside `BrowserState`: retyping a query while editing
/// it (Backspace, then the same character) finds the results already there, and a query typed
/// by adding characters to the last one narrows its hits down instead of scanning the whole
/// text again.
///
/// The index of a long report is built on another thread as soon as the browser has drawn its
/// first frame (`startIndexing`), since folding 100 MB takes a quarter of a second; a search
/// typed before it lands waits for it (`SearchAnswer.indexing`) without blocking the run loop.
/// A short report's index is built on the first search, as it costs less than a frame.
///
/// A long report's searches run on a worker thread (`BackgroundSearch`): the cache waits a few
/// milliseconds for the answer, so a cheap query (a refinement, a literal word) still shows in
/// the frame of its key, and otherwise answers `.searching`; the finished answer is taken in by
/// `adoptFinishedSearch`, when the run loop sees `hasFinishedSearchWaiting`. Each query asked
/// supersedes the one before: only the newest's answer is ever handed on.
package final class SearchCache {
    /// Reports at least this long (UTF-8 bytes) have their index built in the background.
    package static let backgroundIndexingThreshold = 4 << 20

    private let report: Report
    private var index: SearchIndex?
    private var build: BackgroundIndexBuild?
    private let backgroundThreshold: Int
    private let buildIndex: @Sendable (Report) -> SearchIndex
    private var results: [SearchQuery: Result<SearchResults, SearchError>] = [:]
    private var filters: [SearchQuery: OutlineFilter] = [:]
    /// Oldest first, for eviction.
    private var order: [SearchQuery] = []
    private let capacity: Int
    /// The results handed out last, which the next query may refine.
    private var latest: SearchResults?
    /// Reports at least this long search on the worker.
    private let backgroundSearchThreshold: Int
    /// How long a query asked on the run loop's thread waits for the worker before the frame
    /// goes out with "searching…".
    private let foregroundWait: TimeInterval
    private let runSearch: BackgroundSearch.Run
    private var worker: BackgroundSearch?
    /// Counts the queries asked; the worker's answer is handed on only when it is the latest's.
    private var generation = 0
    /// The query the worker is running for `generation`, if any.
    package private(set) var pendingQuery: SearchQuery?

    /// Reports at least this long (UTF-8 bytes) search on a worker thread.
    package static let backgroundSearchThreshold = 4 << 20
    /// Half a frame at 60 Hz: time left for drawing the frame.
    package static let foregroundWait: TimeInterval = 0.008

    /// - Parameters:
    ///   - backgroundThreshold: the text length from which `startIndexing` builds in the background.
    ///   - buildIndex: builds the index; tests slow it down.
    ///   - backgroundSearchThreshold: the text length from which queries run on the worker.
    ///   - foregroundWait: how long a query waits for the worker before answering `.searching`.
    ///   - runSearch: what the worker runs; tests hold it back.
    package init(
        report: Report, capacity: Int = 32, backgroundThreshold: Int = SearchCache.backgroundIndexingThreshold,
        buildIndex: @escaping @Sendable (Report) -> SearchIndex = { SearchIndex(report: $0) },
        backgroundSearchThreshold: Int = SearchCache.backgroundSearchThreshold,
        foregroundWait: TimeInterval = SearchCache.foregroundWait,
        runSearch: @escaping BackgroundSearch.Run = BackgroundSearch.indexSearch
    ) {
        self.report = report
        self.capacity = max(1, capacity)
        self.backgroundThreshold = backgroundThreshold
        self.buildIndex = buildIndex
        self.backgroundSearchThreshold = backgroundSearchThreshold
        self.foregroundWait = foregroundWait
        self.runSearch = runSearch
    }

    deinit {
        worker?.close()
    }

    package var isIndexBuilt: Bool { index != nil }
    /// A background build has been started and its index not yet taken over.
    package var isIndexing: Bool { build != nil }
    /// Queries answered by the index rather than from the memo.
    package private(set) var searchesRun = 0

    /// Starts building the index on another thread when the report is long enough to be worth
    /// it and no index exists or is on its way.
    package func startIndexing() {
        guard index == nil, build == nil, report.text.utf8.count >= backgroundThreshold else { return }
        build = BackgroundIndexBuild(report: report, build: buildIndex)
    }

    /// True when a background build has finished and `adoptBuiltIndex` would take it over.
    /// Cheap and non-blocking, for the run loop to ask while it waits for input.
    package var hasBuiltIndexWaiting: Bool { build?.finished != nil }

    /// Takes over the index a background build has finished; false when there is none.
    package func adoptBuiltIndex() -> Bool {
        guard let build, let finished = build.finished else { return false }
        index = finished
        self.build = nil
        return true
    }

    /// Waits for a background build, if one is running, and takes over its index.
    package func waitForIndex() {
        guard let build else { return }
        index = build.wait()
        self.build = nil
    }

    /// The results of a query, `.indexing` while the index is still being built in the
    /// background, or `.searching` while the worker runs it; nil for an empty query. Asking
    /// supersedes the query asked before.
    package func answer(for query: SearchQuery) -> SearchAnswer? {
        generation += 1
        if pendingQuery != nil {
            worker?.cancelAll()
            pendingQuery = nil
        }
        guard !query.isEmpty else { return nil }
        if let known = results[query] {
            if case .success(let found) = known { latest = found }
            return .done(known)
        }
        if build != nil, !adoptBuiltIndex() { return .indexing }
        let searchIndex = index ?? buildIndex(report)
        index = searchIndex
        searchesRun += 1
        guard report.text.utf8.count >= backgroundSearchThreshold else {
            let outcome = Result { () throws(SearchError) -> SearchResults in
                try searchIndex.search(query, refining: latest)
            }
            keep(outcome, of: query)
            return .done(outcome)
        }
        let worker = self.worker ?? BackgroundSearch(run: runSearch)
        self.worker = worker
        worker.submit(BackgroundSearch.Job(generation: generation, query: query, index: searchIndex, previous: latest))
        pendingQuery = query
        if worker.wait(for: generation, until: Date(timeIntervalSinceNow: foregroundWait)),
            let delivery = adoptFinishedSearch()
        {
            return delivery.answer
        }
        return .searching
    }

    /// True when the worker has finished a search that `adoptFinishedSearch` would take in.
    /// Cheap and non-blocking, for the run loop to ask while it waits for input.
    package var hasFinishedSearchWaiting: Bool { worker?.hasFinished ?? false }

    /// Takes in what the worker has finished. Every finished answer is kept for its query; the
    /// answer to the latest query asked, once it has come, is returned to be shown.
    package func adoptFinishedSearch() -> SearchDelivery? {
        var delivery: SearchDelivery?
        for finished in worker?.takeFinished() ?? [] {
            if results[finished.query] == nil { keep(finished.outcome, of: finished.query) }
            if finished.generation == generation, finished.query == pendingQuery {
                pendingQuery = nil
                if case .success(let found) = finished.outcome { latest = found }
                delivery = SearchDelivery(query: finished.query, answer: .done(finished.outcome))
            }
        }
        return delivery
    }

    /// Waits for the worker's answer to the latest query; nil when nothing is pending.
    package func waitForSearch() -> SearchDelivery? {
        guard pendingQuery != nil, let worker else { return nil }
        _ = worker.wait(for: generation, until: nil)
        return adoptFinishedSearch()
    }

    /// Gives up the query the worker is running: nobody waits for it any more.
    package func cancelPendingSearch() {
        guard pendingQuery != nil else { return }
        generation += 1
        worker?.cancelAll()
        pendingQuery = nil
    }

    private func keep(_ outcome: Result<SearchResults, SearchError>, of query: SearchQuery) {
        if case .success(let found) = outcome { latest = found }
        remember(query)
        results[query] = outcome
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

/// What the cache has for a query.
package enum SearchAnswer: Sendable {
    case done(Result<SearchResults, SearchError>)
    /// The index is still being built; ask again when it has landed.
    case indexing
    /// The worker is running the query; its answer comes through `adoptFinishedSearch`.
    case searching
}
