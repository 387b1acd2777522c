@testable import ReportKit
import ReportTestSupport
import Testing

/// Snippets are cut on bytes where every scalar is a character by itself; that shortcut must
/// give exactly what the character-by-character walk gives, on any text.
@Suite struct SearchSnippetBytesTests {
    /// Plain report text, with what breaks the shortcut mixed in: combining marks, emoji and
    /// their joiners, CR, soft hyphens, Hangul jamo, kana voicing marks, tone marks.
    static let pieces: [String] = [
        "法治", "政府", "建设", "信用修复", "，", "。", "：", "（一）", "１２３", "ＡＢ", "abc", "2024年", " ", "\n", "\t",
        "\u{3000}", "\u{A0}", "  \n ", "e\u{301}", "\u{1F1E8}\u{1F1F3}", "👩\u{200D}💻", "\r\n", "\u{AD}", "\u{1100}\u{1161}",
        "か\u{3099}", "\u{302A}", "—", "“十四五”", "…", "①", "Ⅷ",
    ]

    @Test func theByteCutEqualsTheCharacterWalk() {
        var random = SplitMix64(seed: 16)
        var compared = 0
        var shortcuts = 0
        for round in 0..<300 {
            // Some texts are plain, so that the shortcut is taken; others mix in everything.
            let plain = round % 2 == 0
            let alphabet = plain ? Array(Self.pieces.prefix(18)) : Self.pieces
            var text = "标题\n\n一、总则\n"
            for _ in 0..<Int.random(in: 20...120, using: &random) {
                text += alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
                if Int.random(in: 0..<15, using: &random) == 0 { text += "\n二、要求\n" }
            }
            let report = ReportParser.parse(text)
            let utf8 = Array(report.text.utf8)
            let starts = utf8.indices.filter { utf8[$0] & 0xC0 != 0x80 }
            for _ in 0..<10 {
                let lower = starts[Int.random(in: 0..<starts.count, using: &random)]
                let upperChoices = starts.filter { $0 >= lower && $0 - lower <= 12 } + (utf8.count - lower <= 12 ? [utf8.count] : [])
                let upper = upperChoices[Int.random(in: 0..<upperChoices.count, using: &random)]
                // Hits start and end on characters, as folded matches do.
                guard Self.isCharacterBoundary(report.text, lower), Self.isCharacterBoundary(report.text, upper) else { continue }
                let range = lower..<upper
                let context = Int.random(in: 0...25, using: &random)
                let container = report.section(containing: lower).map { report.sections[$0].ownRange } ?? report.frontRange
                let bounds = min(container.lowerBound, lower)..<max(container.upperBound, upper)
                let expected = report.characterSnippet(around: range, within: bounds, context: context)
                let found = report.snippet(around: range, context: context)
                #expect(found == expected, "\(text.debugDescription) \(range) context \(context)")
                #expect(String(found.text[found.highlight]) == String(expected.text[expected.highlight]))
                var marked: [UInt8] = Array("前".utf8)
                report.appendSnippet(around: range, context: context, marks: (Array("<<".utf8), Array(">".utf8)), to: &marked)
                let expectedMarked = "前" + found.text[..<found.highlight.lowerBound] + "<<" + found.text[found.highlight] + ">"
                    + found.text[found.highlight.upperBound...]
                #expect(String(decoding: marked, as: UTF8.self) == expectedMarked, "\(text.debugDescription) \(range)")
                compared += 1
                if SimpleSnippet.cut(report.text, around: range, within: bounds, context: context) != nil { shortcuts += 1 }
            }
        }
        // Both ways were exercised.
        #expect(compared > 1000)
        #expect(shortcuts > compared / 4 && shortcuts < compared, "\(shortcuts) of \(compared)")
    }

    /// The byte cut's own whitespace test must be Unicode's, scalar for scalar.
    @Test func theWhiteSpaceTestIsUnicodes() {
        var differing: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if SimpleSnippet.isWhiteSpace(scalar) != scalar.properties.isWhitespace { differing.append(value) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(10).map { String($0, radix: 16) })")
    }

    private static func isCharacterBoundary(_ text: String, _ offset: Int) -> Bool {
        let index = text.utf8.index(text.startIndex, offsetBy: offset)
        return text.indices.contains(index) || index == text.endIndex
    }
}
