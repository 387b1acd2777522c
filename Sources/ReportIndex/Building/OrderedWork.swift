import FoundationEssentials
import ReportKit

/// Runs `work` over the items `0..<count` on a few threads and hands the results back in item
/// order, one `next()` at a time, so that one consumer (the index's single SQLite writer) can
/// use them while the next ones are being prepared.
///
/// Memory stays bounded whatever the number of items: a worker starts an item only while fewer
/// than `window` items are started and not yet taken, and while their `cost` (bytes, say) stays
/// within `budget`. An item costing more than the budget still starts when nothing else is
/// outstanding, so one huge file slows the run down but never stops it.
final class OrderedWork<Output: Sendable>: @unchecked Sendable {
    // Everything below `condition` is guarded by it.
    private let condition = ThreadCondition()
    private var results: [Int: Output] = [:]
    private var nextToStart = 0
    private var nextToTake = 0
    private var outstandingCost = 0
    private var cancelled = false
    private var runningWorkers = 0
    /// The most items and cost ever outstanding at once (for tests of the bound).
    private var peak = (items: 0, cost: 0)
    /// Results the consumer is done with (or what it made of them), freed by a worker rather
    /// than by the consumer.
    private var retired: [any Sendable] = []

    /// With no workers: the work done by `next()` itself, on the consumer's thread.
    private var inline: ((Int) -> Output)?
    private let costs: [Int]
    private let window: Int
    private let budget: Int

    /// - Parameters:
    ///   - costs: what each item weighs against `budget` while it is outstanding.
    ///   - workers: threads to run on; 0 runs each item inside `next()`, one after another.
    ///   - makeState: each worker's own state (a folding cache), made on its thread.
    init<State>(
        costs: [Int], workers: Int, window: Int, budget: Int,
        makeState: @escaping @Sendable () -> State,
        work: @escaping @Sendable (inout State, Int) -> Output
    ) {
        self.costs = costs
        self.window = max(1, window)
        self.budget = budget
        guard !costs.isEmpty else { return }
        guard workers > 0 else {
            let state = StateBox(makeState())
            inline = { index in work(&state.value, index) }
            return
        }
        let workers = min(workers, costs.count)
        runningWorkers = workers
        for _ in 0..<workers {
            let thread = WorkerThread { [self] in
                var state = makeState()
                while let index = claim() {
                    let output = work(&state, index)
                    deliver(output, for: index)
                }
            }
            // Parsing deep outlines recurses; give workers the main thread's usual stack.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// The next item's result, waiting for it; nil after the last.
    func next() -> Output? {
        condition.lock()
        defer { condition.unlock() }
        guard nextToTake < costs.count else { return nil }
        if let inline {
            defer { nextToTake += 1 }
            return inline(nextToTake)
        }
        while results[nextToTake] == nil { condition.wait() }
        let output = results.removeValue(forKey: nextToTake)
        outstandingCost -= costs[nextToTake]
        nextToTake += 1
        condition.broadcast()
        return output
    }

    /// Hands a used result (or anything holding memory the workers allocated) back so that a
    /// worker, not the consumer, frees it: a worker drops what was handed back each time it
    /// looks for an item to start. glibc frees another thread's memory under that thread's
    /// arena lock, so the workers would otherwise contend with whoever frees it.
    func retire(_ output: some Sendable) {
        guard inline == nil else { return }
        condition.lock()
        defer { condition.unlock() }
        // With every worker gone, nobody would free it before `cancel()`.
        guard runningWorkers > 0 else { return }
        retired.append(output)
    }

    /// Stops starting items and waits until every worker has finished the one it holds. The
    /// consumer calls it when it stops early (a full disk, an error) and when it is done.
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        condition.broadcast()
        while runningWorkers > 0 { condition.wait() }
        results.removeAll()
        retired.removeAll()
    }

    var mostOutstanding: (items: Int, cost: Int) {
        condition.lock()
        defer { condition.unlock() }
        return peak
    }

    private func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if !retired.isEmpty {
                var freed: [any Sendable] = []
                swap(&freed, &retired)
                condition.unlock()
                freed.removeAll()
                condition.lock()
                continue
            }
            guard !cancelled, nextToStart < costs.count, !mayStart(nextToStart) else { break }
            condition.wait()
        }
        guard !cancelled, nextToStart < costs.count else {
            runningWorkers -= 1
            condition.broadcast()
            return nil
        }
        let index = nextToStart
        nextToStart += 1
        outstandingCost += costs[index]
        peak = (max(peak.items, nextToStart - nextToTake), max(peak.cost, outstandingCost))
        return index
    }

    private func mayStart(_ index: Int) -> Bool {
        let outstanding = index - nextToTake
        if outstanding == 0 { return true }
        return outstanding < window && outstandingCost + costs[index] <= budget
    }

    private func deliver(_ output: Output, for index: Int) {
        condition.lock()
        defer { condition.unlock() }
        results[index] = output
        condition.broadcast()
    }
}

private final class StateBox<State> {
    var value: State
    init(_ value: State) { self.value = value }
}
