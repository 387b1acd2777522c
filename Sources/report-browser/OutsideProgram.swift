import Dispatch
import FoundationEssentials
import Glibc
import ReportKit

/// A program run on the reader's behalf from inside the browser: a clipboard command, a
/// command the section is piped to, an editor. On the terminal it is a process group of its
/// own made the terminal's foreground job, and it starts with default signal handling (the
/// browser ignores SIGPIPE and catches the stop signals; a child must not inherit either).
/// Ctrl-Z stops it; the browser then stops too, so the shell gets the terminal back, and
/// after `fg` the browser hands the terminal to it again and lets it go on (as a shell's job
/// of two processes would).
enum OutsideProgram {
    struct LaunchFailure: Error {
        let reason: String
    }

    enum Output: Equatable {
        /// Standard output and error are the terminal's.
        case terminal
        case discarded
    }

    /// Runs `/bin/sh -c script` with `arguments` as `$0 $1 …`; `input` is written to its
    /// standard input (nil keeps the terminal). Returns the exit status, or why it could not start.
    /// `stopWithIt` stops the browser when Ctrl-Z stopped the program and returns after `fg`;
    /// nil (no job control to give the terminal back to) lets the program go on at once.
    static func runShell(
        _ script: String, arguments: [String] = ["sh"], input: [UInt8]?, output: Output,
        stopWithIt: (() -> Void)? = nil
    ) -> Result<Int32, LaunchFailure> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var inputPipe: [Int32] = [-1, -1]
        if input != nil {
            guard pipe(&inputPipe) == 0 else { return .failure(LaunchFailure(reason: String(cString: strerror(errno)))) }
            posix_spawn_file_actions_adddup2(&actions, inputPipe[0], 0)
            posix_spawn_file_actions_addclose(&actions, inputPipe[1])
        }
        if case .discarded = output {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGQUIT, SIGTSTP, SIGHUP, SIGCONT, SIGWINCH] { sigaddset(&defaults, signal) }
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        // On the terminal the program is a job of its own, as a shell would start it: Ctrl-C and
        // Ctrl-Z reach it alone, whatever runs the browser (a script's sh would die of them).
        let terminal = output == .terminal ? open("/dev/tty", O_RDWR | O_CLOEXEC) : -1
        defer { if terminal >= 0 { close(terminal) } }
        var flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
        if terminal >= 0 {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = (["/bin/sh", "-c", script] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        if inputPipe[0] >= 0 { close(inputPipe[0]) }
        guard spawned == 0 else {
            if inputPipe[1] >= 0 { close(inputPipe[1]) }
            return .failure(LaunchFailure(reason: String(cString: strerror(spawned))))
        }
        if terminal >= 0 { hand(terminal, to: pid) }
        // Fed from another thread, so that a program stopped (or slow to read) while the pipe
        // is full never keeps this one from seeing it stop.
        let fed = DispatchSemaphore(value: 0)
        if let input, inputPipe[1] >= 0 {
            let descriptor = inputPipe[1]
            WorkerThread {
                feed(input, to: descriptor)
                close(descriptor)
                fed.signal()
            }.start()
        } else {
            fed.signal()
        }
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, terminal >= 0 ? WUNTRACED : 0)
            if reaped < 0, errno == EINTR { continue }
            if reaped == pid, status & 0xff == 0x7f {
                let stopSignal = (status >> 8) & 0xff
                // Ctrl-Z (or a stop sent to it): the shell gets the terminal while both are
                // stopped. A stop for touching the terminal before it was handed over
                // (SIGTTIN, SIGTTOU) only needs the program to go on.
                if stopSignal == SIGTSTP || stopSignal == SIGSTOP, let stopWithIt {
                    hand(terminal, to: getpgrp())
                    stopWithIt()
                    hand(terminal, to: pid)
                }
                kill(-pid, SIGCONT)
                continue
            }
            break
        }
        fed.wait()
        if terminal >= 0 { hand(terminal, to: getpgrp()) }
        let signal = status & 0x7f
        return .success(signal == 0 ? (status >> 8) & 0xff : 128 + signal)
    }

    /// Makes `group` the terminal's foreground job. Done from what may be the background by
    /// then, so SIGTTOU is held off meanwhile, as shells do.
    private static func hand(_ terminal: Int32, to group: pid_t) {
        var block = sigset_t()
        var previous = sigset_t()
        sigemptyset(&block)
        sigaddset(&block, SIGTTOU)
        pthread_sigmask(SIG_BLOCK, &block, &previous)
        _ = tcsetpgrp(terminal, group)
        pthread_sigmask(SIG_SETMASK, &previous, nil)
    }

    /// A program may stop reading early (`head`); that ends the feeding, not the browser.
    private static func feed(_ bytes: [UInt8], to descriptor: Int32) {
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBufferPointer { write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// Waits for Return on the terminal, as `less` does after `!command`. The terminal is in
    /// cooked mode and the browser's, so Ctrl-Z comes as SIGTSTP, which only sets a flag:
    /// `stopIfAsked` acts on it (and is true when it stopped), and the prompt is shown again
    /// after `fg`.
    static func waitForReturn(prompt: String, stopIfAsked: () -> Bool = { false }) {
        guard let tty = fopen("/dev/tty", "r+") else { return }
        defer { fclose(tty) }
        fputs(prompt, tty)
        fflush(tty)
        var waiting = pollfd(fd: fileno(tty), events: Int16(POLLIN), revents: 0)
        while true {
            if stopIfAsked() {
                fputs(prompt, tty)
                fflush(tty)
            }
            let ready = poll(&waiting, 1, 150)
            if ready < 0, errno == EINTR { continue }
            if ready == 0 { continue }
            let character = fgetc(tty)
            if character == EOF || character == 10 || character == 13 { return }
        }
    }
}
