#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns CRLF and lone CR into LF in UTF-8 bytes and reports which endings were there.
///
/// Works on bytes because CR and LF are ASCII and never occur inside a multi-byte UTF-8
/// sequence; spans between CRs are copied with memchr/memcpy speed.
enum LineEndingNormalizer {
    /// `normalized` is nil when the bytes contain no CR and can be used as they are.
    static func normalize(_ bytes: UnsafeBufferPointer<UInt8>) -> (normalized: [UInt8]?, lineEnding: LineEnding) {
        let carriageReturn: UInt8 = 0x0D
        let lineFeed: UInt8 = 0x0A
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return (nil, .none) }
        let count = bytes.count
        func contains(_ byte: UInt8, in range: Range<Int>) -> Bool {
            !range.isEmpty && memchr(base + range.lowerBound, Int32(byte), range.count) != nil
        }
        guard contains(carriageReturn, in: 0..<count) else {
            return (nil, contains(lineFeed, in: 0..<count) ? .lf : .none)
        }

        var sawLF = false
        var sawCRLF = false
        var sawCR = false
        let normalized = [UInt8](unsafeUninitializedCapacity: count) { out, written in
            guard let target = out.baseAddress else { return }
            var read = 0
            var write = 0
            while read < count {
                let next = memchr(base + read, Int32(carriageReturn), count - read)
                let spanEnd = next.map { UnsafeRawPointer(base).distance(to: $0) } ?? count
                if !sawLF { sawLF = contains(lineFeed, in: read..<spanEnd) }
                (target + write).update(from: base + read, count: spanEnd - read)
                write += spanEnd - read
                read = spanEnd
                guard read < count else { break }
                target[write] = lineFeed
                write += 1
                if read + 1 < count, base[read + 1] == lineFeed {
                    sawCRLF = true
                    read += 2
                } else {
                    sawCR = true
                    read += 1
                }
            }
            written = write
        }
        let kinds = [(sawLF, LineEnding.lf), (sawCRLF, .crlf), (sawCR, .cr)].filter(\.0)
        return (normalized, kinds.count == 1 ? kinds[0].1 : .mixed)
    }
}
