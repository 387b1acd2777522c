/// A text folded for search, with what is needed to find the original of every folded byte.
struct FoldedText {
    /// UTF-8: NFKC, case-folded, whitespace runs collapsed to one space or, next to a CJK
    /// character, dropped; a line feed marks each boundary and appears nowhere else.
    var bytes: [UInt8]
    var map: FoldMap
    /// For every boundary passed to the folder, the folded offset just after its line feed.
    var boundaryOffsets: [Int]
}

/// Folds a text in one linear pass. ASCII and the ideographs U+4000–U+9FFF, which make up almost
/// all of a Chinese report, are handled byte by byte without decoding; every other scalar goes
/// through `ScalarFoldTable`, which asks Foundation once per distinct scalar.
enum TextFolder {
    static let separator = UInt8(ascii: "\n")

    /// - Parameter boundaries: ascending original offsets (section starts) that get a separator,
    ///   so that no match can run from one section into the next.
    /// - Parameter forLargeText: use a flat cache for the whole BMP (256 KB) instead of a dictionary.
    static func fold(_ text: String, boundaries: [Int] = [], forLargeText: Bool = false) -> FoldedText {
        var table = ScalarFoldTable(forLargeText: forLargeText)
        return fold(text, boundaries: boundaries, table: &table)
    }

    /// The same, with a table kept across calls, for callers that fold many short pieces.
    static func fold(_ text: String, boundaries: [Int] = [], table: inout ScalarFoldTable) -> FoldedText {
        var text = text
        return text.withUTF8 { source in
            // Folding mostly shrinks text; the headroom covers expansions (`㈠` → `(一)`) and
            // the separators. If it is too small the pass stops before writing out of bounds
            // and starts again with more.
            var headroom = boundaries.count + source.count / 16 + 64
            while true {
                var result: FoldedText?
                let bytes = [UInt8](unsafeUninitializedCapacity: source.count + headroom) { buffer, count in
                    var pass = FoldingPass(source: source, output: buffer.baseAddress!, headroom: headroom, table: table)
                    pass.run(boundaries: boundaries)
                    table = pass.table
                    guard !pass.overflowed else {
                        count = 0
                        return
                    }
                    count = pass.written
                    pass.map.shrinkToFit()
                    result = FoldedText(bytes: [], map: pass.map, boundaryOffsets: pass.boundaryOffsets)
                }
                if var result {
                    result.bytes = bytes
                    return result
                }
                headroom = headroom * 4 + source.count
            }
        }
    }

    /// Only the folded bytes, for queries and tests.
    static func foldedBytes(_ text: String) -> [UInt8] {
        fold(text).bytes
    }
}

private struct FoldingPass {
    let source: UnsafeBufferPointer<UInt8>
    let output: UnsafeMutablePointer<UInt8>
    /// How far `written` may run ahead of `read`; the output holds `source.count + headroom`.
    let headroom: Int
    var table: ScalarFoldTable
    private let traditionalBits = SimplifiedFolding.shared.fastRangeBits
    var map = FoldMap()
    var boundaryOffsets: [Int] = []
    var read = 0
    var written = 0
    var overflowed = false
    /// Whether the last character written (not whitespace) was CJK; false after a separator.
    private var previousIsCJK = false
    /// Length of the last character if it went through the fast path, which wrote it without a
    /// map entry so that it can be taken back when a combining mark follows; 0 otherwise.
    private var previousFastLength = 0

    init(source: UnsafeBufferPointer<UInt8>, output: UnsafeMutablePointer<UInt8>, headroom: Int, table: ScalarFoldTable) {
        self.source = source
        self.output = output
        self.headroom = headroom
        self.table = table
    }

    mutating func run(boundaries: [Int]) {
        let end = source.count
        var nextBoundary = 0
        while !overflowed {
            while nextBoundary < boundaries.count, boundaries[nextBoundary] <= read {
                emitSeparator()
                nextBoundary += 1
            }
            guard read < end, !overflowed else { break }
            let limit = nextBoundary < boundaries.count ? min(boundaries[nextBoundary], end) : end
            copyFastRun(upTo: limit)
            if read < limit {
                foldSlowUnit(upTo: limit)
            }
        }
    }

    /// The hot loop: lowercases ASCII and copies ideographs until anything else turns up.
    /// Writes exactly as many bytes as it reads, so `written - read` stays within the headroom.
    private mutating func copyFastRun(upTo limit: Int) {
        guard let bytes = source.baseAddress else { return }
        var from = read
        var to = written
        var isCJK = previousIsCJK
        var fastLength = previousFastLength
        let traditionalBits = traditionalBits
        while from < limit {
            let byte = bytes[from]
            if byte < 0x80 {
                if byte == 0x20 || byte &- 0x09 < 5 { break }
                output[to] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                from += 1
                to += 1
                isCJK = false
                fastLength = 1
            } else if byte &- 0xE4 < 6 {
                // A traditional character folds to its simplified form on the slow path.
                let bit = Int(byte & 0x0F) << 12 | Int(bytes[from + 1] & 0x3F) << 6 | Int(bytes[from + 2] & 0x3F) - 0x4000
                if traditionalBits[bit >> 6] & (1 << UInt64(bit & 63)) != 0 { break }
                output[to] = byte
                output[to + 1] = bytes[from + 1]
                output[to + 2] = bytes[from + 2]
                from += 3
                to += 3
                isCJK = true
                fastLength = 3
            } else {
                break
            }
        }
        read = from
        written = to
        previousIsCJK = isCJK
        previousFastLength = fastLength
    }

    private mutating func foldSlowUnit(upTo limit: Int) {
        if source[read] < 0x80 {
            foldWhitespaceRun(upTo: limit)
            return
        }
        let (scalar, length) = decodeScalar(at: read)
        let fold = table.fold(of: scalar)
        switch fold.role {
        case .whitespace:
            foldWhitespaceRun(upTo: limit)
        case .joinsPrevious where previousFastLength > 0:
            read -= previousFastLength
            written -= previousFastLength
            foldGroup(upTo: limit)
        default:
            if read + length < limit, joinsPrevious(at: read + length) {
                foldGroup(upTo: limit)
            } else {
                emitScalar(fold, originalLength: length)
            }
        }
    }

    private mutating func emitScalar(_ fold: ScalarFold, originalLength: Int) {
        if fold.isIdentity {
            guard reserve(folded: originalLength, original: originalLength) else { return }
            output.advanced(by: written).update(from: source.baseAddress! + read, count: originalLength)
            written += originalLength
        } else {
            let foldedLength = Int(fold.foldedLength)
            guard reserve(folded: foldedLength, original: originalLength) else { return }
            table.pool.withUnsafeBufferPointer { pool in
                output.advanced(by: written).update(from: pool.baseAddress! + Int(fold.foldedStart), count: foldedLength)
            }
            // A single scalar folding to a single scalar of the same length needs no entry:
            // its boundaries coincide with the original's.
            if foldedLength != originalLength || Self.scalarLength(leadByte: output[written]) != foldedLength {
                map.appendUnit(foldedStart: written, foldedLength: foldedLength, originalStart: read, originalLength: originalLength)
            }
            written += foldedLength
        }
        read += originalLength
        previousIsCJK = fold.isCJK
        previousFastLength = 0
    }

    /// A base character and the marks after it fold as one unit, as NFKC composes them.
    private mutating func foldGroup(upTo limit: Int) {
        let start = read
        let (base, baseLength) = decodeScalar(at: start)
        var end = start + baseLength
        while end < limit, joinsPrevious(at: end) {
            let (_, length) = decodeScalar(at: end)
            guard end + length - start <= FoldMap.maximumUnitLength else { break }
            end += length
        }
        let baseFold = table.fold(of: base)
        let folded = table.foldedGroup(UnsafeBufferPointer(start: source.baseAddress! + start, count: end - start))
        guard end > start + baseLength, folded.count <= FoldMap.maximumUnitLength else {
            emitScalar(baseFold, originalLength: baseLength)
            return
        }
        guard reserve(folded: folded.count, original: end - start) else { return }
        folded.withUnsafeBufferPointer { output.advanced(by: written).update(from: $0.baseAddress!, count: $0.count) }
        map.appendUnit(foldedStart: written, foldedLength: folded.count, originalStart: start, originalLength: end - start)
        written += folded.count
        read = end
        previousIsCJK = baseFold.isCJK
        previousFastLength = 0
    }

    /// A run of whitespace becomes nothing next to a CJK character and one space elsewhere.
    private mutating func foldWhitespaceRun(upTo limit: Int) {
        let start = read
        var end = start
        while end < limit {
            let byte = source[end]
            if byte < 0x80 {
                guard byte == 0x20 || byte &- 0x09 < 5 else { break }
                end += 1
                continue
            }
            let (scalar, length) = decodeScalar(at: end)
            guard table.fold(of: scalar).role == .whitespace else { break }
            end += length
        }
        let length = end - start
        if previousIsCJK || (end < limit && isCJK(at: end)) {
            guard reserve(folded: 0, original: length) else { return }
            appendWhitespaceEntries(foldedLength: 0, originalStart: start, originalLength: length)
        } else {
            guard reserve(folded: 1, original: length) else { return }
            output[written] = UInt8(ascii: " ")
            if length > 1 || source[start] >= 0x80 {
                appendWhitespaceEntries(foldedLength: 1, originalStart: start, originalLength: length)
            }
            written += 1
        }
        read = end
        previousFastLength = 0
    }

    /// Whitespace runs can be longer than a map entry allows; the folded space, if any, goes
    /// with the first piece.
    private mutating func appendWhitespaceEntries(foldedLength: Int, originalStart: Int, originalLength: Int) {
        var pieceStart = originalStart
        var foldedStart = written
        var foldedLength = foldedLength
        let end = originalStart + originalLength
        while pieceStart < end {
            let pieceLength = min(FoldMap.maximumUnitLength, end - pieceStart)
            map.appendUnit(foldedStart: foldedStart, foldedLength: foldedLength, originalStart: pieceStart, originalLength: pieceLength)
            pieceStart += pieceLength
            foldedStart += foldedLength
            foldedLength = 0
        }
    }

    private mutating func emitSeparator() {
        guard reserve(folded: 1, original: 0) else { return }
        output[written] = TextFolder.separator
        map.appendUnit(foldedStart: written, foldedLength: 1, originalStart: read, originalLength: 0)
        written += 1
        boundaryOffsets.append(written)
        previousIsCJK = false
        previousFastLength = 0
    }

    /// Checks, before writing, that the output keeps room for the rest of the source copied
    /// through the fast path.
    private mutating func reserve(folded: Int, original: Int) -> Bool {
        if (written + folded) - (read + original) > headroom {
            overflowed = true
        }
        return !overflowed
    }

    private mutating func joinsPrevious(at offset: Int) -> Bool {
        let byte = source[offset]
        if byte < 0x80 || byte &- 0xE4 < 6 { return false }
        return table.fold(of: decodeScalar(at: offset).0).role == .joinsPrevious
    }

    private mutating func isCJK(at offset: Int) -> Bool {
        let byte = source[offset]
        if byte < 0x80 { return false }
        if byte &- 0xE4 < 6 { return true }
        return table.fold(of: decodeScalar(at: offset).0).isCJK
    }

    /// The source is a Swift string, hence valid UTF-8.
    private func decodeScalar(at offset: Int) -> (UInt32, Int) {
        let lead = UInt32(source[offset])
        switch lead {
        case ..<0x80:
            return (lead, 1)
        case ..<0xE0:
            return ((lead & 0x1F) << 6 | UInt32(source[offset + 1] & 0x3F), 2)
        case ..<0xF0:
            return ((lead & 0x0F) << 12 | UInt32(source[offset + 1] & 0x3F) << 6 | UInt32(source[offset + 2] & 0x3F), 3)
        default:
            return ((lead & 0x07) << 18 | UInt32(source[offset + 1] & 0x3F) << 12
                | UInt32(source[offset + 2] & 0x3F) << 6 | UInt32(source[offset + 3] & 0x3F), 4)
        }
    }

    private static func scalarLength(leadByte: UInt8) -> Int {
        switch leadByte {
        case ..<0x80: 1
        case ..<0xE0: 2
        case ..<0xF0: 3
        default: 4
        }
    }
}
