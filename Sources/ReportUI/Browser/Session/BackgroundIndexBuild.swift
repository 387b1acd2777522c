import FoundationEssentials
import ReportKit

/// A search index being built on a thread of its own, so that a long report's index (a
/// quarter of a second for 100 MB) is usually ready by the time the reader types a search,
/// and the run loop never stops to build it.
///
/// The run loop stays on its own thread and owns all browser state; the only thing that
/// crosses over is the finished `SearchIndex`, an immutable `Sendable` class, handed over
/// under the lock.
final class BackgroundIndexBuild: @unchecked Sendable {
    // `built` is only touched with `condition` locked.
    private let condition = ThreadCondition()
    private var built: SearchIndex?

    /// `build` is `SearchIndex.init` except in tests, which hold it back to see the browser
    /// before the index lands.
    init(report: Report, build: @escaping @Sendable (Report) -> SearchIndex) {
        let thread = WorkerThread { [self] in
            let index = build(report)
            condition.lock()
            built = index
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "search index"
        thread.start()
    }

    /// The index once it is built; nil while the build runs. Never waits.
    var finished: SearchIndex? {
        condition.lock()
        defer { condition.unlock() }
        return built
    }

    /// Waits for the build to end.
    func wait() -> SearchIndex {
        condition.lock()
        defer { condition.unlock() }
        while built == nil { condition.wait() }
        return built!
    }
}
