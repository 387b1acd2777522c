import FoundationEssentials

/// What folding does to one Unicode scalar.
struct ScalarFold {
    enum Role: UInt8 {
        case normal
        /// Whitespace runs are collapsed or dropped by the folder, never folded one by one.
        case whitespace
        /// Folds to a combining mark (`◌́`, `ﾞ`, a Hangul vowel): NFKC may compose it with the
        /// scalar before it, so the folder folds the two together.
        case joinsPrevious
    }

    let role: Role
    /// Whitespace next to a CJK character is dropped, so a hard-wrapped `法治` / `政府` folds
    /// to `法治政府`.
    let isCJK: Bool
    /// Where the folded UTF-8 bytes sit in the table's pool; `foldedLength < 0` means the scalar
    /// folds to itself.
    let foldedStart: Int32
    let foldedLength: Int32

    var isIdentity: Bool { foldedLength < 0 }
}

/// A cache of scalar folds: Foundation's normalisation costs microseconds per call, far too much
/// for every `，` of a 100 MB report, but a report uses only a few thousand distinct scalars.
struct ScalarFoldTable {
    /// For the Basic Multilingual Plane, index + 1 into `folds` (0 = not computed yet). Empty in
    /// small tables, which use `otherSlots` only, so folding a short query allocates little.
    private var bmpSlots: [Int32]
    private var otherSlots: [UInt32: Int32] = [:]
    private var folds: [ScalarFold] = []
    /// Folded bytes of every non-identity scalar, back to back.
    private(set) var pool: [UInt8] = []
    private var groupCache: [[UInt8]: [UInt8]] = [:]

    init(forLargeText: Bool) {
        bmpSlots = forLargeText ? [Int32](repeating: 0, count: 0x10000) : []
    }

    mutating func fold(of scalar: UInt32) -> ScalarFold {
        if scalar < 0x10000, !bmpSlots.isEmpty {
            let slot = bmpSlots[Int(scalar)]
            if slot != 0 { return folds[Int(slot) - 1] }
            let fold = computeFold(of: scalar)
            bmpSlots[Int(scalar)] = Int32(folds.count)
            return fold
        }
        if let slot = otherSlots[scalar] { return folds[Int(slot) - 1] }
        let fold = computeFold(of: scalar)
        otherSlots[scalar] = Int32(folds.count)
        return fold
    }

    /// Folds a base character together with the marks that follow it.
    mutating func foldedGroup(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let key = Array(utf8)
        if let cached = groupCache[key] { return cached }
        let folded = Self.foldedBytes(of: String(decoding: utf8, as: UTF8.self))
        groupCache[key] = folded
        return folded
    }

    /// Appends the fold to `folds` and returns it.
    private mutating func computeFold(of value: UInt32) -> ScalarFold {
        guard let scalar = Unicode.Scalar(value) else {
            preconditionFailure("decoded an invalid scalar \(value) from a Swift string")
        }
        let isCJK = Self.isCJK(value)
        if scalar.properties.isWhitespace {
            let fold = ScalarFold(role: .whitespace, isCJK: false, foldedStart: 0, foldedLength: -1)
            folds.append(fold)
            return fold
        }
        let original = String(Character(scalar))
        let folded = Self.foldedBytes(of: original)
        let foldedScalars = String(decoding: folded, as: UTF8.self).unicodeScalars
        let role: ScalarFold.Role = foldedScalars.first.map(Self.isMark) == true ? .joinsPrevious : .normal
        let fold: ScalarFold
        if folded.elementsEqual(original.utf8) || folded.isEmpty {
            fold = ScalarFold(role: role, isCJK: isCJK, foldedStart: 0, foldedLength: -1)
        } else {
            fold = ScalarFold(role: role, isCJK: isCJK, foldedStart: Int32(pool.count), foldedLength: Int32(folded.count))
            pool.append(contentsOf: folded)
        }
        folds.append(fold)
        return fold
    }

    /// NFKC, then case folding, then NFKC again because case folding can leave
    /// the result decomposed (`ｶﾞ` would end as `カ` + `◌゙` instead of `ガ`); last, traditional
    /// characters become simplified (after NFKC, which turns compatibility ideographs into
    /// unified ones). A line feed never survives: the folded text reserves it for section
    /// boundaries.
    static func foldedBytes(of text: String) -> [UInt8] {
        let folded = SimplifiedFolding.shared.folding(
            ICUNormalization.nfkc(ICUNormalization.caseFolded(ICUNormalization.nfkc(text))))
        return folded.utf8.map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: " ") : $0 }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return (0x1160...0x11FF).contains(scalar.value)  // conjoining Hangul vowels and finals
        }
    }

    /// Scripts and symbols written without spaces between words: Han, kana, bopomofo, CJK
    /// punctuation and full-width forms. Hangul is left out because Korean separates words.
    static func isCJK(_ value: UInt32) -> Bool {
        switch value {
        case 0x2E80...0x2FFF, 0x3001...0x312F, 0x3190...0x33FF, 0x3400...0x9FFF, 0xF900...0xFAFF,
             0xFE10...0xFE1F, 0xFE30...0xFE6F, 0xFF01...0xFF9F, 0xFFE0...0xFFEE,
             0x1F200...0x1F2FF, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }
}
