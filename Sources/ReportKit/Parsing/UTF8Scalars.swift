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
        // Chinese text is almost all three-byte scalars: unrolled, the same answer as the loop.
        if lead & 0xF0 == 0xE0, offset + 2 < bytes.count {
            let second = bytes[offset + 1], third = bytes[offset + 2]
            if second & 0xC0 == 0x80, third & 0xC0 == 0x80 {
                let value = UInt32(lead & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
                return (Unicode.Scalar(value) ?? "\u{FFFD}", 3)
            }
        }
        return decodeAnyLength(bytes, at: offset)
    }

    /// `decode` for every lead byte, one continuation byte at a time.
    static func decodeAnyLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int) {
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
        // The slots the previous line left are overwritten through pointers, and the arrays
        // grow or shrink only by the difference: most marker lines fill the whole limit, so
        // most calls resize nothing (filling to the limit and cutting back on every call was a
        // tenth of a 100 MB parse).
        let limit = max(0, limit)
        if offsets.count != scalars.count + 1 {
            scalars.removeAll(keepingCapacity: true)
            offsets.removeAll(keepingCapacity: true)
            offsets.append(0)
        }
        var found = 0
        var offset = range.lowerBound
        let writable = min(limit, scalars.count)
        scalars.withUnsafeMutableBufferPointer { scalarSlots in
            offsets.withUnsafeMutableBufferPointer { offsetSlots in
                while offset < range.upperBound, found < writable {
                    let (scalar, length) = decode(bytes, at: offset)
                    scalarSlots[found] = scalar
                    offsetSlots[found] = offset
                    found += 1
                    offset += length
                }
            }
        }
        while offset < range.upperBound, found < limit {
            let (scalar, length) = decode(bytes, at: offset)
            scalars.append(scalar)
            offsets[found] = offset
            offsets.append(0)
            found += 1
            offset += length
        }
        offsets[found] = offset
        if scalars.count > found {
            scalars.removeLast(scalars.count - found)
            offsets.removeLast(offsets.count - found - 1)
        }
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
