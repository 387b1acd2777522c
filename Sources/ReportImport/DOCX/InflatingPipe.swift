import FoundationEssentials
import ReportKit

/// Inflates a part on a second thread while the caller parses what has already arrived: for a
/// large Word file inflating and XML parsing are the two biggest costs, and on two cores they
/// overlap instead of adding up. At most `depth` chunks wait, so memory stays bounded.
final class InflatingPipe: @unchecked Sendable {
    static let depth = 4
    /// Declared size from which a part is worth a second thread: a few inflated chunks.
    static let minimumSize = 4 * DocxArchive.chunkSize

    private let condition = ThreadCondition()
    private var chunks: [Data] = []
    private var outcome: Result<Bool, ImportFailure>?
    private var cancelled = false

    /// Streams `path` of `archive` into `consume` (false from it stops the inflating early);
    /// returns whether the part exists, or throws what the archive threw. The archive is only
    /// touched by the second thread until this returns.
    static func read(_ path: String, from archive: DocxArchive, into consume: (Data) -> Bool) throws(ImportFailure) -> Bool {
        let pipe = InflatingPipe()
        let producer = WorkerThread { pipe.produce(path, from: archive) }
        producer.start()
        var wanted = true
        while let chunk = pipe.next() {
            if wanted, !consume(chunk) {
                wanted = false
                pipe.cancel()
            }
        }
        return try pipe.finishedOutcome().get()
    }

    private func produce(_ path: String, from archive: DocxArchive) {
        let result: Result<Bool, ImportFailure>
        do {
            result = .success(try archive.stream(path) { chunk throws(DocxArchive.StopReading) in
                guard self.push(chunk) else { throw DocxArchive.StopReading() }
            })
        } catch {
            result = .failure(error)
        }
        condition.lock()
        outcome = result
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for room; false once the reader has given up.
    private func push(_ chunk: Data) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= Self.depth, !cancelled { condition.wait() }
        guard !cancelled else { return false }
        chunks.append(chunk)
        condition.broadcast()
        return true
    }

    /// The next chunk, or nil once the producer is done and everything was taken.
    private func next() -> Data? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty, outcome == nil { condition.wait() }
        guard !chunks.isEmpty else { return nil }
        let chunk = chunks.removeFirst()
        condition.broadcast()
        return chunk
    }

    private func cancel() {
        condition.lock()
        cancelled = true
        chunks.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    private func finishedOutcome() -> Result<Bool, ImportFailure> {
        condition.lock()
        defer { condition.unlock() }
        while outcome == nil { condition.wait() }
        return outcome!
    }
}
