#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file mapped read-only for as long as the value lives: its bytes straight from the
/// page cache, with no copy, for the passes that only read them (the search's look for
/// candidates, the parser's scan ahead of decoding, the check and copy into a `String`).
public final class MappedFile: @unchecked Sendable {
    public let bytes: UnsafeBufferPointer<UInt8>

    /// Nil for what cannot be mapped: a missing or unreadable file, an empty one, anything that
    /// is not a regular file (a pipe, a device, a directory), standard input (`-`).
    public init?(path: String) {
        guard path != "-" else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let bytes = Self.map(descriptor) else { return nil }
        self.bytes = bytes
    }

    /// The same for a descriptor the caller opened (and closes); its offset is not moved.
    init?(descriptor: Int32) {
        guard let bytes = Self.map(descriptor) else { return nil }
        self.bytes = bytes
    }

    private static func map(_ descriptor: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let size = FileReading.regularFileSize(descriptor), size > 0,
            let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
            address != UnsafeMutableRawPointer(bitPattern: -1)
        else { return nil }
        _ = madvise(address, size, MADV_SEQUENTIAL)
        return UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }
}
