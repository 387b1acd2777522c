/// Finds Han text whose pronunciation is a typed pinyin string: `xinyong` and `xyxf` both find
/// 信用修复. Each character takes either a whole reading (any of a heteronym's), its initial
/// letter, or its initial `zh`/`ch`/`sh`; the last character may take any beginning of a
/// reading, so a query being typed (`xinyongx`) keeps matching. A match therefore always
/// matches every shorter beginning of the query at the same place too.
struct PinyinMatcher {
    /// Lowercase ASCII letters.
    let query: [UInt8]
    private let readings: HanReadings
    /// Positions already known not to finish the query: (characters consumed, letters
    /// consumed), stamped with the start they were learned at, so nothing needs clearing.
    private var failed: [UInt32]
    private var stamp: UInt32 = 0

    /// Longer runs of letters are not pinyin anyone types; the memo grows with the square.
    static let maximumLength = 120

    /// nil unless `query` is one to `maximumLength` ASCII letters; they are lowercased.
    init?(query: some Collection<UInt8>, readings: HanReadings = .shared) {
        guard !query.isEmpty, query.count <= Self.maximumLength, query.allSatisfy({ ($0 | 0x20) &- UInt8(ascii: "a") < 26 }) else { return nil }
        self.query = query.map { $0 | 0x20 }
        self.readings = readings
        failed = [UInt32](repeating: 0, count: (self.query.count + 1) * (self.query.count + 1))
    }

    /// Every folded offset in `range` where a match starts, with the end of the shortest match
    /// there, ascending. Matches may overlap. nil when `cancellation` was cancelled meanwhile.
    mutating func matches(
        in text: UnsafeBufferPointer<UInt8>, range: Range<Int>, cancellation: SearchCancellation? = nil
    ) -> [(start: Int, end: Int)]? {
        var found: [(start: Int, end: Int)] = []
        let first = query[0]
        var position = range.lowerBound
        var nextCheck = position + SearchCancellation.checkInterval
        while position < range.upperBound {
            if position >= nextCheck {
                if cancellation?.isCancelled == true { return nil }
                nextCheck = position + SearchCancellation.checkInterval
            }
            let lead = text[position]
            guard lead >= 0xE3 else {
                position += 1
                continue
            }
            guard let (scalar, length) = Self.scalar(in: text, at: position, limit: range.upperBound) else {
                position += 1
                continue
            }
            if readings.hasReading(of: scalar, startingWith: first) {
                stamp &+= 1
                if let end = match(in: text, at: position, limit: range.upperBound, characters: 0, letters: 0) {
                    found.append((position, end))
                }
            }
            position += length
        }
        return found
    }

    /// The same as `matches(in:range:)`, looking only at `starts` (ascending), which must hold
    /// every place a match can start, such as the matches of a beginning of the query.
    mutating func matches(
        in text: UnsafeBufferPointer<UInt8>, range: Range<Int>, amongStarts starts: [Int],
        cancellation: SearchCancellation? = nil
    ) -> [(start: Int, end: Int)]? {
        var found: [(start: Int, end: Int)] = []
        for (count, position) in starts.enumerated() where range.contains(position) {
            if count & 0xFFF == 0, cancellation?.isCancelled == true { return nil }
            stamp &+= 1
            if let end = match(in: text, at: position, limit: range.upperBound, characters: 0, letters: 0) {
                found.append((position, end))
            }
        }
        return found
    }

    /// The end of a match of `query[letters...]` starting at `position`, or nil.
    private mutating func match(
        in text: UnsafeBufferPointer<UInt8>, at position: Int, limit: Int, characters: Int, letters: Int
    ) -> Int? {
        let state = characters * (query.count + 1) + letters
        if failed[state] == stamp { return nil }
        guard let (scalar, length) = Self.scalar(in: text, at: position, limit: limit) else { return nil }
        let rest = query[letters...]
        let next = position + length
        for id in readings.readings(of: scalar) {
            let syllable = readings.syllable(id)
            guard syllable.first == rest.first else { continue }
            if rest.count <= syllable.count, syllable.starts(with: rest) { return next }
            // The whole syllable, then `zh`/`ch`/`sh`, then the initial alone (no array: this
            // runs for every candidate position of a scan).
            var take = syllable.count
            while take > 0 {
                if take < rest.count, rest.starts(with: syllable[..<take]),
                    let end = match(in: text, at: next, limit: limit, characters: characters + 1, letters: letters + take)
                {
                    return end
                }
                take = Self.nextShorterTake(after: take, of: syllable)
            }
        }
        failed[state] = stamp
        return nil
    }

    /// After trying `take` letters of `syllable`, the next shorter share a character may take
    /// when others follow: its initial `zh`/`ch`/`sh`, then its first letter; 0 when done.
    private static func nextShorterTake(after take: Int, of syllable: UnsafeBufferPointer<UInt8>) -> Int {
        if take > 2, syllable[1] == UInt8(ascii: "h"),
            syllable[0] == UInt8(ascii: "z") || syllable[0] == UInt8(ascii: "c") || syllable[0] == UInt8(ascii: "s")
        {
            return 2
        }
        return take > 1 ? 1 : 0
    }

    /// The Han scalar at `position` (three- or four-byte UTF-8), or nil for anything else.
    private static func scalar(in text: UnsafeBufferPointer<UInt8>, at position: Int, limit: Int) -> (UInt32, Int)? {
        guard position < limit else { return nil }
        let lead = text[position]
        if lead & 0xF0 == 0xE0, position + 2 < limit {
            let value = UInt32(lead & 0x0F) << 12 | UInt32(text[position + 1] & 0x3F) << 6 | UInt32(text[position + 2] & 0x3F)
            return value >= 0x3400 ? (value, 3) : nil
        }
        if lead & 0xF8 == 0xF0, position + 3 < limit {
            let value = UInt32(lead & 0x07) << 18 | UInt32(text[position + 1] & 0x3F) << 12
                | UInt32(text[position + 2] & 0x3F) << 6 | UInt32(text[position + 3] & 0x3F)
            return (0x20000..<0x40000).contains(value) ? (value, 4) : nil
        }
        return nil
    }
}
