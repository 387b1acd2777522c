import ReportKit

/// What `apply` asks the session to do instead of doing it: anything that waits, runs long or
/// leaves the process. The session performs each one and feeds what comes of it back as an
/// action (`searchAnswered`, `searchIndexLanded`, `storeNotices`), so `apply` itself stays a
/// quick, pure step.
package enum Effect: Hashable, Sendable {
    /// Keep the reading state now (a mark was set or deleted), so a crash loses nothing.
    case saveReading
    /// Look the query up; the answer comes back as `searchAnswered`.
    case runSearch(SearchQuery)
    /// Wait for the background index build; `searchIndexLanded` follows.
    case waitForSearchIndex
    /// Give up the query the search worker runs: the prompt that asked for it was cancelled.
    case cancelPendingSearch
    /// Find the report's figures (about 0.2 s a megabyte), once, when the figures list first
    /// opens; `figuresExtracted` follows.
    case extractFigures
    /// Getting text out, carried out by the session's `TextOutlet`; `outletAnswered` follows.
    case copy(OutgoingText)
    case pipe(OutgoingText, command: String)
    case edit(line: Int)
    case save(OutgoingText, path: String)
    case captureMouse(Bool)
}

/// A search's answer on its way back into `apply`. Equal when the queries are: an action is a
/// value, and the results are the query's whatever the instance.
package struct SearchDelivery: Hashable, Sendable {
    package let query: SearchQuery
    package let answer: SearchAnswer?

    package static func == (lhs: SearchDelivery, rhs: SearchDelivery) -> Bool { lhs.query == rhs.query }
    package func hash(into hasher: inout Hasher) { hasher.combine(query) }
}
