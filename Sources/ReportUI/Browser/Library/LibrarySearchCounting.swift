import FoundationEssentials
import ReportKit

/// A library search shown with its first screen while the rest of the library is counted on
/// a worker thread, its complete outcome taken up through the session's background-work seam
/// (`hasBackgroundWorkDone` / `absorbBackgroundWork`), as the report's background search is.
package final class LibrarySearchStart: Sendable {
    /// What is known at once: the first reports with hits, counted.
    package let outcome: LibrarySearchOutcome
    /// Counts the rest and gives the whole outcome; nil when `outcome` is already complete.
    /// Called on a worker thread; gives nil when `shouldStop` said so first.
    package let rest: (@Sendable (_ shouldStop: @Sendable () -> Bool) -> LibrarySearchOutcome?)?

    package init(
        outcome: LibrarySearchOutcome,
        rest: (@Sendable (_ shouldStop: @Sendable () -> Bool) -> LibrarySearchOutcome?)? = nil
    ) {
        self.outcome = outcome
        self.rest = rest
    }
}

/// The worker counting one search's rest; `stop` (a new search) asks it to give up.
final class LibrarySearchCounting: @unchecked Sendable {
    let query: SearchQuery
    private let condition = ThreadCondition()
    private var result: LibrarySearchOutcome?
    private var finished = false
    private var stopped = false

    init(query: SearchQuery, rest: @escaping @Sendable (_ shouldStop: @Sendable () -> Bool) -> LibrarySearchOutcome?) {
        self.query = query
        let thread = WorkerThread { [self] in
            let outcome = rest { [self] in condition.withLock { stopped } }
            condition.withLock {
                result = outcome
                finished = true
                condition.broadcast()
            }
        }
        thread.name = "library search count"
        thread.start()
    }

    func stop() { condition.withLock { stopped = true } }

    var isDone: Bool { condition.withLock { finished } }

    /// The complete outcome, waiting for it if need be; nil if the count was stopped.
    func wait() -> LibrarySearchOutcome? {
        condition.lock()
        defer { condition.unlock() }
        while !finished { condition.wait() }
        return result
    }
}
