import ReportTestSupport
import Testing
@testable import ReportKit

/// `MarkerPrefix.match` decodes fewer scalars than the full prefix when the marker ends early:
/// it must find exactly what `MarkerScanner.match` finds in the full prefix, with the same
/// scalars and offsets up to where the content starts.
@Suite struct MarkerPrefixTests {
    /// Pieces lines are made of: every numbering style, with long numerals that cross the short
    /// prefix, full-width digits and punctuation, spaces of every width, and invalid bytes.
    static let pieces: [[UInt8]] = [
        "一", "二", "十", "百", "千", "万", "零", "〇", "两", "壹", "一万一千零八十七", "十二",
        "1", "2", "9", "0", "12", "123456", "1234567", "１", "２", "０", "１２", "٣",
        "（", "）", "(", ")", "、", ".", "．", "。", "#", "###", "第", "条", "章", "节", "编", "部", "分",
        "附", "件", "附件", "①", "⑳", "⑴", "㉑", "㊱", " ", "　", "\t", "  ", "　　", "\u{00A0}",
        "强化", "述职", "年", "月", "a", "Z", "x.", "“", "\r", "\u{0007}", "😀", "é",
    ].map { Array($0.utf8) } + [[0xFF], [0xE4, 0xB8], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x80]]

    static func check(_ line: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        line.withUnsafeBufferPointer { bytes in
            var fullScalars: [Unicode.Scalar] = []
            var fullOffsets: [Int] = []
            UTF8Scalars.prefix(bytes, in: 0..<bytes.count, limit: MarkerScanner.prefixLength, into: &fullScalars, offsets: &fullOffsets)
            let expected = MarkerScanner.match(fullScalars)
            // Buffers left long and short by earlier lines, as the scan reuses them.
            for leftover in [0, 3, 40] {
                var scalars = [Unicode.Scalar](repeating: "x", count: leftover)
                var offsets = [Int](repeating: -1, count: leftover + 1)
                let found = MarkerPrefix.match(bytes, in: 0..<bytes.count, scalars: &scalars, offsets: &offsets)
                #expect(found == expected, "\(line)", sourceLocation: sourceLocation)
                let kept = expected.map { $0.contentStart } ?? fullScalars.count
                #expect(Array(scalars.prefix(kept)) == Array(fullScalars.prefix(kept)), sourceLocation: sourceLocation)
                #expect(Array(offsets.prefix(kept + 1)) == Array(fullOffsets.prefix(kept + 1)), sourceLocation: sourceLocation)
                if expected == nil { #expect(scalars == fullScalars, sourceLocation: sourceLocation) }
            }
        }
    }

    @Test func randomLinesMatchTheFullPrefix() {
        var random = SplitMix64(seed: 0x5EED_11)
        var matched = 0
        for _ in 0..<20_000 {
            var line: [UInt8] = []
            for _ in 0..<Int.random(in: 0...14, using: &random) {
                line += Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &random)]
            }
            Self.check(line)
            if line.withUnsafeBufferPointer({ bytes -> Bool in
                var scalars: [Unicode.Scalar] = [], offsets: [Int] = []
                return MarkerPrefix.match(bytes, in: 0..<bytes.count, scalars: &scalars, offsets: &offsets) != nil
            }) { matched += 1 }
        }
        // The generator must reach the matcher's successes, not only its refusals.
        #expect(matched > 500)
    }

    /// Markers ending on each side of the short prefix's end, and spaces running across it.
    @Test func markersAroundTheShortLength() {
        let short = MarkerPrefix.shortLength
        let numerals = ["一", "十", "百", "千", "万", "零"]
        for length in 1...(short + 4) {
            let numeral = (0..<length).map { numerals[$0 % numerals.count] }.joined()
            for shape in ["\(numeral)、正文", "（\(numeral)）正文", "第\(numeral)条　正文", "第\(numeral)章"] {
                Self.check(Array(shape.utf8))
            }
            let digits = String(repeating: "1", count: min(length, 7))
            for spaces in [0, 1, short - 2, short, short + 3] {
                let gap = String(repeating: "　", count: spaces)
                for shape in ["\(digits).\(gap)正文", "1.2.\(digits)\(gap)正文", "１２\(gap)综合", "（\(gap)\(digits)\(gap)）\(gap)正文", "##\(gap)标题", gap + "一、" + gap] {
                    Self.check(Array(shape.utf8))
                }
            }
        }
        Self.check(Array((String(repeating: "一", count: 200) + "、").utf8))
        Self.check(Array(("1." + String(repeating: "长", count: 5_000)).utf8))
    }
}
