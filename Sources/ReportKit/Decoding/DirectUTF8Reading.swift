#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a regular file that is clean UTF-8 straight into one `String`, a chunk at a time,
/// normalising line endings on the way.
///
/// Reading the whole file into a byte buffer and then building the text from it holds the
/// input twice at that moment (219 MB for a 100 MB report); here the text, reserved at the
/// file's size, is the only full copy, plus one chunk.
///
/// "Clean" means what the common case is: no NUL byte, no invalid sequence and no byte order
/// mark other than UTF-8's. Anything else gives `.notClean` and the caller decodes the file
/// again with `TextDecoder`, which alone knows the encodings, the errors and the warnings; so
/// every input this reader accepts decodes exactly as `TextDecoder` would decode it.
enum DirectUTF8Reading {
    enum Outcome {
        case decoded(DecodedText)
        case notClean
    }

    static let defaultChunkSize = 1 << 20

    /// Reads `descriptor`, a regular file positioned at its start, to EOF.
    /// - Parameter sizeHint: the file's size, reserved for the text up front.
    static func read(
        descriptor: Int32, sizeHint: Int, chunkSize: Int = defaultChunkSize
    ) -> Result<Outcome, FileReading.Failure> {
        let chunkSize = max(1, chunkSize)
        // Room for a chunk behind the at most three bytes carried over from the previous one,
        // and for the four bytes a byte order mark needs even when chunks are tinier.
        let capacity = max(chunkSize, 4) + 4
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }

        var filled = 0
        var atEnd = false
        func readMore() -> FileReading.Failure? {
            while true {
                let got = FileReading.systemRead(descriptor, buffer + filled, min(chunkSize, capacity - filled))
                if got > 0 {
                    filled += got
                    return nil
                }
                if got == 0 {
                    atEnd = true
                    return nil
                }
                if errno != EINTR { return .system(errno: errno) }
            }
        }

        while filled < 4, !atEnd {
            if let failure = readMore() { return .failure(failure) }
        }
        var hadByteOrderMark = false
        switch ByteOrderMark.detect(UnsafeBufferPointer(start: buffer, count: filled)) {
        case nil:
            break
        case .known(.utf8, let length)?:
            hadByteOrderMark = true
            filled -= length
            memmove(buffer, buffer + length, filled)
        default:
            return .success(.notClean)
        }

        var text = CleanUTF8Text(reserving: sizeHint)
        while true {
            guard let leftover = text.take(buffer, count: filled, isLast: atEnd) else { return .success(.notClean) }
            if atEnd { break }
            if !leftover.isEmpty, leftover.lowerBound > 0 {
                memmove(buffer, buffer + leftover.lowerBound, leftover.count)
            }
            filled = leftover.count
            if let failure = readMore() { return .failure(failure) }
        }
        return .success(.decoded(text.finish(hadByteOrderMark: hadByteOrderMark)))
    }
}

/// The text built chunk by chunk: each chunk is checked for NUL bytes, line-normalised in
/// place, validated and appended. A CR at the end of a chunk waits for the next one (it may be
/// half of a CRLF), and so does a multi-byte character cut off by the chunk's end.
struct CleanUTF8Text {
    private var text = ""
    private var lineEndings = LineEndingTally()

    init(reserving byteCount: Int) {
        text.reserveCapacity(max(0, byteCount))
    }

    /// Takes `bytes[0..<count]`, which it may rewrite. Returns where the bytes left for the next
    /// call are (at most three, and none when `isLast`), or nil when the bytes are not clean
    /// UTF-8 text.
    mutating func take(_ bytes: UnsafeMutablePointer<UInt8>, count: Int, isLast: Bool) -> Range<Int>? {
        if count > 0, memchr(bytes, 0, count) != nil { return nil }
        let normalized = lineEndings.normalize(bytes, count: count, isLast: isLast)
        var end = normalized.length
        var leftover = normalized.heldBack
        if !isLast, leftover.isEmpty {
            end = Self.startOfUnfinishedCharacter(bytes, end: end)
            leftover = end..<normalized.length
        }
        guard let piece = String(validating: UnsafeBufferPointer(start: bytes, count: end), as: UTF8.self) else {
            return nil
        }
        text.append(contentsOf: piece)
        return leftover
    }

    func finish(hadByteOrderMark: Bool) -> DecodedText {
        DecodedText(
            text: text, encoding: .utf8, hadByteOrderMark: hadByteOrderMark, lineEnding: lineEndings.lineEnding,
            warnings: [])
    }

    /// Where a multi-byte character that the end cuts short begins, or `end` when the bytes end
    /// on a character boundary. Bytes that cannot begin a complete character are left in place
    /// for validation to refuse.
    static func startOfUnfinishedCharacter(_ bytes: UnsafePointer<UInt8>, end: Int) -> Int {
        var index = end - 1
        while index >= max(0, end - 3) {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 {
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                return end - index < length ? index : end
            }
            index -= 1
        }
        return end
    }
}

/// Turns CRLF and lone CR into LF in place, chunk by chunk, and remembers which endings it saw,
/// as `LineEndingNormalizer` does for a whole buffer.
struct LineEndingTally {
    private var sawLF = false
    private var sawCRLF = false
    private var sawCR = false

    var lineEnding: LineEnding {
        let kinds = [(sawLF, LineEnding.lf), (sawCRLF, .crlf), (sawCR, .cr)].filter(\.0)
        switch kinds.count {
        case 0: return .none
        case 1: return kinds[0].1
        default: return .mixed
        }
    }

    /// Normalises `bytes[0..<count]` into `bytes[0..<length]`. A CR that is the last byte and
    /// not the end of the input is held back, at `heldBack`, since an LF may follow it.
    mutating func normalize(
        _ bytes: UnsafeMutablePointer<UInt8>, count: Int, isLast: Bool
    ) -> (length: Int, heldBack: Range<Int>) {
        let carriageReturn: UInt8 = 0x0D
        let lineFeed: UInt8 = 0x0A
        var read = 0
        var write = 0
        while read < count {
            let next = memchr(bytes + read, Int32(carriageReturn), count - read)
            let spanEnd = next.map { UnsafeRawPointer(bytes).distance(to: $0) } ?? count
            if !sawLF, spanEnd > read, memchr(bytes + read, Int32(lineFeed), spanEnd - read) != nil {
                sawLF = true
            }
            if write != read { memmove(bytes + write, bytes + read, spanEnd - read) }
            write += spanEnd - read
            read = spanEnd
            guard read < count else { break }
            if read + 1 < count {
                if bytes[read + 1] == lineFeed {
                    sawCRLF = true
                    read += 2
                } else {
                    sawCR = true
                    read += 1
                }
            } else if isLast {
                sawCR = true
                read += 1
            } else {
                return (write, read..<count)
            }
            bytes[write] = lineFeed
            write += 1
        }
        return (write, write..<write)
    }
}
