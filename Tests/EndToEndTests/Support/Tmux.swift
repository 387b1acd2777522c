import Foundation
import Glibc
import ReportTestSupport

/// A failure of the tmux harness; its description carries the last screen seen.
struct TmuxError: Error, CustomStringConvertible {
    var description: String
}

/// One program running in its own detached tmux server, driven like a user would: keys in,
/// screen text out. Each session has a private socket, so tests can run in parallel, and the
/// server is killed when the session goes away.
final class TmuxSession {
    let socket: String
    let width: Int
    let height: Int
    private let target = "main"
    private var killed = false
    private var socketPath: String?

    /// Starts `command` (run by /bin/sh -c) in a `width` × `height` pane with a UTF-8 locale.
    /// The pane stays after the command exits so its exit status can be read.
    init(
        _ command: String, width: Int = 100, height: Int = 30,
        term: String = "tmux-256color", environment: [String: String] = [:]
    ) throws {
        socket = "rb-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        self.width = width
        self.height = height
        var newSession = [
            "new-session", "-d", "-s", target, "-x", String(width), "-y", String(height),
            "-e", "LANG=C.UTF-8",
        ]
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
            newSession += ["-e", "\(name)=\(value)"]
        }
        newSession.append(command)
        // One invocation, so the options are in place before the command can exit.
        try run(
            ["start-server", ";",
             "set-option", "-g", "remain-on-exit", "on", ";",
             "set-option", "-g", "default-terminal", term, ";",
             "set-option", "-g", "default-shell", "/bin/sh", ";",
             "set-option", "-g", "history-limit", "0", ";"]
                + newSession)
        socketPath = try? value(of: "socket_path")
    }

    deinit { kill() }

    // MARK: input

    /// Named keys as tmux spells them: "Enter", "Escape", "Up", "PageDown", "C-c", "F1", "BTab".
    func sendKeys(_ keys: String...) throws {
        try run(["send-keys", "-t", target] + keys)
    }

    /// Text typed as is, Chinese included (no key-name lookup).
    func sendText(_ text: String) throws {
        try run(["send-keys", "-t", target, "-l", text])
    }

    // MARK: output

    /// The visible screen, one string per row (trailing blanks trimmed by tmux); a wide
    /// character appears once, as the terminal shows it.
    func capture() throws -> [String] {
        let text = try run(["capture-pane", "-p", "-t", target])
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Polls the screen until `predicate` holds; throws with the last screen after `timeout`.
    @discardableResult
    func waitUntil(
        timeout: TimeInterval = 10, describedAs what: String = "condition",
        _ predicate: ([String]) throws -> Bool
    ) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var screen: [String] = []
        while true {
            screen = try capture()
            if try predicate(screen) { return screen }
            guard Date() < deadline else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxError(description: "timed out waiting for \(what); screen:\n" + screen.joined(separator: "\n"))
    }

    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 10) throws -> [String] {
        try waitUntil(timeout: timeout, describedAs: "\"\(text)\"") { screen in
            screen.contains { $0.contains(text) }
        }
    }

    // MARK: pane state

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
    }

    /// The title the program set (OSC 0/2).
    func paneTitle() throws -> String {
        try value(of: "pane_title")
    }

    func paneSize() throws -> (width: Int, height: Int) {
        let parts = try value(of: "pane_width}x#{pane_height").split(separator: "x")
        return (Int(parts.first ?? "") ?? 0, Int(parts.last ?? "") ?? 0)
    }

    /// The pane's first process: the program itself when the command starts with `exec`.
    func panePID() throws -> pid_t? {
        pid_t(try value(of: "pane_pid"))
    }

    /// Sends a signal to the pane's first process (start the command with `exec` to reach
    /// the program rather than the shell).
    func signal(_ signal: Int32) throws {
        guard let pid = try panePID() else { throw TmuxError(description: "the pane has no process") }
        Glibc.kill(pid, signal)
    }

    /// The command's exit status once it has exited, nil while it runs; a death by signal
    /// reads as 128 + signal, as a shell would report it.
    func exitStatus() throws -> Int32? {
        let state = try value(of: "pane_dead}:#{pane_dead_status}:#{pane_dead_signal}:#{pid")
        let parts = state.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == "1" else { return nil }
        if let status = Int32(parts[1]) { return status }
        if let signal = Int32(parts[2]) { return 128 + signal }
        // Dead but not reaped: tmux sometimes misses the SIGCHLD (tmux/tmux#311, #2679) and
        // only reaps when another one arrives. Nudge it and let the caller poll again.
        if let server = pid_t(parts[3]) { Glibc.kill(server, SIGCHLD) }
        return nil
    }

    /// Polls until the command has exited and returns its status.
    func waitForExit(timeout: TimeInterval = 10) throws -> Int32 {
        var status: Int32?
        try waitUntil(timeout: timeout, describedAs: "exit") { _ in
            status = try exitStatus()
            return status != nil
        }
        return status ?? -1
    }

    /// Stops the server and everything in it. Safe to call more than once.
    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? run(["kill-server"])
        // The server leaves its socket file behind.
        if let socketPath { unlink(socketPath) }
    }

    // MARK: running tmux

    func value(of format: String) throws -> String {
        try run(["display-message", "-p", "-t", target, "#{\(format)}"])
            .trimmingCharacters(in: .newlines)
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        // -u: tmux would otherwise draw wide characters as '_' unless it trusts the locale.
        // Its own process group would be pointless: the server detaches into a session of its own.
        let result = try ChildProcess.run(
            try Self.tmuxExecutable().path, ["-u", "-L", socket, "-f", "/dev/null"] + arguments,
            environment: environment, ownProcessGroup: false)
        guard result.status == 0 else {
            let message = String(decoding: result.errors, as: UTF8.self)
            throw TmuxError(description: "tmux \(arguments.joined(separator: " ")) failed: \(message)")
        }
        return String(decoding: result.output, as: UTF8.self)
    }

    private static func tmuxExecutable() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"] {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent("tmux")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw TmuxError(description: "tmux is not installed")
    }
}
