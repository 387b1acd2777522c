import Testing

@testable import ReportUI

/// The rule behind "a hard-wrapped source is shown reflowed": detecting the cut, joining the
/// lines and mapping the joined text back to source bytes.
@Suite struct HardWrapReflowTests {
    /// A synthetic report cut every 20 characters (40 cells), as a PDF-to-text export is.
    static let paragraph =
        "为深入贯彻落实党中央国务院关于优化营商环境的决策部署进一步激发市场主体活力推动经济高质量发展结合本市实际制定本方案各区各部门要认真组织实施确保各项措施落地见效切实增强企业获得感。"
    static func cut(_ text: String, every count: Int) -> [String] {
        var lines: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(count)))
            rest = rest.dropFirst(count)
        }
        return lines
    }

    static var hardWrapped: [String] {
        ["关于优化营商环境的实施方案", ""] + cut(paragraph, every: 20) + [""] + cut(String(paragraph.reversed()) + "。", every: 20)
    }

    /// One paragraph a line, as most web pages and converted files are.
    static var unwrapped: [String] {
        ["关于优化营商环境的实施方案", ""] + (0..<10).map { String(paragraph.prefix(10 + $0 * 7)) + "。" }
    }

    @Test func aHardWrappedSourceIsDetectedAtItsWrapWidth() throws {
        let profile = try #require(HardWrapProfile.detect(lines: Self.hardWrapped.map { Substring($0) }))
        #expect(profile.wrapWidth == 40)
        #expect(HardWrapProfile.detect(lines: Self.unwrapped.map { Substring($0) }) == nil)
        #expect(HardWrapProfile.detect(lines: [Substring]()) == nil)
    }

    @Test func onlyACutLineJoinsTheNext() {
        let profile = HardWrapProfile(wrapWidth: 40)
        let lines = Self.cut(Self.paragraph, every: 20).map { Substring($0) }
        #expect(profile.joins(lines[0], lines[1]))
        // The paragraph's last line is short and closed.
        #expect(!profile.joins(lines[lines.count - 1], "下一段"))
        // An indented next line starts a paragraph of its own.
        #expect(!profile.joins(lines[0], "　　另起一段"))
        #expect(!profile.joins(lines[0], ""))
        // A table row's break is the table's.
        #expect(!profile.joins("地区生产总值    13317.64  亿元 增长率", lines[1]))
        #expect(profile.joins("地区生产总值 13317.64 亿元，比上年增长率", lines[1]))
        // A full-width line that ends a sentence keeps its break.
        #expect(!profile.joins(Substring(String(Self.paragraph.prefix(19)) + "。"), lines[1]))
    }

    @Test func joinedChineseRebreaksAtThePaneWidthAndMapsBack() {
        var offset = 0
        let source = Self.cut(Self.paragraph, every: 20).map { line -> (text: Substring, source: Range<Int>) in
            defer { offset += line.utf8.count + 1 }
            return (Substring(line), offset..<(offset + line.utf8.count))
        }
        let joined = ReflowedText(lines: source)
        #expect(joined.text == Self.paragraph, "Chinese lines join with nothing between")
        // Re-broken at 30 cells, not at the source's 40.
        let rows = LineBreaker.wrap(Substring(joined.text), width: 30)
        #expect(rows.count > source.count)
        for row in rows { #expect(DisplayWidth.of(row.displayText(in: Substring(joined.text))) <= 30) }
        // A hit over the first join: its source bytes stand on both sides of a line break.
        let sourceText = Self.cut(Self.paragraph, every: 20).joined(separator: "\n")
        let hitText = String(Self.paragraph.dropFirst(18).prefix(4))
        let hitStart = sourceText.utf8.count - String(sourceText.dropFirst(18)).utf8.count
        let hit = hitStart..<(hitStart + hitText.utf8.count + 1)
        let ranges = joined.textRanges(of: hit)
        #expect(ranges.count == 2)
        let lit = ranges.map { String(joined.text[utf8Range: $0]) }.joined()
        #expect(lit == hitText)
        // And back: the joined bytes of the hit are the source's.
        let back = joined.sourceRuns(of: ranges[0].lowerBound..<ranges[1].upperBound)
        #expect(back.map { String(sourceText[utf8Range: $0.source]) }.joined() == hitText)
    }

    @Test func latinLinesJoinWithASpaceAndTrailingBlanksGo() {
        let lines = ["The State Council decided to  ", "improve the business environment."]
        var offset = 0
        let source = lines.map { line -> (text: Substring, source: Range<Int>) in
            defer { offset += line.utf8.count + 1 }
            return (Substring(line), offset..<(offset + line.utf8.count))
        }
        let joined = ReflowedText(lines: source)
        #expect(joined.text == "The State Council decided to improve the business environment.")
        let word = joined.text.utf8.count - "improve the business environment.".utf8.count
        let runs = joined.sourceRuns(of: word..<(word + 7))
        #expect(runs.count == 1)
        let sourceText = lines.joined(separator: "\n")
        #expect(runs.first.map { String(sourceText[utf8Range: $0.source]) } == "improve")
        // The joining space stands for no source byte.
        #expect(joined.sourceRuns(of: (word - 1)..<word).isEmpty)
    }
}
