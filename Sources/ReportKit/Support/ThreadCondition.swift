import FoundationEssentials
import Glibc

/// A lock with a condition variable, NSCondition's interface over pthreads, so the modules
/// report-browser links need not load Foundation for it.
public final class ThreadCondition: @unchecked Sendable {
    private let plain = PlainLock()
    private var mutex: UnsafeMutablePointer<pthread_mutex_t> { plain.mutex }
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    public init() {
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        condition.deallocate()
    }

    public func lock() { plain.lock() }

    public func unlock() { plain.unlock() }

    public func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock()
        defer { unlock() }
        return try body()
    }

    /// Call with the lock held; may also return spuriously, so callers loop on their predicate.
    public func wait() { pthread_cond_wait(condition, mutex) }

    /// false when `deadline` passed first.
    public func wait(until deadline: Date) -> Bool {
        let seconds = max(0, deadline.timeIntervalSince1970)
        var whole = seconds.rounded(.down)
        var nanoseconds = ((seconds - whole) * 1e9).rounded()
        if nanoseconds >= 1e9 {
            whole += 1
            nanoseconds -= 1e9
        }
        var limit = timespec(tv_sec: Int(whole), tv_nsec: Int(nanoseconds))
        return pthread_cond_timedwait(condition, mutex, &limit) != ETIMEDOUT
    }

    public func signal() { pthread_cond_signal(condition) }

    public func broadcast() { pthread_cond_broadcast(condition) }
}
