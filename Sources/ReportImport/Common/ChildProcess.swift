#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs an external converter with a deadline and bounded output.
///
/// Not Foundation's `Process`: it cannot start the child in a process group of its own, so a
/// converter that hangs in a grandchild (a wrapper script, a helper it forks) keeps the pipes
/// open after the child is killed, and reading its output would hang too. Here the child
/// leads its own group, both pipes are drained by one `poll` loop that knows the deadline,
/// and at the deadline the whole group is killed.
struct ChildProcess {
    struct Outcome {
        enum Ending: Equatable {
            case exited(Int32)
            case signalled(Int32)
            case timedOut
            case outputTooLarge
        }
        let ending: Ending
        let output: [UInt8]
        let errorOutput: [UInt8]
    }

    enum LaunchFailure: Error {
        case notFound
        case other(errno: Int32)
    }

    static func run(
        _ program: String, arguments: [String], timeoutSeconds: Double, outputLimit: Int
    ) -> Result<Outcome, LaunchFailure> {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0 else { return .failure(.other(errno: errno)) }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            return .failure(.other(errno: errno))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for descriptor in [outPipe[0], outPipe[1], errPipe[0], errPipe[1]] {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGQUIT, SIGTSTP, SIGHUP] { sigaddset(&defaultSignals, signal) }
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        var spawned = posix_spawnp(&pid, program, &actions, &attributes, argv, environ)
        // A program written a moment ago can still be open for writing in a process another
        // thread is forking; the kernel refuses to run it until that descriptor closes.
        var attempts = 0
        while spawned == ETXTBSY, attempts < 40 {
            usleep(50_000)
            attempts += 1
            spawned = posix_spawnp(&pid, program, &actions, &attributes, argv, environ)
        }
        close(outPipe[1])
        close(errPipe[1])
        defer { close(outPipe[0]); close(errPipe[0]) }
        if spawned != 0 { return .failure(spawned == ENOENT ? .notFound : .other(errno: spawned)) }

        var output: [UInt8] = []
        var errorOutput: [UInt8] = []
        var open = [true, true]
        let deadline = monotonicSeconds() + timeoutSeconds
        var ending: Outcome.Ending?
        let chunk = UnsafeMutableRawPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { chunk.deallocate() }
        while open[0] || open[1] {
            let remaining = deadline - monotonicSeconds()
            if remaining <= 0 {
                ending = .timedOut
                break
            }
            var fds = [
                pollfd(fd: open[0] ? outPipe[0] : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: open[1] ? errPipe[0] : -1, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, Int32(min(remaining * 1000, 1000)) + 1)
            if ready < 0, errno == EINTR { continue }
            if ready < 0 { break }
            for index in 0..<2 where open[index] && fds[index].revents != 0 {
                let got = read(fds[index].fd, chunk, 1 << 16)
                if got < 0, errno == EINTR || errno == EAGAIN { continue }
                if got <= 0 {
                    open[index] = false
                    continue
                }
                let bytes = UnsafeRawBufferPointer(start: chunk, count: got)
                if index == 0 { output.append(contentsOf: bytes) } else if errorOutput.count < 1 << 16 { errorOutput.append(contentsOf: bytes) }
            }
            if output.count > outputLimit {
                ending = .outputTooLarge
                break
            }
        }
        if ending != nil { kill(-pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // Whatever the child left behind in its group goes with it.
        kill(-pid, SIGKILL)
        if ending == nil {
            let signal = status & 0x7f
            ending = signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
        }
        return .success(Outcome(ending: ending!, output: output, errorOutput: errorOutput))
    }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
