import ReportKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level helpers for anchoring places in a report's text by the words around them.
enum TextContext {
    /// Up to `length` characters on each side of a UTF-8 offset (which must start a scalar).
    static func around(_ offset: Int, in text: String, length: Int) -> (before: String, after: String) {
        let position = text.index(atUTF8Offset: offset)
        let start = text.index(position, offsetBy: -length, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(position, offsetBy: length, limitedBy: text.endIndex) ?? text.endIndex
        return (String(text[start..<position]), String(text[position..<end]))
    }

    /// Whether `before` ends and `after` starts exactly at `offset`.
    static func matches(before: String, after: String, at offset: Int, in text: String) -> Bool {
        let beforeCount = before.utf8.count
        let afterCount = after.utf8.count
        guard offset >= beforeCount, offset + afterCount <= text.utf8.count else { return false }
        return withBytes(of: text) { bytes in
            bytes[(offset - beforeCount)..<offset].elementsEqual(before.utf8)
                && bytes[offset..<(offset + afterCount)].elementsEqual(after.utf8)
        }
    }

    /// Start offsets of every occurrence of `needle` in `text`, in order (overlaps included).
    static func occurrences(of needle: String, in text: String) -> [Int] {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return [] }
        return withBytes(of: text) { bytes in
            pattern.withUnsafeBufferPointer { horspoolSearch($0, in: bytes) }
        }
    }

    /// Boyer–Moore–Horspool: re-anchoring searches the whole report for every mark, and with a
    /// context of a few dozen bytes it skips most of a 100 MB text instead of visiting each byte.
    private static func horspoolSearch(
        _ pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>
    ) -> [Int] {
        let last = pattern.count - 1
        var shift = [Int](repeating: pattern.count, count: 256)
        for index in 0..<last { shift[Int(pattern[index])] = last - index }
        var found: [Int] = []
        var start = 0
        while start + last < bytes.count {
            let tail = bytes[start + last]
            if tail == pattern[last], memcmp(bytes.baseAddress! + start, pattern.baseAddress!, last) == 0 {
                found.append(start)
            }
            start += shift[Int(tail)]
        }
        return found
    }

    private static func withBytes<Result>(
        of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        let copy = Array(text.utf8)
        return copy.withUnsafeBufferPointer(body)
    }
}
