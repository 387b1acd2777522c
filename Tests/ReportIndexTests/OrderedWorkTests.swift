import Foundation
@testable import ReportIndex
import Testing

@Suite struct OrderedWorkTests {
    @Test func resultsComeInItemOrderWhateverFinishesFirst() {
        let count = 200
        let work = OrderedWork<Int>(
            costs: Array(repeating: 1, count: count), workers: 4, window: 8, budget: 100,
            makeState: { 0 },
            work: { calls, index in
                calls += 1
                // Early items take longest, so later ones finish first on other threads.
                if index % 7 == 0 { usleep(200) }
                return index * index
            })
        defer { work.cancel() }
        var taken: [Int] = []
        while let value = work.next() { taken.append(value) }
        #expect(taken == (0..<count).map { $0 * $0 })
        #expect(work.next() == nil)
    }

    @Test func nothingStartsBeyondTheWindowOrTheBudget() {
        let probe = StartCounter()
        let costs = (0..<120).map { $0 % 5 == 0 ? 40 : 10 }
        let work = OrderedWork<Int>(
            costs: costs, workers: 3, window: 6, budget: 50,
            makeState: { () },
            work: { _, index in
                probe.started(index)
                return index
            })
        defer { work.cancel() }
        var taken = 0
        while let index = work.next() {
            // Workers race ahead while the consumer is slow.
            usleep(300)
            taken += 1
        }
        #expect(taken == costs.count)
        #expect(work.mostOutstanding.items <= 6)
        #expect(work.mostOutstanding.cost <= 50)
        #expect(work.mostOutstanding.items >= 2, "workers never ran ahead of the consumer")
        #expect(probe.startedCount == costs.count)
    }

    @Test func anItemOverTheBudgetStillRunsAlone() {
        let work = OrderedWork<Int>(
            costs: [5, 1_000, 5], workers: 2, window: 4, budget: 10,
            makeState: { () }, work: { _, index in index })
        defer { work.cancel() }
        #expect([work.next(), work.next(), work.next(), work.next()] == [0, 1, 2, nil])
    }

    @Test func cancellingStopsTheWorkersWithItemsLeft() {
        let probe = StartCounter()
        let work = OrderedWork<Int>(
            costs: Array(repeating: 1, count: 10_000), workers: 2, window: 4, budget: 100,
            makeState: { () },
            work: { _, index in
                probe.started(index)
                return index
            })
        #expect(work.next() == 0)
        work.cancel()
        // At most the window was started beyond what was taken; nothing runs after cancel.
        let startedAtCancel = probe.startedCount
        usleep(10_000)
        #expect(probe.startedCount == startedAtCancel)
        #expect(startedAtCancel <= 1 + 4)
    }
}

private final class StartCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var started = 0

    var startedCount: Int { lock.withLock { started } }

    func started(_ index: Int) {
        lock.withLock {
            started += 1
        }
    }
}

@Suite struct OrderedWorkInlineTests {
    @Test func retiredResultsAreFreedOffTheConsumersThreadAndNoneIsLeft() {
        let tally = ReleaseTally()
        let consumer = pthread_self()
        let count = 300
        let work = OrderedWork<Tracked>(
            costs: Array(repeating: 1, count: count), workers: 2, window: 4, budget: 100,
            makeState: { () },
            work: { _, index in Tracked(index: index, tally: tally, consumer: consumer) })
        var taken = 0
        while let output = work.next() {
            work.retire(output)
            taken += 1
            // Gives the workers time to claim again, which is where they free what came back.
            if taken % 10 == 0 { usleep(200) }
        }
        work.cancel()
        #expect(taken == count)
        #expect(tally.freed == count, "a retired result was never freed")
        #expect(tally.freedOffConsumer > 0, "every retired result was freed by the consumer")
    }

    @Test func withoutWorkersTheConsumerDoesTheWorkInOrder() {
        let work = OrderedWork<String>(
            costs: [1, 1, 1], workers: 0, window: 4, budget: 10,
            makeState: { 0 },
            work: { calls, index in
                calls += 1
                return "\(index):\(calls)"
            })
        defer { work.cancel() }
        #expect([work.next(), work.next(), work.next(), work.next()] == ["0:1", "1:2", "2:3", nil])
        #expect(work.mostOutstanding.items == 0)
    }
}

private final class ReleaseTally: @unchecked Sendable {
    private let lock = NSLock()
    private var counts = (freed: 0, offConsumer: 0)
    var freed: Int { lock.withLock { counts.freed } }
    var freedOffConsumer: Int { lock.withLock { counts.offConsumer } }
    func record(offConsumer: Bool) {
        lock.withLock {
            counts.freed += 1
            if offConsumer { counts.offConsumer += 1 }
        }
    }
}

private final class Tracked: @unchecked Sendable {
    let index: Int
    private let tally: ReleaseTally
    private let consumer: pthread_t
    init(index: Int, tally: ReleaseTally, consumer: pthread_t) {
        self.index = index
        self.tally = tally
        self.consumer = consumer
    }
    deinit { tally.record(offConsumer: pthread_equal(pthread_self(), consumer) == 0) }
}
