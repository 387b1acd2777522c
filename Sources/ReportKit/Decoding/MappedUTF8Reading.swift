#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The commonest large input — a regular file of clean UTF-8 with LF line endings and no byte
/// order mark — made into its `String` from the mapped file in one step: the standard library
/// validates the mapped bytes and copies them once into the text. `DirectUTF8Reading` reads
/// chunks, validates each into a `String` of its own and appends it, which copies every byte
/// three times (the kernel's copy, the chunk's `String`, the append).
///
/// Anything else (a CR, a NUL byte, a byte order mark, invalid UTF-8, a file that cannot be
/// mapped) gives nil and the caller reads the file the usual way, so every text this accepts is
/// exactly what `DirectUTF8Reading` would have made of it: the same text, no warnings, line
/// endings LF or none.
enum MappedUTF8Reading {
    /// Smaller files gain nothing worth a mapping, and keep going through the chunked reader
    /// its tests exercise.
    static let minimumSize = 1 << 20

    /// - Parameter mapped: the same file as mapped earlier by the caller; used when it has the
    ///   size the descriptor has now (else the file changed, and is mapped again).
    static func read(descriptor: Int32, reusing mapped: MappedFile? = nil) -> DecodedText? {
        guard let size = FileReading.regularFileSize(descriptor), size >= minimumSize else { return nil }
        if let mapped, mapped.bytes.count == size { return decode(mapped.bytes) }
        guard let file = MappedFile(descriptor: descriptor) else { return nil }
        return decode(file.bytes)
    }

    /// The text of `bytes` when they are clean UTF-8 that reading would keep as it is.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> DecodedText? {
        guard let base = bytes.baseAddress, case nil = ByteOrderMark.detect(bytes),
              memchr(base, 0, bytes.count) == nil, memchr(base, 0x0D, bytes.count) == nil,
              let text = String(validating: bytes, as: UTF8.self)
        else { return nil }
        let lineEnding: LineEnding = memchr(base, 0x0A, bytes.count) == nil ? .none : .lf
        return DecodedText(text: text, encoding: .utf8, hadByteOrderMark: false, lineEnding: lineEnding, warnings: [])
    }
}
