import Testing
@testable import ReportKit

/// Headings an importer knows from markup (HTML `<h2>`, Word heading styles): evidence for
/// unmarked part headings the text alone cannot prove, never a change to numbered outlines.
@Suite struct HeadingHintTests {
    /// Parses `lines` with a hint (level 2) on each line listed in `hinted`.
    static func outline(_ lines: [String], hinted: [String]) -> [String] {
        var hints: [Int: Int] = [:]
        for (index, line) in lines.enumerated() where hinted.contains(line) { hints[index] = 2 }
        let report = ReportParser.parse(lines.joined(separator: "\n") + "\n", headingHints: hints)
        return report.sections.map { "\($0.address) \(OutlineExport.displayHeading($0))" }
    }

    // Too long for an unmarked heading in plain text (24 characters), followed by short body.
    static let longParts = [
        "某单位年度工作总结", "过去一年全市经济社会发展主要工作情况和取得的成效回顾", "甲项工作完成。",
        "下一年度经济社会发展总体思路和需要重点推进的主要任务", "乙项工作推进。",
    ]

    @Test func hintedPartsTheTextCannotProveBecomeParts() {
        #expect(Self.outline(Self.longParts, hinted: []) == [])
        #expect(Self.outline(Self.longParts, hinted: [Self.longParts[1], Self.longParts[3]]) == [
            "1 过去一年全市经济社会发展主要工作情况和取得的成效回顾", "2 下一年度经济社会发展总体思路和需要重点推进的主要任务",
        ])
    }

    @Test func oneHintProvesNothing() {
        #expect(Self.outline(Self.longParts, hinted: [Self.longParts[1]]) == [])
    }

    @Test func hintedSentencesAndCaptionsAreNotParts() {
        let lines = ["报告", "这是一句完整的话。", "正文。", "表1 主要指标完成情况", "正文。"]
        #expect(Self.outline(lines, hinted: [lines[1], lines[3]]) == [])
    }

    @Test func hintsInsideANumberedRunLeaveItAsItIs() {
        let lines = [
            "报告", "（一）经济增长。正文。", "专栏：重点项目建设情况", "正文。", "（二）民生改善。正文。", "专栏：民生实事办理情况", "正文。",
            "（三）生态环境。正文。",
        ]
        let plain = ["1 （一）经济增长", "2 （二）民生改善", "3 （三）生态环境"]
        #expect(Self.outline(lines, hinted: []) == plain)
        #expect(Self.outline(lines, hinted: [lines[2], lines[5]]) == plain)
    }

    @Test func hintedLeadLinesInsideNumberedChaptersStayBody() {
        let lines = [
            "报告", "一、工作回顾", "主要成绩和经验体会", "（一）经济增长。正文。", "（二）民生改善。正文。", "二、工作任务",
            "重点任务和工作措施", "（一）推进改革。正文。", "（二）扩大开放。正文。",
        ]
        let plain = Self.outline(lines, hinted: [])
        #expect(plain.count == 6)
        #expect(Self.outline(lines, hinted: [lines[2], lines[6]]) == plain)
    }

    @Test func hintedMarkerLinesAreReadAsWithoutHints() {
        let lines = ["报告", "一、总体要求", "正文。", "二、主要任务", "正文。"]
        #expect(Self.outline(lines, hinted: [lines[1], lines[3]]) == ["1 一、总体要求", "2 二、主要任务"])
    }
}
