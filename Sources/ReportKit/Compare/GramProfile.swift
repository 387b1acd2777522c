/// Sets of hashed character trigrams of each section's folded text: the body fingerprint the
/// aligner compares. Only letters and digits count, so punctuation changes (`:` → `：`, quotes)
/// and spacing are invisible. Trigrams rather than bigrams because two-character words
/// (行政, 复议) occur in every article of a law; rather than longer shingles because a revision
/// rewrites most phrases a little.
struct GramProfile {
    private let report: Report
    private let folded: FoldedSections
    private let keepOneIn: UInt32
    private var ownCache: [[UInt32]?]

    /// - Parameter keepOneIn: sampling: only trigrams whose hash is divisible by this are kept,
    ///   the same ones on both sides, so shares stay unbiased while memory stays bounded.
    init(_ report: Report, folded: FoldedSections, keepOneIn: UInt32) {
        self.report = report
        self.folded = folded
        self.keepOneIn = keepOneIn
        // Computed on demand: sections that pair up unchanged never need theirs.
        ownCache = Array(repeating: nil, count: report.sections.count)
    }

    /// Sorted, unique trigram hashes of the section's own text.
    mutating func own(_ index: Int) -> [UInt32] {
        if let cached = ownCache[index] { return cached }
        let grams = Self.trigrams(folded.bytes[folded.contentRanges[index]], keepOneIn: keepOneIn)
        ownCache[index] = grams
        return grams
    }

    /// Sorted, unique trigram hashes of the section with all its descendants, which follow it
    /// in pre-order.
    mutating func subtree(_ index: Int) -> [UInt32] {
        var last = index
        while let child = report.sections[last].children.last { last = child }
        guard last > index else { return own(index) }
        var merged: [UInt32] = []
        for member in index...last { merged += own(member) }
        merged.sort()
        return Self.unique(merged)
    }

    /// Every trigram kept for a text of this many folded bytes, for choosing `keepOneIn`.
    static func samplingRate(totalFoldedBytes: Int) -> UInt32 {
        // About three bytes per CJK character; above ~8 million trigrams per side, sample.
        let trigrams = totalFoldedBytes / 3
        let budget = 8_000_000
        return UInt32(max(1, (trigrams + budget - 1) / budget))
    }

    static func trigrams(_ bytes: ArraySlice<UInt8>, keepOneIn: UInt32) -> [UInt32] {
        var grams: [UInt32] = []
        var previous: (UInt32, UInt32) = (0, 0)
        var seen = 0
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let (scalar, length) = Self.decode(buffer, at: offset)
                offset += length
                guard Self.counts(scalar) else { continue }
                seen += 1
                if seen >= 3 {
                    let hash = Self.mix(previous.0, previous.1, scalar)
                    if keepOneIn == 1 || hash % keepOneIn == 0 { grams.append(hash) }
                }
                previous = (previous.1, scalar)
            }
        }
        grams.sort()
        return unique(grams)
    }

    static func unique(_ sorted: [UInt32]) -> [UInt32] {
        guard !sorted.isEmpty else { return sorted }
        var result: [UInt32] = [sorted[0]]
        result.reserveCapacity(sorted.count)
        for value in sorted.dropFirst() where value != result[result.count - 1] { result.append(value) }
        return result
    }

    private static func counts(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x30...0x39, 0x61...0x7A: return true
        case 0x3400...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return true
        case ..<0x80: return false
        default: return Unicode.Scalar(scalar).map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false
        }
    }

    private static func mix(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt32 {
        var hash = UInt64(a) &* 0x9E37_79B9_7F4A_7C15
        hash ^= UInt64(b) &* 0xC2B2_AE3D_27D4_EB4F
        hash ^= UInt64(c) &* 0x1656_67B1_9E37_79F9
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 32
        return UInt32(truncatingIfNeeded: hash)
    }

    private static func decode(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) -> (UInt32, Int) {
        let lead = UInt32(buffer[offset])
        switch lead {
        case ..<0x80: return (lead, 1)
        case ..<0xE0 where offset + 1 < buffer.count:
            return ((lead & 0x1F) << 6 | UInt32(buffer[offset + 1] & 0x3F), 2)
        case ..<0xF0 where offset + 2 < buffer.count:
            return ((lead & 0x0F) << 12 | UInt32(buffer[offset + 1] & 0x3F) << 6 | UInt32(buffer[offset + 2] & 0x3F), 3)
        case 0xF0... where offset + 3 < buffer.count:
            return ((lead & 0x07) << 18 | UInt32(buffer[offset + 1] & 0x3F) << 12
                | UInt32(buffer[offset + 2] & 0x3F) << 6 | UInt32(buffer[offset + 3] & 0x3F), 4)
        default: return (0, 1)
        }
    }
}

/// Character bigrams of a heading after folding, for comparing headings that were reworded.
enum HeadingBigrams {
    static func of(_ heading: Substring) -> Set<String> {
        let folded = String(decoding: TextFolder.foldedBytes(String(heading)), as: UTF8.self)
        let characters = folded.filter { $0.isLetter || $0.isNumber }.map { $0 }
        guard characters.count > 1 else { return characters.isEmpty ? [] : [String(characters)] }
        var grams = Set<String>()
        for offset in 0..<(characters.count - 1) { grams.insert(String(characters[offset...offset + 1])) }
        return grams
    }

    static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }
}
