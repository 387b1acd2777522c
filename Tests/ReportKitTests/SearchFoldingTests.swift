import Foundation
import Testing
@testable import ReportKit

@Suite struct SearchFoldingTests {
    @Test(arguments: [
        // full-width and half-width forms
        ("（一）", "(一)"), ("，", ","), ("１２３", "123"), ("９８．９７％", "98.97%"), ("ｶﾞ", "ガ"),
        // case, including full case folding and full-width letters
        ("ABC", "abc"), ("ＡＢＣ", "abc"), ("Straße", "strasse"), ("ΣΑΣ", "σασ"),
        // other compatibility characters
        ("ﬁle", "file"), ("㈠", "(一)"), ("⑴", "(1)"), ("①", "1"), ("㎡", "m2"),
        // composition: a base letter and its combining mark, after fast-path and slow-path bases
        ("cafe\u{301}", "café"), ("CAFE\u{301}", "café"), ("Å", "å"), ("か\u{3099}", "が"),
        // whitespace between CJK characters disappears, elsewhere it becomes one space
        ("法治\n政府", "法治政府"), ("法 治 政 府", "法治政府"), ("法\u{3000}治", "法治"),
        ("2024年 法治", "2024年法治"), ("钱塘区 2024", "钱塘区2024"), ("“八进”\n活动", "“八进”活动"),
        ("rule\n  of\tlaw", "rule of law"), ("a\u{3000}b", "a b"), (" a ", " a "),
        // characters that fold to themselves
        ("信用修复", "信用修复"), ("。、“”", "。、“”"), ("plain ascii 123", "plain ascii 123"),
    ])
    func foldingTable(original: String, folded: String) {
        #expect(SearchIndex.fold(original) == folded)
    }

    /// The fast path copies U+4000–U+9FFF without asking Foundation; that is only right if
    /// none of them changes under NFKC and case folding.
    @Test func ideographsOnTheFastPathFoldToThemselves() {
        let changing = (0x4000...0x9FFF).compactMap(Unicode.Scalar.init).filter {
            $0.properties.changesWhenNFKCCaseFolded || $0.properties.isWhitespace
        }
        #expect(changing.isEmpty)
    }

    /// The fast path lowercases ASCII by itself; it must agree with the slow path.
    @Test func asciiFastPathAgreesWithFoundation() {
        for value in UInt8(0x21)...UInt8(0x7E) {
            let character = String(UnicodeScalar(value))
            #expect(TextFolder.foldedBytes(character) == ScalarFoldTable.foldedBytes(of: character), "\(character)")
        }
    }

    @Test func sectionBoundariesBecomeSeparators() {
        let text = "前言\n一、甲\n乙\n二、丙\n"
        let offsets = [text.utf8.count - "一、甲\n乙\n二、丙\n".utf8.count, text.utf8.count - "二、丙\n".utf8.count]
        let folded = TextFolder.fold(text, boundaries: offsets)
        #expect(String(decoding: folded.bytes, as: UTF8.self) == "前言\n一、甲乙\n二、丙")
        #expect(folded.boundaryOffsets == [7, 20])
    }

    @Test func mapReturnsWholeOriginalUnits() {
        let text = "Ａ，⑴ x  y\n法"
        let folded = TextFolder.fold(text)
        #expect(String(decoding: folded.bytes, as: UTF8.self) == "a,(1) x y法")
        // Identity characters map byte by byte; changed ones map to the whole original unit.
        let units = folded.bytes.indices.map { folded.map.originalUnit(containing: $0) }
        #expect(units == [
            0..<3, 3..<6, 6..<9, 6..<9, 6..<9, 9..<10, 10..<11, 11..<13, 13..<14, 15..<16, 16..<17, 17..<18,
        ])
    }
}
