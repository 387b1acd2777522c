import Glibc

/// A mutual-exclusion lock with NSLock's lock()/unlock(), from pthreads, so the modules that
/// report-browser links need not load Foundation for it. `ThreadCondition` waits on its mutex.
final class PlainLock: @unchecked Sendable {
    let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }

    func unlock() { pthread_mutex_unlock(mutex) }
}
