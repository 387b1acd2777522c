/// Toneless Mandarin readings of Han characters (Unihan, see scripts/generate-han-tables.py),
/// every reading of a heteronym included, for matching pinyin typed in place of characters.
struct HanReadings: Sendable {
    static let shared = HanReadings()

    /// Unified ideographs and extension A, where nearly every character of a report lies, are
    /// looked up in flat arrays; the rest in a dictionary.
    private static let flatRange: Range<UInt32> = 0x3400..<0xA000

    /// Syllable spellings in lowercase ASCII, `ü` as `v`; ids index this array.
    let syllables: [[UInt8]]
    /// For each scalar of `flatRange`: where its syllable ids start in `flatIDs`; one more
    /// entry than scalars, so that `flatStarts[i + 1]` ends the list.
    private let flatStarts: [UInt32]
    private let flatIDs: [UInt16]
    /// For each scalar of `flatRange`, bit `letter - a` is set when some reading starts with it.
    private let flatInitials: [UInt32]
    private let otherIDs: [UInt32: [UInt16]]

    private init() {
        var perScalar: [UInt32: [UInt16]] = [:]
        var syllables: [[UInt8]] = []
        for (spelling, encoded) in HanReadingsTable.syllables {
            let id = UInt16(syllables.count)
            syllables.append(Array(spelling.utf8))
            for scalar in HanTableDecoding.ascending(fromDeltas: HanTableDecoding.numbers(in: encoded)) {
                perScalar[scalar, default: []].append(id)
            }
        }
        var starts: [UInt32] = []
        var ids: [UInt16] = []
        var initials: [UInt32] = []
        starts.reserveCapacity(Self.flatRange.count + 1)
        initials.reserveCapacity(Self.flatRange.count)
        for scalar in Self.flatRange {
            starts.append(UInt32(ids.count))
            let own = perScalar.removeValue(forKey: scalar) ?? []
            ids += own
            initials.append(own.reduce(0) { $0 | Self.initialBit(of: syllables[Int($1)]) })
        }
        starts.append(UInt32(ids.count))
        self.syllables = syllables
        flatStarts = starts
        flatIDs = ids
        flatInitials = initials
        otherIDs = perScalar
    }

    /// The syllable ids of a scalar's readings; empty when it has none.
    func readings(of scalar: UInt32) -> ArraySlice<UInt16> {
        if Self.flatRange.contains(scalar) {
            let index = Int(scalar - Self.flatRange.lowerBound)
            return flatIDs[Int(flatStarts[index])..<Int(flatStarts[index + 1])]
        }
        return otherIDs[scalar].map { $0[...] } ?? []
    }

    /// Whether some reading of the scalar starts with `letter` (lowercase ASCII): one load for
    /// the common characters, so that a scan rejects most positions at once.
    func hasReading(of scalar: UInt32, startingWith letter: UInt8) -> Bool {
        if Self.flatRange.contains(scalar) {
            return flatInitials[Int(scalar - Self.flatRange.lowerBound)] & Self.initialBit(letter) != 0
        }
        guard let ids = otherIDs[scalar] else { return false }
        return ids.contains { syllables[Int($0)].first == letter }
    }

    private static func initialBit(of syllable: [UInt8]) -> UInt32 {
        syllable.first.map(initialBit) ?? 0
    }

    private static func initialBit(_ letter: UInt8) -> UInt32 {
        let offset = letter &- UInt8(ascii: "a")
        return offset < 26 ? 1 << UInt32(offset) : 0
    }
}
