import Foundation
import Glibc

/// Runs a program to completion and collects its output. Not Foundation.Process: test threads
/// block most signals, and a child spawned by Process inherits that mask, which leaves a tmux
/// server unable to reap its panes or be stopped, and a browser under test deaf to SIGTERM
/// (Process.waitUntilExit then also hangs). Here the child starts with a clean mask and default
/// signal handling.
enum Subprocess {
    struct Result {
        var status: Int32
        var output: Data
        var errors: Data
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> Result {
        let outputPipe = try CleanSignals.makePipe()
        let errorPipe = try CleanSignals.makePipe()
        defer {
            close(outputPipe.read)
            close(errorPipe.read)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe.write, 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe.write, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        CleanSignals.apply(to: &attributes)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(outputPipe.write)
        close(errorPipe.write)
        guard spawned == 0 else {
            throw TmuxError(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        let output = readAll(outputPipe.read)
        let errors = readAll(errorPipe.read)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitCode, output: output, errors: errors)
    }

    /// Close-on-exec, so children spawned in parallel by other tests never hold our pipe open
    /// (pipe2 is not importable; the window between pipe and fcntl is harmless here).

    private static func readAll(_ descriptor: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno != EINTR {
                return data
            }
        }
    }
}
