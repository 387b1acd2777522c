#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file, pipe, FIFO or terminal with POSIX calls, which behave the same for all
/// of them (FileManager guesses from paths and cannot read a pipe to EOF).
enum FileReading {
    enum Failure: Error, Equatable {
        case system(errno: Int32)
        case isDirectory
    }

    /// Reads `path` to EOF. `keepReading` sees the bytes so far and the range just added, and
    /// can stop early (to refuse a huge binary file after its first NUL byte).
    static func read(
        path: String, keepReading: ([UInt8], Range<Int>) -> Bool
    ) -> Result<[UInt8], Failure> {
        let descriptor: Int32
        switch open(path: path) {
        case .success(let opened): descriptor = opened
        case .failure(let failure): return .failure(failure)
        }
        defer { close(descriptor) }
        return read(descriptor: descriptor, keepReading: keepReading)
    }

    /// Opens `path` for reading; the caller closes the descriptor.
    static func open(path: String) -> Result<Int32, Failure> {
        let descriptor = retryingOnInterrupt { systemOpen(path, O_RDONLY | O_CLOEXEC) }
        return descriptor >= 0 ? .success(descriptor) : .failure(.system(errno: errno))
    }

    /// The size of a regular file, nil for anything else (a pipe, a terminal, a directory),
    /// which has no size to reserve and may not be read twice.
    static func regularFileSize(_ descriptor: Int32) -> Int? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    /// Back to the start of a regular file, to read it again another way.
    static func rewind(_ descriptor: Int32) -> Bool {
        lseek(descriptor, 0, SEEK_SET) == 0
    }

    /// Reads an already open descriptor to EOF; a closed descriptor reads as empty, so a
    /// program started with stdin closed sees an empty document instead of an error.
    static func read(
        descriptor: Int32, keepReading: ([UInt8], Range<Int>) -> Bool
    ) -> Result<[UInt8], Failure> {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            return code == EBADF ? .success([]) : .failure(.system(errno: code))
        }
        if status.st_mode & S_IFMT == S_IFDIR { return .failure(.isDirectory) }

        var bytes: [UInt8] = []
        let isRegular = status.st_mode & S_IFMT == S_IFREG
        if isRegular, status.st_size > 0 { bytes.reserveCapacity(Int(status.st_size) + 1) }
        let chunkSize = isRegular ? max(1 << 16, min(Int(status.st_size) + 1, 1 << 24)) : 1 << 16
        let chunk = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { chunk.deallocate() }

        while true {
            let got = systemRead(descriptor, chunk, chunkSize)
            if got == 0 { return .success(bytes) }
            if got < 0 {
                switch errno {
                case EINTR: continue
                case EAGAIN, EWOULDBLOCK: waitUntilReadable(descriptor)
                case EISDIR: return .failure(.isDirectory)
                case let code: return .failure(.system(errno: code))
                }
                continue
            }
            let start = bytes.count
            bytes.append(contentsOf: UnsafeRawBufferPointer(start: chunk, count: got))
            if !keepReading(bytes, start..<bytes.count) { return .success(bytes) }
        }
    }

    static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    private static func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.open(path, flags)
        #else
        Darwin.open(path, flags)
        #endif
    }

    /// Standard input may have been left non-blocking by whoever started us.
    private static func waitUntilReadable(_ descriptor: Int32) {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&request, 1, -1)
    }

    private static func retryingOnInterrupt(_ call: () -> Int32) -> Int32 {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}
