import Foundation
import Testing

@testable import ReportKit

/// The folds moved from Foundation to the system ICU (so report-browser need not load
/// Foundation); the index stores folded text, so any scalar whose fold changed would make an
/// old index disagree with a fresh search. These compare the two for every scalar.
@Suite struct FoundationFoldingParityTests {
    private static func foundationFold(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive], locale: nil)
            .precomposedStringWithCompatibilityMapping
    }

    private static func icuFold(_ text: String) -> String {
        ICUNormalization.nfkc(ICUNormalization.caseFolded(ICUNormalization.nfkc(text)))
    }

    private static var everyScalar: some Sequence<Unicode.Scalar> {
        (UInt32(0)...0x10FFFF).lazy.compactMap(Unicode.Scalar.init)
    }

    @Test func compatibilityMappingAgreesForEveryScalar() {
        var differences: [String] = []
        for scalar in Self.everyScalar {
            let text = String(Character(scalar))
            let old = text.precomposedStringWithCompatibilityMapping
            let new = ICUNormalization.nfkc(text)
            if old != new { differences.append(Self.describe(scalar, old, new)) }
        }
        #expect(differences.isEmpty, "\(differences.count) differ: \(differences.prefix(40).joined(separator: "; "))")
    }

    @Test func searchFoldAgreesForEveryScalar() {
        var differences: [String] = []
        for scalar in Self.everyScalar {
            let text = String(Character(scalar))
            let old = Self.foundationFold(text)
            let new = Self.icuFold(text)
            if old != new, !Self.isUnderstood(scalar, old: old, new: new) { differences.append(Self.describe(scalar, old, new)) }
        }
        #expect(differences.isEmpty, "\(differences.count) differ: \(differences.prefix(40).joined(separator: "; "))")
    }

    /// The folds that changed (181 scalars, none Han, kana or Latin; IndexSchema's folding
    /// fingerprint holds two of them, so older indexes are rebuilt): ICU folds case as
    /// Unicode's CaseFolding.txt says, CoreFoundation by older tables of its own.
    private static func isUnderstood(_ scalar: Unicode.Scalar, old: String, new: String) -> Bool {
        let text = String(scalar)
        switch scalar.value {
        case 0x13A0...0x13FD, 0xAB70...0xABBF:
            // Since Unicode 8 Cherokee folds to its capitals, which came first; CoreFoundation
            // folds it to the small letters that were added then.
            return new == text.uppercased() && old == text.lowercased()
        case 0x1C80...0x1C88:
            // Unicode 9's variant Cyrillic small letters (rounded ve, tall te, …) fold to the
            // plain letters; CoreFoundation's tables leave them alone.
            return old == text && new.unicodeScalars.count == 1 && new.unicodeScalars.allSatisfy(\.properties.isLowercase)
        default:
            return false
        }
    }

    /// Marks fold together with the character before them (ScalarFoldTable.foldedGroup): every
    /// combining mark of the BMP after bases from each script the reports mix.
    @Test func searchFoldAgreesForBasesWithMarks() {
        let bases: [Unicode.Scalar] = ["A", "e", "I", "o", "ß", "İ", "Σ", "ｶ", "か", "ハ", "ᄀ", "가", "字", "①", "ﬀ", "Å"]
        let marks = (UInt32(0x300)...0xFFFF).compactMap(Unicode.Scalar.init).filter {
            [.nonspacingMark, .spacingMark, .enclosingMark].contains($0.properties.generalCategory)
        }
        var differences: [String] = []
        for base in bases {
            for mark in marks {
                var text = String.UnicodeScalarView()
                text.append(base)
                text.append(mark)
                let string = String(text)
                let old = Self.foundationFold(string)
                let new = Self.icuFold(string)
                if old != new { differences.append("\(Self.hex(string.unicodeScalars)): \(Self.hex(old.unicodeScalars)) → \(Self.hex(new.unicodeScalars))") }
            }
        }
        #expect(marks.count > 1000)
        #expect(differences.isEmpty, "\(differences.count) differ: \(differences.prefix(40).joined(separator: "; "))")
    }

    private static func describe(_ scalar: Unicode.Scalar, _ old: String, _ new: String) -> String {
        "U+\(String(scalar.value, radix: 16, uppercase: true)): \(hex(old.unicodeScalars)) → \(hex(new.unicodeScalars))"
    }

    private static func hex(_ scalars: String.UnicodeScalarView) -> String {
        scalars.map { String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
    }
}
