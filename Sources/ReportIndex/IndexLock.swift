#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock beside the index file for the one process that updates it. SQLite would
/// serialise two writers on its own, but two `index` runs would then each parse every changed
/// file; with the lock the second waits and finds the work done. Readers never take it (WAL
/// lets them read while the writer writes). The kernel drops the lock when a process dies.
final class IndexLock {
    private let descriptor: Int32

    /// Takes the lock, calling `waiting` once if another process holds it, then blocking.
    init(indexPath: String, waiting: () -> Void) throws(IndexError) {
        descriptor = open(indexPath + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw IndexError(reason: "cannot create \(indexPath).lock: \(String(cString: strerror(errno)))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let reason = String(cString: strerror(errno))
                    close(descriptor)
                    throw IndexError(reason: "cannot lock \(indexPath).lock: \(reason)")
                }
            }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// A failure of the index as a whole (not of one report), as one line for the user.
public struct IndexError: Error, Sendable, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
