import Glibc

/// Spawn attributes giving a child an empty signal mask and default handlers. Test threads block
/// most signals, and a child would otherwise inherit that mask (see ChildProcess).
public enum CleanSignals {
    /// Fills `attributes` (already initialised); `ownProcessGroup` also puts the child in a new
    /// process group, so a watchdog can kill the child and everything it started.
    public static func apply(to attributes: inout posix_spawnattr_t, ownProcessGroup: Bool = false) {
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var everyCatchableSignal = sigset_t()
        sigemptyset(&everyCatchableSignal)
        for signal in 1..<32 where signal != SIGKILL && signal != SIGSTOP {
            sigaddset(&everyCatchableSignal, Int32(signal))
        }
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &everyCatchableSignal)
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if ownProcessGroup {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
    }

    /// A pipe whose ends are closed in children except where dup2'd onto their stdio.
    public static func makePipe() throws -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else {
            throw ChildProcessError(description: "pipe: \(String(cString: strerror(errno)))")
        }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        return (descriptors[0], descriptors[1])
    }
}
