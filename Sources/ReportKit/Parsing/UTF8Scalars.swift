#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decoding of Unicode scalars straight from UTF-8 bytes, so the parser can look at the start of
/// each line without building a String for it. The text comes from a Swift String, so the bytes
/// are valid UTF-8; malformed input is still handled without trapping.
enum UTF8Scalars {
    /// The scalar starting at `offset` and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC0...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF7: length = 4; value = UInt32(lead & 0x07)
        default: return ("\u{FFFD}", 1)
        }
        guard offset + length <= bytes.count else { return ("\u{FFFD}", 1) }
        for index in 1..<length {
            let byte = bytes[offset + index]
            guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Up to `limit` scalars from `range`, each with its byte offset (plus the offset just past
    /// the last one). Fills caller-owned buffers: this runs for most lines of a large report.
    static func prefix(
        _ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, limit: Int,
        into scalars: inout [Unicode.Scalar], offsets: inout [Int]
    ) {
        // Sized once to the limit and written through pointers, then cut to what was found:
        // appending element by element checked uniqueness and capacity twice per scalar, and
        // that was a sixth of the time spent on a marker line.
        let limit = max(0, limit)
        scalars.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        scalars.append(contentsOf: repeatElement("\0", count: limit))
        offsets.append(contentsOf: repeatElement(0, count: limit + 1))
        var found = 0
        scalars.withUnsafeMutableBufferPointer { scalarSlots in
            offsets.withUnsafeMutableBufferPointer { offsetSlots in
                var offset = range.lowerBound
                while offset < range.upperBound, found < limit {
                    let (scalar, length) = decode(bytes, at: offset)
                    scalarSlots[found] = scalar
                    offsetSlots[found] = offset
                    found += 1
                    offset += length
                }
                offsetSlots[found] = offset
            }
        }
        scalars.removeLast(limit - found)
        offsets.removeLast(limit - found)
    }

    /// Offset of the first `。` (E3 80 82) in the range, if any.
    static func firstFullStop(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = range.lowerBound
        // memchr finds the lead byte 0xE3 many bytes per step; most CJK text has other leads.
        while offset + 2 < range.upperBound,
              let found = memchr(base + offset, 0xE3, range.upperBound - offset - 2) {
            offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if bytes[offset + 1] == 0x80, bytes[offset + 2] == 0x82 { return offset }
            offset += 1
        }
        return nil
    }

    /// The end of the range with trailing layout spaces and CR removed.
    static func trimmedEnd(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int {
        var end = range.upperBound
        while end > range.lowerBound {
            var start = end - 1
            while start > range.lowerBound, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            let (scalar, _) = decode(bytes, at: start)
            guard LayoutSpace.contains(scalar) || scalar == "\r" else { break }
            end = start
        }
        return end
    }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
