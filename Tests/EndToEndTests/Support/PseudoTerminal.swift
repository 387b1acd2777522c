import Foundation
import Glibc

/// A pseudo-terminal pair, so a child can be given a terminal as standard input without tmux.
final class PseudoTerminal {
    let primary: Int32
    let replica: FileHandle
    private var closed = false

    init() throws {
        // posix_openpt and friends are not visible through Glibc, nor the _IOW macros behind
        // these two Linux ioctls (the same numbers on x86-64 and arm64).
        let TIOCSPTLCK: UInt = 0x4004_5431
        let TIOCGPTN: UInt = 0x8004_5430
        primary = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard primary >= 0, ioctl(primary, TIOCSPTLCK, &unlock) == 0,
              ioctl(primary, TIOCGPTN, &number) == 0
        else {
            throw TmuxError(description: "no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let name = "/dev/pts/\(number)"
        let descriptor = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw TmuxError(description: "cannot open the pseudo-terminal replica") }
        replica = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    func close() {
        guard !closed else { return }
        closed = true
        try? replica.close()
        Glibc.close(primary)
    }

    deinit { close() }
}
