import FoundationEssentials
import ReportKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call, described the way the status line shows it.
struct PosixError: Error, CustomStringConvertible {
    let code: Int32

    static var current: PosixError { PosixError(code: errno) }

    var description: String { String(cString: strerror(code)) }
    var isMissing: Bool { code == ENOENT }
}

/// The few file operations the state store needs, at the level where their guarantees are
/// visible: exclusive creation, fsync, rename, flock.
enum PosixFile {
    /// The whole file, or nil if it does not exist.
    static func readFile(_ path: String, limit: Int) throws(PosixError) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            let error = PosixError.current
            if error.isMissing { return nil }
            throw error
        }
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw PosixError.current
            }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
            if data.count > limit { throw PosixError(code: EFBIG) }
        }
    }

    /// Replaces `path` with `data` so that a reader sees the old file or the new one, never a
    /// mix, and a crash leaves one of them: write a temporary file in the same directory, fsync
    /// it, rename it over the target, fsync the directory.
    static func writeAtomically(_ data: Data, to path: String, directory: String) throws(PosixError) {
        let temporary = "\(directory)/.\(PathText.lastComponent(path)).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw PosixError.current }
        do throws(PosixError) {
            try writeAll(data, to: descriptor)
            guard fsync(descriptor) == 0 else { throw PosixError.current }
            guard close(descriptor) == 0 else { throw PosixError.current }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = PosixError.current
            unlink(temporary)
            throw error
        }
        syncDirectory(directory)
    }

    /// Renames `path` to `base`, or `base-2`, `base-3` … if that name is taken; returns the name used.
    static func moveAside(_ path: String, to base: String) throws(PosixError) -> String {
        var target = base
        var attempt = 1
        while access(target, F_OK) == 0 {
            attempt += 1
            target = "\(base)-\(attempt)"
        }
        guard rename(path, target) == 0 else { throw PosixError.current }
        return target
    }

    /// `mkdir -p` with mode 0700 for what it creates (state is private to the user), reporting
    /// the errno of the component that failed.
    static func createDirectory(_ path: String) throws(PosixError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            var status = stat()
            if stat(prefix, &status) == 0 {
                guard status.st_mode & S_IFMT == S_IFDIR else { throw PosixError(code: ENOTDIR) }
                continue
            }
            // EEXIST: another browser created it between our stat and mkdir.
            guard mkdir(prefix, 0o700) == 0 || errno == EEXIST else { throw PosixError.current }
        }
    }

    private static func writeAll(_ data: Data, to descriptor: Int32) throws(PosixError) {
        var failure: PosixError?
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = PosixError.current
                    return
                }
                offset += written
            }
        }
        if let failure { throw failure }
    }

    /// Makes the rename durable; best effort, as some file systems refuse fsync on directories.
    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
