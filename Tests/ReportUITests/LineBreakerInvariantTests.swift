import ReportTestSupport
import Testing

@testable import ReportUI

/// Properties every wrap must have, on generated text: the lines cover the text exactly and in
/// order (only the `\n` between paragraphs is dropped) and no line is wider than the width.
@Suite struct LineBreakerInvariantTests {
    /// Pieces chosen to hit every class and edge: wide and narrow, punctuation of both kinds,
    /// controls, combining marks, emoji sequences, tabs and newlines.
    static let pieces: [String] = [
        "汉", "字", "信用", "，", "。", "、", "“", "”", "（", "）", "《", "》", "…", "·", "%", ".", ",",
        "(", ")", "a", "Z", "word", "9", "98.97", "+", "-", " ", "  ", "\t", "\n", "\r", "\r\n",
        "\u{1B}", "\u{7F}", "\u{202E}", "\u{85}", "e\u{301}", "\u{301}", "😀", "👩\u{200D}💻", "🇨🇳",
        "\u{200B}", "\u{2060}", "\u{A0}", "①", "１２", "　", "가", "ｱ", "\u{E0068}",
    ]

    @Test(arguments: 0..<8)
    func randomTextIsCoveredExactlyAndFits(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        for _ in 0..<60 {
            let count = Int(random.next() % 40)
            let text = (0..<count).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined()
            let width = Int(random.next() % 14) - 1
            let problems = WrapChecker.problems(text: text, width: width)
            #expect(problems.isEmpty, "\(text.debugDescription) at width \(width): \(problems)")
        }
    }

    @Test func longMixedLineIsCoveredExactlyAndFits() {
        var random = SplitMix64(seed: 42)
        var text = ""
        var scalars = 0
        while scalars < 200_000 {
            let piece = Self.pieces[Int(random.next() % UInt64(Self.pieces.count))]
            guard piece != "\n", piece != "\r\n" else { continue }
            text += piece
            scalars += piece.unicodeScalars.count
        }
        for width in [1, 7, 80] {
            let problems = WrapChecker.problems(text: text, width: width)
            #expect(problems.isEmpty, "width \(width): \(problems.prefix(5))")
        }
    }

    /// 200 000 ideographs at width 80 fill every line exactly: 40 characters each.
    @Test func longChineseLineFillsEveryLine() {
        let sentence = Array("推行企业信用修复一件事信用修复成功率")
        let text = String((0..<200_000).map { sentence[$0 % sentence.count] })
        let lines = LineBreaker.wrap(Substring(text), width: 80)
        #expect(lines.count == 200_000 / 40)
        #expect(lines.allSatisfy { $0.width == 80 && $0.range.count == 40 * 3 })
        #expect(WrapChecker.problems(text: text, width: 80).isEmpty)
    }
}

enum WrapChecker {
    /// Everything wrong with wrapping `text` at `width`, checked from the bytes alone.
    static func problems(text: String, width: Int) -> [String] {
        let substring = Substring(text)
        let lines = LineBreaker.wrap(substring, width: width)
        let bytes = Array(text.utf8)
        var problems: [String] = []
        var position = 0
        var droppedNewlines = 0
        for (number, line) in lines.enumerated() {
            if number > 0 {
                let gap = bytes[position..<max(position, line.range.lowerBound)]
                if gap.elementsEqual([0x0A]) {
                    droppedNewlines += 1
                } else if !gap.isEmpty || line.range.lowerBound < position {
                    problems.append("line \(number) starts at \(line.range.lowerBound), previous ended at \(position)")
                }
            } else if line.range.lowerBound != 0 {
                problems.append("first line starts at \(line.range.lowerBound)")
            }
            if bytes[line.range].contains(0x0A) { problems.append("line \(number) contains a newline") }
            position = line.range.upperBound

            let shown = line.displayText(in: substring)
            if DisplayWidth.of(shown) != line.width {
                problems.append("line \(number) reports width \(line.width) but shows \(shown.debugDescription)")
            }
            // The documented exception: one character wider than the whole line (a wide one at
            // width 1, a placeholder such as `<U+202E>`) gets a line of its own.
            let content = substring.utf8[index(line.range.lowerBound, in: substring)..<index(line.range.upperBound, in: substring)]
            let alone = Substring(content).trimmingHangingSpaces.count == 1
            if line.width > max(1, width), !alone {
                problems.append("line \(number) is \(line.width) wide: \(shown.debugDescription)")
            }
        }
        if position != bytes.count { problems.append("lines end at \(position) of \(bytes.count)") }
        let newlines = bytes.count(where: { $0 == 0x0A })
        if droppedNewlines != newlines { problems.append("dropped \(droppedNewlines) of \(newlines) newlines") }
        return problems
    }

    private static func index(_ offset: Int, in text: Substring) -> Substring.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    }
}

extension Substring {
    fileprivate var trimmingHangingSpaces: Substring {
        var text = self
        while text.last == " " || text.last == "\t" { text = text.dropLast() }
        return text
    }
}
