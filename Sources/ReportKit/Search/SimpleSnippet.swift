/// Cuts a snippet on UTF-8 bytes when every scalar it touches is a character by itself (CJK
/// ideographs and punctuation, Latin letters, digits, full-width forms): then counting scalars
/// counts characters, and the result is the one `Report.characterSnippet` gives, at a fraction
/// of the cost of grapheme breaking. A library search cuts one per printed hit, so this is
/// where a common query's time goes. Anything else (combining marks, emoji, joiners, CR) falls
/// back to the character walk.
enum SimpleSnippet {
    static func cut(_ text: String, around range: Range<Int>, within bounds: Range<Int>, context: Int) -> SearchSnippet? {
        var line: [UInt8] = []
        guard let cut = append(text, around: range, within: bounds, context: context, marks: ([], []), to: &line) else {
            return nil
        }
        let result = String(decoding: line, as: UTF8.self)
        let lower = result.utf8.index(result.startIndex, offsetBy: cut.hit.lowerBound)
        let upper = result.utf8.index(lower, offsetBy: cut.hit.count)
        return SearchSnippet(
            text: result, highlight: lower..<upper,
            isTruncatedAtStart: cut.truncatedAtStart, isTruncatedAtEnd: cut.truncatedAtEnd)
    }

    /// What `cut` gives, written at the end of `output` with `marks` around the hit, for output
    /// that is bytes anyway (the command line prints a library's hits by the hundred thousand).
    /// nil, with nothing written, where the text needs the character walk.
    /// - Returns: the hit's bytes in `output` (without the marks).
    static func append(
        _ text: String, around range: Range<Int>, within bounds: Range<Int>, context: Int,
        marks: (open: [UInt8], close: [UInt8]), to output: inout [UInt8]
    ) -> (hit: Range<Int>, truncatedAtStart: Bool, truncatedAtEnd: Bool)? {
        // Native strings are contiguous; any other falls back rather than being copied whole.
        let cut = text.utf8.withContiguousStorageIfAvailable { bytes -> (hit: Range<Int>, truncatedAtStart: Bool, truncatedAtEnd: Bool)? in
            guard bounds.lowerBound >= 0, bounds.upperBound <= bytes.count, range.lowerBound >= bounds.lowerBound,
                range.upperBound <= bounds.upperBound, range.lowerBound <= range.upperBound
            else { return nil }
            // Every scalar of the hit must be simple, and the scalars on either side of each cut.
            var offset = range.lowerBound
            while offset < range.upperBound {
                guard let (scalar, length) = scalar(at: offset, in: bytes), isSimple(scalar) else { return nil }
                offset += length
            }
            guard offset == range.upperBound else { return nil }
            var start = range.lowerBound
            var taken = 0
            while taken <= context, start > bounds.lowerBound {
                let previous = scalarStart(before: start, in: bytes)
                guard let (scalar, _) = scalar(at: previous, in: bytes), isSimple(scalar) else { return nil }
                // One scalar beyond the context is only looked at, not taken.
                if taken == context { break }
                start = previous
                taken += 1
            }
            var end = range.upperBound
            taken = 0
            while taken <= context, end < bounds.upperBound {
                guard let (scalar, length) = scalar(at: end, in: bytes), isSimple(scalar) else { return nil }
                if taken == context { break }
                end += length
                taken += 1
            }
            let base = output.count
            appendOneLine(bytes[start..<range.lowerBound], to: &output)
            // Leading spaces of the context go (a run is one space by now); the hit's own are kept.
            if output.count > base, output[base] == 0x20 { output.remove(at: base) }
            output.append(contentsOf: marks.open)
            let hitStart = output.count - base
            appendOneLine(bytes[range.lowerBound..<range.upperBound], to: &output)
            let hitEnd = output.count - base
            output.append(contentsOf: marks.close)
            let afterStart = output.count
            appendOneLine(bytes[range.upperBound..<end], to: &output)
            while output.count > afterStart, output.last == 0x20 { output.removeLast() }
            return (hitStart..<hitEnd, start > bounds.lowerBound, end < bounds.upperBound)
        }
        return cut ?? nil
    }

    /// Each whitespace run becomes one space, as `Report.oneLine` does; other scalars are
    /// copied in runs.
    private static func appendOneLine(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to line: inout [UInt8]) {
        let base = bytes.base
        var previousWasSpace = false
        var runStart = bytes.startIndex
        var offset = bytes.startIndex
        func flush(upTo end: Int) {
            if end > runStart { line.append(contentsOf: UnsafeBufferPointer(rebasing: base[runStart..<end])) }
        }
        while offset < bytes.endIndex {
            let lead = base[offset]
            let length: Int
            let isSpace: Bool
            if lead < 0x80 {
                length = 1
                isSpace = lead == 0x20 || (0x09...0x0D).contains(lead)
            } else if let (scalar, scalarLength) = scalar(at: offset, in: base) {
                length = scalarLength
                isSpace = isWhiteSpace(scalar)
            } else {
                // Not UTF-8 (a native string never is): one space, as before.
                length = 1
                isSpace = true
            }
            if isSpace {
                flush(upTo: offset)
                if !previousWasSpace { line.append(0x20) }
                previousWasSpace = true
                runStart = offset + length
            } else {
                previousWasSpace = false
            }
            offset += length
        }
        flush(upTo: bytes.endIndex)
    }

    /// Unicode's White_Space property (what `Character.isWhitespace` tests for one scalar),
    /// without the property lookup for the common scalars.
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Scalars that never join a neighbour into one character (no extenders, joiners,
    /// combining marks, regional indicators, Hangul jamo or CR).
    static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09, 0x20...0x7E: return true
        case 0xA0...0x2FF: return scalar.value != 0xAD
        case 0x2010...0x2027, 0x2030...0x205E: return true
        case 0x3000...0x3029, 0x3030...0x303F: return true
        case 0x3040...0x3098, 0x309B...0x30FF: return true
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: return true
        case 0xFF01...0xFF5E: return true
        case 0x2460...0x24FF, 0x2160...0x218F, 0x3200...0x32FF: return true
        default: return false
        }
    }

    private static func scalar(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int)? {
        guard offset < bytes.count else { return nil }
        let lead = bytes[offset]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard lead < 0x80 || lead >= 0xC0, offset + length <= bytes.count else { return nil }
        var value = length == 1 ? UInt32(lead) : length == 2 ? UInt32(lead & 0x1F) : length == 3 ? UInt32(lead & 0x0F) : UInt32(lead & 0x07)
        for index in 1..<length { value = value << 6 | UInt32(bytes[offset + index] & 0x3F) }
        return Unicode.Scalar(value).map { ($0, length) }
    }

    private static func scalarStart(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }
}
