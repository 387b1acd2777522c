/// Maps byte offsets in the folded text back to the original text.
///
/// Most characters fold to themselves byte for byte, so the map stores only the units whose
/// folded form has another length (`，`→`,`, a dropped line break, `㈠`→`(一)`) or several
/// characters (`⑴`→`(1)`); between two such units the offset difference is constant. One
/// entry is packed into 4 bytes, and entries are grouped into blocks that carry absolute offsets,
/// so a lookup is a binary search over blocks plus a short scan — a few megabytes for a
/// 100 MB report instead of 8 bytes per folded byte.
struct FoldMap: Sendable {
    /// A block never holds more entries than this, which bounds the scan in a lookup.
    private static let entriesPerBlock = 32
    /// Entry offsets are stored relative to their block in 16 bits.
    private static let maximumRelativeOffset = Int(UInt16.max)
    /// Unit lengths are stored in 8 bits each; callers split longer units.
    static let maximumUnitLength = Int(UInt8.max)

    /// Folded offset of each block's first entry.
    private var blockFoldedStarts: [Int] = []
    /// Original offset of each block's first entry.
    private var blockOriginalStarts: [Int] = []
    /// Index into `entries` of each block's first entry.
    private var blockFirstEntries: [Int] = []
    /// `foldedStart - blockFoldedStart` (16 bits) | folded length (8 bits) | original length (8 bits).
    private var entries: [UInt32] = []

    var entryCount: Int { entries.count }

    init() {}

    /// Approximate heap footprint, for diagnostics and benchmarks.
    var byteCount: Int { entries.count * 4 + blockFoldedStarts.count * 24 }

    /// Records a unit that does not fold byte for byte. Units must be appended in order; the
    /// identity stretch before it is implied.
    mutating func appendUnit(foldedStart: Int, foldedLength: Int, originalStart: Int, originalLength: Int) {
        precondition(foldedLength <= Self.maximumUnitLength && originalLength <= Self.maximumUnitLength)
        let blockEntryCount = entries.count - (blockFirstEntries.last ?? 0)
        if blockFoldedStarts.isEmpty
            || blockEntryCount >= Self.entriesPerBlock
            || foldedStart - blockFoldedStarts[blockFoldedStarts.count - 1] > Self.maximumRelativeOffset {
            blockFoldedStarts.append(foldedStart)
            blockOriginalStarts.append(originalStart)
            blockFirstEntries.append(entries.count)
        }
        let relative = UInt32(foldedStart - blockFoldedStarts[blockFoldedStarts.count - 1])
        entries.append(relative << 16 | UInt32(foldedLength) << 8 | UInt32(originalLength))
    }

    /// Drops the spare capacity left by appending, which can be as large as the map itself.
    mutating func shrinkToFit() {
        entries = entries.withUnsafeBufferPointer { Array($0) }
        blockFoldedStarts = blockFoldedStarts.withUnsafeBufferPointer { Array($0) }
        blockOriginalStarts = blockOriginalStarts.withUnsafeBufferPointer { Array($0) }
        blockFirstEntries = blockFirstEntries.withUnsafeBufferPointer { Array($0) }
    }

    /// The original range of the whole unit that produced the folded byte at `foldedOffset`.
    func originalUnit(containing foldedOffset: Int) -> Range<Int> {
        guard let block = lastBlock(startingAtOrBefore: foldedOffset) else {
            return foldedOffset..<foldedOffset + 1
        }
        var folded = blockFoldedStarts[block]
        var original = blockOriginalStarts[block]
        let entryEnd = block + 1 < blockFirstEntries.count ? blockFirstEntries[block + 1] : entries.count
        for entry in entries[blockFirstEntries[block]..<entryEnd] {
            let unitFoldedStart = blockFoldedStarts[block] + Int(entry >> 16)
            let foldedLength = Int(entry >> 8 & 0xFF)
            let originalLength = Int(entry & 0xFF)
            if foldedOffset < unitFoldedStart {
                break
            }
            let unitOriginalStart = original + (unitFoldedStart - folded)
            if foldedOffset < unitFoldedStart + foldedLength {
                return unitOriginalStart..<unitOriginalStart + originalLength
            }
            original = unitOriginalStart + originalLength
            folded = unitFoldedStart + foldedLength
        }
        let position = original + (foldedOffset - folded)
        return position..<position + 1
    }

    /// The smallest original range covering every unit that produced `foldedRange`.
    func originalRange(of foldedRange: Range<Int>) -> Range<Int> {
        guard !foldedRange.isEmpty else {
            let position = originalUnit(containing: foldedRange.lowerBound).lowerBound
            return position..<position
        }
        let start = originalUnit(containing: foldedRange.lowerBound).lowerBound
        let end = originalUnit(containing: foldedRange.upperBound - 1).upperBound
        return start..<max(start, end)
    }

    /// The map as bytes, for an index that stores a piece's folding instead of folding it at
    /// every query: the block table as varints (each column as differences, all ascending),
    /// then the entries, 4 bytes each, little-endian.
    var serialized: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 4 + blockFoldedStarts.count * 6 + 8)
        Self.appendVarint(blockFoldedStarts.count, to: &bytes)
        Self.appendVarint(entries.count, to: &bytes)
        var previous = (folded: 0, original: 0, entry: 0)
        for block in blockFoldedStarts.indices {
            Self.appendVarint(blockFoldedStarts[block] - previous.folded, to: &bytes)
            Self.appendVarint(blockOriginalStarts[block] - previous.original, to: &bytes)
            Self.appendVarint(blockFirstEntries[block] - previous.entry, to: &bytes)
            previous = (blockFoldedStarts[block], blockOriginalStarts[block], blockFirstEntries[block])
        }
        for entry in entries {
            bytes.append(UInt8(truncatingIfNeeded: entry))
            bytes.append(UInt8(truncatingIfNeeded: entry >> 8))
            bytes.append(UInt8(truncatingIfNeeded: entry >> 16))
            bytes.append(UInt8(truncatingIfNeeded: entry >> 24))
        }
        return bytes
    }

    /// Reads `serialized` back; nil for bytes it could not have written (a damaged index).
    init?(serialized bytes: UnsafeBufferPointer<UInt8>) {
        var position = 0
        func varint() -> Int? {
            var value = 0
            var shift = 0
            // Five bytes at most: offsets in a piece fit in 32 bits, and sums cannot overflow.
            while position < bytes.count, shift < 35 {
                let byte = bytes[position]
                position += 1
                value |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }
        guard let blockCount = varint(), let entryCount = varint(),
            blockCount <= bytes.count, entryCount <= bytes.count / 4, (blockCount == 0) == (entryCount == 0)
        else { return nil }
        var previous = (folded: 0, original: 0, entry: 0)
        for block in 0..<blockCount {
            guard let folded = varint(), let original = varint(), let entry = varint() else { return nil }
            previous = (previous.folded + folded, previous.original + original, previous.entry + entry)
            guard previous.entry < entryCount, block > 0 || previous.entry == 0 else { return nil }
            blockFoldedStarts.append(previous.folded)
            blockOriginalStarts.append(previous.original)
            blockFirstEntries.append(previous.entry)
        }
        guard bytes.count - position == entryCount * 4 else { return nil }
        entries.reserveCapacity(entryCount)
        for index in 0..<entryCount {
            let offset = position + index * 4
            entries.append(UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
                | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24)
        }
    }

    private static func appendVarint(_ value: Int, to bytes: inout [UInt8]) {
        var rest = UInt(value)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    private func lastBlock(startingAtOrBefore foldedOffset: Int) -> Int? {
        blockFoldedStarts.indexBeforePartition(where: { $0 > foldedOffset })
    }
}
