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

    private func lastBlock(startingAtOrBefore foldedOffset: Int) -> Int? {
        blockFoldedStarts.indexBeforePartition(where: { $0 > foldedOffset })
    }
}
