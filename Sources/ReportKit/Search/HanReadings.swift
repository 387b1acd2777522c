/// Toneless Mandarin readings of Han characters (Unihan, see scripts/generate-han-tables.py),
/// every reading of a heteronym included, for matching pinyin typed in place of characters.
///
/// Decoded once per process into buffers that are never freed, so a scan of 100 MB reads them
/// without retains or bounds checks.
struct HanReadings: @unchecked Sendable {
    static let shared = HanReadings()

    /// Unified ideographs and extension A, where nearly every character of a report lies, are
    /// looked up in flat tables; the rest in a dictionary.
    private static let flatRange: Range<UInt32> = 0x3400..<0xA000

    let syllableCount: Int
    /// Syllable spellings in lowercase ASCII, `ü` as `v`, back to back; syllable `id` is
    /// `syllableBytes[syllableStarts[id]..<syllableStarts[id + 1]]`.
    private let syllableBytes: UnsafePointer<UInt8>
    private let syllableStarts: UnsafePointer<Int32>
    /// For each scalar of `flatRange`: where its syllable ids start in `flatIDs`; one more
    /// entry than scalars, so that `flatStarts[i + 1]` ends the list.
    private let flatStarts: UnsafePointer<UInt32>
    private let flatIDs: UnsafePointer<UInt16>
    /// For each scalar of `flatRange`, bit `letter - a` is set when some reading starts with it.
    private let flatInitials: UnsafePointer<UInt32>
    /// Scalars outside `flatRange`: where their ids are in `flatIDs`, after the flat ones.
    private let otherIDs: [UInt32: Range<Int>]

    private init() {
        var perScalar: [UInt32: [UInt16]] = [:]
        var spellings: [UInt8] = []
        var spellingStarts: [Int32] = []
        for (id, (spelling, encoded)) in HanReadingsTable.syllables.enumerated() {
            spellingStarts.append(Int32(spellings.count))
            spellings += spelling.utf8
            for scalar in HanTableDecoding.ascending(fromDeltas: HanTableDecoding.numbers(in: encoded)) {
                perScalar[scalar, default: []].append(UInt16(id))
            }
        }
        spellingStarts.append(Int32(spellings.count))
        var starts: [UInt32] = []
        var ids: [UInt16] = []
        var initials: [UInt32] = []
        for scalar in Self.flatRange {
            starts.append(UInt32(ids.count))
            let own = perScalar.removeValue(forKey: scalar) ?? []
            ids += own
            initials.append(own.reduce(0) { $0 | Self.initialBit(spellings[Int(spellingStarts[Int($1)])]) })
        }
        starts.append(UInt32(ids.count))
        var others: [UInt32: Range<Int>] = [:]
        for (scalar, own) in perScalar.sorted(by: { $0.key < $1.key }) {
            others[scalar] = ids.count..<ids.count + own.count
            ids += own
        }
        syllableCount = spellingStarts.count - 1
        syllableBytes = Self.immortal(spellings)
        syllableStarts = Self.immortal(spellingStarts)
        flatStarts = Self.immortal(starts)
        flatIDs = Self.immortal(ids)
        flatInitials = Self.immortal(initials)
        otherIDs = others
    }

    /// A syllable's spelling.
    func syllable(_ id: UInt16) -> UnsafeBufferPointer<UInt8> {
        let start = Int(syllableStarts[Int(id)])
        return UnsafeBufferPointer(start: syllableBytes + start, count: Int(syllableStarts[Int(id) + 1]) - start)
    }

    /// The syllable ids of a scalar's readings; empty when it has none.
    func readings(of scalar: UInt32) -> UnsafeBufferPointer<UInt16> {
        if Self.flatRange.contains(scalar) {
            let index = Int(scalar - Self.flatRange.lowerBound)
            let start = Int(flatStarts[index])
            return UnsafeBufferPointer(start: flatIDs + start, count: Int(flatStarts[index + 1]) - start)
        }
        guard let range = otherIDs[scalar] else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: flatIDs + range.lowerBound, count: range.count)
    }

    /// Whether some reading of the scalar starts with `letter` (lowercase ASCII): one load for
    /// the common characters, so that a scan rejects most positions at once.
    func hasReading(of scalar: UInt32, startingWith letter: UInt8) -> Bool {
        if Self.flatRange.contains(scalar) {
            return flatInitials[Int(scalar - Self.flatRange.lowerBound)] & Self.initialBit(letter) != 0
        }
        return readings(of: scalar).contains { syllable($0).first == letter }
    }

    private static func initialBit(_ letter: UInt8) -> UInt32 {
        let offset = letter &- UInt8(ascii: "a")
        return offset < 26 ? 1 << UInt32(offset) : 0
    }

    private static func immortal<Element>(_ values: [Element]) -> UnsafePointer<Element> {
        let storage = UnsafeMutablePointer<Element>.allocate(capacity: max(1, values.count))
        storage.initialize(from: values, count: values.count)
        return UnsafePointer(storage)
    }
}
