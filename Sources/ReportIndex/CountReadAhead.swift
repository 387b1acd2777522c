import ReportKit

/// The index of a likely `search --count` opened and its records read on a thread of their own
/// while the process is still starting (parsing its command line takes a few milliseconds on
/// one core while the other is idle). The records need no query, so they can be read before
/// the query is known; the count then reads the postings in the same snapshot. A read ahead is
/// used only by a count over that very index path: a wrong guess costs a thread's work, never
/// a different answer.
public enum CountReadAhead {
    /// What the count's own first steps would have given: the opened index or why it cannot
    /// be used, and the records or the error reading them.
    struct Opened: @unchecked Sendable {
        // The connection moves to the count's thread once this thread is done with it.
        let store: Result<IndexStore, IndexStore.OpenFailure>
        let records: Result<RecordTable, any Error>
    }

    private struct Pending: @unchecked Sendable {
        let path: String
        let opened: Meanwhile<Opened>
    }

    private static let guarded = ThreadCondition()
    nonisolated(unsafe) private static var pending: Pending?

    /// Starts reading the index at `path` (as the count will name it) ahead; a second call
    /// replaces the first.
    public static func start(indexPath path: String) {
        let opened = Meanwhile { () -> Opened in
            let store: Result<IndexStore, IndexStore.OpenFailure>
            do throws(IndexStore.OpenFailure) {
                store = .success(try IndexStore.openForReading(path: path))
            } catch {
                store = .failure(error)
            }
            let records: Result<RecordTable, any Error> = switch store {
            case .success(let opened): Result { try IndexedCount.beginReading(opened) }
            case .failure(let failure): .failure(failure)
            }
            return Opened(store: store, records: records)
        }
        guarded.withLock { pending = Pending(path: path, opened: opened) }
    }

    /// Puts a read ahead (back) in the slot, for tests that order it against other work.
    static func put(_ opened: Meanwhile<Opened>, for path: String) {
        guarded.withLock { pending = Pending(path: path, opened: opened) }
    }

    /// The read ahead of the index `index` names, at most once; nil when none was started for
    /// that path (or it was taken).
    static func take(for index: LibrarySearch.IndexChoice) -> Meanwhile<Opened>? {
        guard case .at(let path) = index else { return nil }
        return guarded.withLock {
            guard let found = pending, found.path == path else { return nil }
            pending = nil
            return found.opened
        }
    }
}
