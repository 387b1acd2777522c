/// Which original characters can fold into a text containing a given ideograph, so that a scan
/// of the unfolded text for those few byte strings finds every place a folded match could be.
///
/// An ideograph of U+4000–U+9FFF that folds to itself comes out of the folder from three kinds
/// of source: itself; a traditional character the Unihan table simplifies to it (any plane);
/// and a compatibility character whose NFKC form holds it (`⼀` KANGXI RADICAL ONE, `㈠`,
/// `㊀`, `〸`, `豈`, `🈐`). The last kind lives only in `compatibilityRanges`; a test folds
/// every scalar of Unicode to hold that true, so a new table or OS update that broke it fails
/// there rather than silently missing hits.
enum FoldSources {
    /// Blocks whose scalars may fold to text containing an ideograph of U+4000–U+9FFF, apart
    /// from traditional characters.
    static let compatibilityRanges: [ClosedRange<UInt32>] = [
        0x2E80...0x2FFF,  // CJK radicals supplement, Kangxi radicals, ideographic description
        0x3030...0x303F,  // Hangzhou numerals 〸〹〺 and their neighbours
        0x3190...0x319F,  // kanbun
        0x3200...0x33FF,  // enclosed CJK letters and months, CJK compatibility (㈠ ㊀ ㍻)
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0x1F200...0x1F2FF,  // enclosed ideographic supplement (🈐)
        0x2F800...0x2FA1F,  // CJK compatibility ideographs supplement
    ]

    static func isCompatibilitySource(_ scalar: UInt32) -> Bool {
        compatibilityRanges.contains { $0.contains(scalar) }
    }

    /// Whether the folder copies `scalar` unchanged on its fast path: an ideograph of
    /// U+4000–U+9FFF that is not traditional-only.
    static func foldsToItself(_ scalar: UInt32) -> Bool {
        guard SimplifiedFolding.fastRange.contains(scalar) else { return false }
        let bit = Int(scalar - SimplifiedFolding.fastRange.lowerBound)
        return SimplifiedFolding.shared.fastRangeBits[bit >> 6] & (1 << UInt64(bit & 63)) == 0
    }

    /// The scalar itself and every traditional character folding to it; compatibility
    /// characters are found by `CompatibilityScan` and checked one by one.
    static func plainSources(of scalar: UInt32) -> [UInt32] {
        [scalar] + SimplifiedFolding.shared.traditionalForms(of: scalar)
    }
}

/// Finds, in UTF-8 bytes, every scalar of `FoldSources.compatibilityRanges`, by their first
/// two or three bytes, sixteen positions at a time. Such characters are rare in reports, so
/// the scan is one pass of vector compares with almost no lanes to look at.
enum CompatibilityScan {
    static func offsets(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var found: [Int] = []
        guard let base = bytes.baseAddress else { return found }
        let count = bytes.count
        var position = 0
        let raw = UnsafeRawPointer(base)
        // Every operand a vector: comparing with a scalar literal compiles to a loop over the
        // lanes. Only equality and masks, as in `ByteSearcher`; ranges of second and third
        // bytes are tested as `(byte - low) & ~(width - 1) == 0` with a power-of-two width, a
        // superset where needed, which `isSource` then narrows lane by lane.
        func splat(_ value: UInt8) -> SIMD16<UInt8> { SIMD16(repeating: value) }
        let (e2, e3, ef, f0) = (splat(0xE2), splat(0xE3), splat(0xEF), splat(0xF0))
        let (x80, x86, x9F, xAF) = (splat(0x80), splat(0x86), splat(0x9F), splat(0xAF))
        let (xB8, x88, xB0, x90, xA4, xA0) = (splat(0xB8), splat(0x88), splat(0xB0), splat(0x90), splat(0xA4), splat(0xA0))
        let (keep8, keep16, keep4, zero) = (splat(0xF8), splat(0xF0), splat(0xFC), splat(0))
        // Loads reach position + 2 + 15.
        while position + 18 <= count {
            let b0 = raw.loadUnaligned(fromByteOffset: position, as: SIMD16<UInt8>.self)
            let b1 = raw.loadUnaligned(fromByteOffset: position + 1, as: SIMD16<UInt8>.self)
            let b2 = raw.loadUnaligned(fromByteOffset: position + 2, as: SIMD16<UInt8>.self)
            let isE3 = b0 .== e3
            let isF0 = b0 .== f0
            let hits =
                ((b0 .== e2) .& (((b1 &- xB8) & keep8) .== zero))  // U+2E00–U+2FFF, narrowed below
                .| (isE3 .& (b1 .== x80) .& (((b2 &- xB0) & keep16) .== zero))  // U+3030–U+303F
                .| (isE3 .& (b1 .== x86) .& (((b2 &- x90) & keep16) .== zero))  // U+3190–U+319F
                .| (isE3 .& (((b1 &- x88) & keep8) .== zero))  // U+3200–U+33FF
                .| ((b0 .== ef) .& (((b1 &- xA4) & keep8) .== zero))  // U+F900–U+FAFF
                .| (isF0 .& (b1 .== x9F) .& (((b2 &- x88) & keep4) .== zero))  // U+1F200–U+1F2FF
                .| (isF0 .& (b1 .== xAF) .& (((b2 &- xA0) & keep16) .== zero))  // U+2F800–U+2FBFF, narrowed below
            if hits.anyLane {
                for lane in 0..<16 where hits[lane] && isSource(bytes, at: position + lane) { found.append(position + lane) }
            }
            position += 16
        }
        while position < count {
            if isSource(bytes, at: position) { found.append(position) }
            position += 1
        }
        return found
    }

    /// The same test for one position, near the end of the bytes.
    private static func isSource(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let lead = bytes[position]
        guard lead == 0xE2 || lead == 0xE3 || lead == 0xEF || lead == 0xF0, position + 1 < bytes.count else { return false }
        let b1 = bytes[position + 1]
        let b2 = position + 2 < bytes.count ? bytes[position + 2] : 0
        switch lead {
        case 0xE2: return (0xBA...0xBF).contains(b1)
        case 0xE3: return (b1 == 0x80 && (0xB0...0xBF).contains(b2)) || (b1 == 0x86 && (0x90...0x9F).contains(b2)) || (0x88...0x8F).contains(b1)
        case 0xEF: return (0xA4...0xAB).contains(b1)
        default: return (b1 == 0x9F && (0x88...0x8B).contains(b2)) || (b1 == 0xAF && (0xA0...0xA8).contains(b2))
        }
    }
}
