import FoundationEssentials
import ReportKit

#if canImport(Glibc)
import Glibc
#endif

/// The one thread that runs a long report's searches, so that typing never waits for a scan
/// (a pinyin letter on 100 MB is a few hundred milliseconds). Each query carries the
/// generation it was asked in; asking again cancels the query running and any still waiting,
/// so only the newest is worked on, and the cache hands on only the newest's answer.
///
/// The run loop owns everything else; what crosses over is the job (an immutable index, the
/// query, the results to refine) and the finished outcome, both `Sendable`, under the lock.
package final class BackgroundSearch: @unchecked Sendable {
    package typealias Run = @Sendable (SearchIndex, SearchQuery, SearchResults?, SearchCancellation) -> Result<SearchResults, SearchError>?

    struct Job: Sendable {
        let generation: Int
        let query: SearchQuery
        let index: SearchIndex
        let previous: SearchResults?
        let cancellation = SearchCancellation()
    }

    struct Finished: Sendable {
        let generation: Int
        let query: SearchQuery
        let outcome: Result<SearchResults, SearchError>
    }

    // Everything below is only touched with `condition` locked.
    private let condition = ThreadCondition()
    private var waiting: Job?
    private var running: Job?
    private var finished: [Finished] = []
    private var closed = false

    /// `run` is the index's cancellable search except in tests, which hold it back.
    init(run: @escaping Run) {
        let thread = WorkerThread { [self] in
            Self.yieldToTheRunLoop()
            work(run)
        }
        thread.name = "search"
        thread.start()
    }

    /// Replaces whatever was asked before with `job`.
    func submit(_ job: Job) {
        condition.lock()
        running?.cancellation.cancel()
        waiting?.cancellation.cancel()
        waiting = job
        condition.broadcast()
        condition.unlock()
    }

    /// Gives up what is running or waiting: nothing asked is wanted any more.
    func cancelAll() {
        condition.lock()
        running?.cancellation.cancel()
        waiting?.cancellation.cancel()
        waiting = nil
        condition.unlock()
    }

    /// Lets the thread end once it has nothing to do; the owner is gone.
    func close() {
        cancelAll()
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    var hasFinished: Bool {
        condition.lock()
        defer { condition.unlock() }
        return !finished.isEmpty
    }

    /// Waits until the search of `generation` has finished or been given up, or `deadline`
    /// passes (nil: no limit). True when it finished and is waiting to be taken.
    func wait(for generation: Int, until deadline: Date?) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if finished.contains(where: { $0.generation == generation }) { return true }
            let stillAsked = running?.generation == generation || waiting?.generation == generation
            if !stillAsked { return false }
            if let deadline {
                if !condition.wait(until: deadline) { return finished.contains { $0.generation == generation } }
            } else {
                condition.wait()
            }
        }
    }

    /// The searches finished since last asked, oldest first.
    func takeFinished() -> [Finished] {
        condition.lock()
        defer { condition.unlock() }
        let taken = finished
        finished = []
        return taken
    }

    private func work(_ run: Run) {
        while true {
            condition.lock()
            while waiting == nil, !closed { condition.wait() }
            guard let job = waiting else {
                condition.unlock()
                return
            }
            waiting = nil
            running = job
            condition.unlock()

            let outcome = job.cancellation.isCancelled ? nil : run(job.index, job.query, job.previous, job.cancellation)

            condition.lock()
            running = nil
            if let outcome, !job.cancellation.isCancelled {
                finished.append(Finished(generation: job.generation, query: job.query, outcome: outcome))
            }
            condition.broadcast()
            condition.unlock()
        }
    }

    /// On a busy machine the scan and the run loop compete for a core: the worker takes a lower
    /// priority so that the frames of keys come first. Linux's nice value is per thread.
    private static func yieldToTheRunLoop() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }

    /// What the worker runs by default: the index's search, given up when cancelled.
    package static let indexSearch: Run = { index, query, previous, cancellation in
        do throws(SearchError) {
            guard let found = try index.search(query, refining: previous, cancellation: cancellation) else { return nil }
            return .success(found)
        } catch {
            return .failure(error)
        }
    }
}
