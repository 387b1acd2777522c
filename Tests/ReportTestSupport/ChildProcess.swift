import Foundation
import Glibc

public struct ChildProcessError: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) { self.description = description }
}

/// The one child-process runner of the tests. Not Foundation.Process: test threads block most
/// signals, and a child spawned by Process inherits that mask, which leaves a tmux server unable
/// to reap its panes or be stopped, and a browser under test deaf to SIGTERM or hiding a SIGPIPE
/// death. Here the child starts with no signals blocked and default dispositions, by default in
/// its own process group; with a limit, a watchdog SIGKILLs the group when it passes, so a hang
/// fails the test instead of stalling the whole run.
public enum ChildProcess {
    public enum Input: Sendable {
        /// Standard input not open at all (`<&-`).
        case closed
        case devNull
        case file(String)
        case bytes(Data)
        /// An open descriptor the caller keeps, such as a pseudo-terminal's replica.
        case descriptor(Int32)
    }

    public struct Result: CustomStringConvertible, Sendable {
        public var status: Int32
        public var output: Data
        public var errors: Data
        /// The watchdog had to kill it: treat as a failure.
        public var timedOut: Bool
        public var stdout: String { String(decoding: output, as: UTF8.self) }
        public var stderr: String { String(decoding: errors, as: UTF8.self) }
        public var stderrLines: [Substring] { stderr.split(separator: "\n") }

        public var description: String {
            let shownOut = stdout.count > 400 ? String(stdout.prefix(400)) + "…" : stdout
            return "status \(status)\(timedOut ? " (killed by the watchdog)" : ""), "
                + "stdout \(output.count) bytes: \(shownOut.debugDescription), stderr: \(stderr.debugDescription)"
        }
    }

    /// `environment` is the child's whole environment; `limit` nil waits for ever;
    /// `currentDirectory` nil keeps the test's own.
    public static func run(
        _ executable: String, _ arguments: [String], input: Input = .devNull,
        environment: [String: String], currentDirectory: String? = nil, ownProcessGroup: Bool = true,
        limit: TimeInterval? = nil
    ) throws -> Result {
        let outputPipe = try CleanSignals.makePipe()
        let errorPipe = try CleanSignals.makePipe()
        var inputPipe: (read: Int32, write: Int32)?
        defer {
            close(outputPipe.read)
            close(errorPipe.read)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        switch input {
        case .closed: posix_spawn_file_actions_addclose(&actions, 0)
        case .devNull: posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        case .file(let path): posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0)
        case .bytes:
            let pipe = try CleanSignals.makePipe()
            inputPipe = pipe
            posix_spawn_file_actions_adddup2(&actions, pipe.read, 0)
        case .descriptor(let descriptor): posix_spawn_file_actions_adddup2(&actions, descriptor, 0)
        }
        if let currentDirectory { try SpawnDirectory.add(currentDirectory, to: &actions) }
        posix_spawn_file_actions_adddup2(&actions, outputPipe.write, 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe.write, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        CleanSignals.apply(to: &attributes, ownProcessGroup: ownProcessGroup)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(outputPipe.write)
        close(errorPipe.write)
        if let inputPipe { close(inputPipe.read) }
        guard spawned == 0 else {
            if let inputPipe { close(inputPipe.write) }
            throw ChildProcessError(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }

        let deadline = limit.map { Date().addingTimeInterval($0) } ?? .distantFuture
        var pendingInput: [UInt8] = []
        if case .bytes(let data) = input { pendingInput = [UInt8](data) }
        var inputOffset = 0
        _ = ignoreBrokenPipes
        var inputDescriptor = inputPipe?.write ?? -1
        if inputDescriptor >= 0 {
            _ = fcntl(inputDescriptor, F_SETFL, fcntl(inputDescriptor, F_GETFL) | O_NONBLOCK)
        }
        var output = Data()
        var errors = Data()
        var open = [outputPipe.read, errorPipe.read]
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 1 << 16)

        // One poll loop for all three pipes: a child that fills stdout while we still feed its
        // stdin must not deadlock either side.
        while !open.isEmpty || inputDescriptor >= 0 {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                timedOut = true
                Glibc.kill(ownProcessGroup ? -pid : pid, SIGKILL)
                break
            }
            var requests = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if inputDescriptor >= 0 { requests.append(pollfd(fd: inputDescriptor, events: Int16(POLLOUT), revents: 0)) }
            let ready = poll(&requests, nfds_t(requests.count), Int32(min(remaining, 1) * 1000) + 1)
            if ready < 0, errno == EINTR { continue }
            for request in requests where request.revents != 0 {
                if request.fd == inputDescriptor {
                    let left = pendingInput.count - inputOffset
                    let written = left == 0 ? 0 : pendingInput.withUnsafeBytes {
                        write(inputDescriptor, $0.baseAddress! + inputOffset, min(left, 1 << 16))
                    }
                    if written > 0 { inputOffset += written }
                    // A program may stop reading early; that is its right, not an error here.
                    if inputOffset == pendingInput.count || (written < 0 && errno != EAGAIN && errno != EINTR) {
                        close(inputDescriptor)
                        inputDescriptor = -1
                    }
                    continue
                }
                let count = read(request.fd, &buffer, buffer.count)
                if count > 0 {
                    if request.fd == outputPipe.read {
                        output.append(contentsOf: buffer[0..<count])
                    } else {
                        errors.append(contentsOf: buffer[0..<count])
                    }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    open.removeAll { $0 == request.fd }
                }
            }
        }
        if inputDescriptor >= 0 { close(inputDescriptor) }

        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, timedOut ? 0 : WNOHANG)
            if reaped == pid || (reaped == -1 && errno != EINTR) { break }
            if reaped == 0 {
                // Output closed but the process lingers (it closed its streams and spins).
                guard Date() < deadline else {
                    timedOut = true
                    Glibc.kill(ownProcessGroup ? -pid : pid, SIGKILL)
                    continue
                }
                usleep(10_000)
            }
        }
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitCode, output: output, errors: errors, timedOut: timedOut)
    }

    /// Feeding a program that stops reading must give EPIPE here, not kill the test runner.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()
}
