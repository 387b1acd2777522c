#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock (`flock`) held from creation until `release`, serialising the
/// read–merge–write of state files between browsers, and between threads, since each lock has
/// its own open file description.
final class FileLock {
    private var descriptor: Int32

    init(path: String) throws(PosixError) {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw PosixError.current }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let error = PosixError.current
            close(descriptor)
            throw error
        }
    }

    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
