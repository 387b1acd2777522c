import Testing
@testable import ReportImport

/// Reflow on synthetic `pdftotext -layout` output: what real report PDFs look like, written
/// out by hand so each rule is seen on its own.
@Suite struct PDFReflowTests {
    /// Lines of a page: body lines 28 CJK characters wide, first lines indented by 4 columns.
    static let full1 = "受市人民政府委托，现将本市二〇二五年预算执行情况和二〇二六"
    static let full2 = "年预算草案提请大会审查，并请各位委员和列席会议的同志提出意"

    @Test func hardWrappedLinesJoinIntoOneParagraph() {
        let layout = "    \(Self.full1)\n\(Self.full2)\n见。\n    第二段从这里开始。\n"
        let paragraphs = PDFReflow.reflow(layout).map(\.text)
        #expect(paragraphs == [Self.full1 + Self.full2 + "见。", "第二段从这里开始。"])
    }

    @Test func anIndentedLineStartsAParagraphEvenAfterAFullLine() {
        let layout = "    \(Self.full1)\n\(Self.full2)。\n    \(Self.full1)\n\(Self.full2)\n"
        #expect(PDFReflow.reflow(layout).count == 2)
    }

    @Test func shortLinesEndParagraphs() {
        let layout = "  一、总体要求\n    \(Self.full1)\n\(Self.full2)\n  （一）主要目标\n"
        let paragraphs = PDFReflow.reflow(layout).map(\.text)
        #expect(paragraphs == ["一、总体要求", Self.full1 + Self.full2, "（一）主要目标"])
    }

    @Test func pageNumbersGoAndParagraphsRunOnAcrossThePageBreak() {
        var layout = ""
        for (page, mark) in zip(1...3, ["甲", "乙", "丙"]) {
            layout += "    \(mark)\(Self.full1)\n\(Self.full2)\n\(mark)\(Self.full1)\n\n                 - \(page) -\n\u{0C}"
        }
        let paragraphs = PDFReflow.reflow(layout)
        #expect(paragraphs.count == 3)
        #expect(!paragraphs.contains { $0.text.contains("-") })
        #expect(paragraphs.map(\.page) == [1, 2, 3])
    }

    @Test(arguments: ["- 3 -", "— 3 —", "—３—", "-3-", "第3页", "第 3 页 共 15 页", "3/15", "3", "Page 3"])
    func pageNumberForms(_ form: String) {
        #expect(PageFurniture.isPageNumber(form, page: 3))
    }

    @Test(arguments: ["2025", "一、总则", "3.5", "（3）", "第一页的正文", "第3章"])
    func notPageNumbers(_ text: String) {
        #expect(!PageFurniture.isPageNumber(text, page: 3))
    }

    @Test func runningHeadsRepeatedOnEveryPageAreDropped() {
        var layout = ""
        let numerals = ["一", "二", "三", "四"]
        for numeral in numerals {
            layout += "            宣城市人民政府文件\n    第\(numeral)页的正文从这里开始。\n\u{0C}"
        }
        let paragraphs = PDFReflow.reflow(layout).map(\.text)
        #expect(paragraphs == numerals.map { "第\($0)页的正文从这里开始。" })
    }

    @Test func aLoneMarkerJoinsItsHeading() {
        let body = "    \(Self.full1)\n\(Self.full2)\n\(Self.full1)\n\(Self.full2)。\n"
        let layout = "  一、\n  总体要求\n  第一章\n  总　则\n  （二）\n  主要任务\n  1.1\n  编制目的\n" + body
        let paragraphs = PDFReflow.reflow(layout).map(\.text)
        #expect(Array(paragraphs.prefix(4)) == ["一、总体要求", "第一章\u{3000}总　则", "（二）主要任务", "1.1\u{3000}编制目的"])
        #expect(paragraphs.count == 5)
    }

    @Test func privateUseDecimalPointBecomesADot() {
        let text = "增长 4\u{1001B0}7%，金额 12\u{E000}5 亿元"
        #expect(PDFLineRepair.repair(text) == "增长 4.7%，金额 12.5 亿元")
        // Not between digits: left alone.
        #expect(PDFLineRepair.privateUseDecimalPoints("标\u{1001B0}题") == "标\u{1001B0}题")
    }

    @Test func letterSpacedHeadingsAndJustifiedLinesClose() {
        #expect(PDFLineRepair.repair("总 体 要 求") == "总体要求")
        #expect(PDFLineRepair.repair("第 二 产 业 增 加 值 3970.37 亿 元 ， 增 长 4.8%") == "第二产业增加值3970.37亿元，增长4.8%")
        // One gap between a marker and its heading is not letter-spacing.
        #expect(PDFLineRepair.repair("第一章 总则部分") == "第一章 总则部分")
        #expect(PDFLineRepair.repair("2025 年全市预算执行情况") == "2025 年全市预算执行情况")
    }

    @Test func tableColumnsBecomeTabsAndRowsStayLines() {
        let layout = "    产品名称      单位       产量\n小麦粉          万吨       23.79\n饮料            万吨      176.20\n"
        let paragraphs = PDFReflow.reflow(layout).map(\.text)
        #expect(paragraphs == ["产品名称\t单位\t产量", "小麦粉\t万吨\t23.79", "饮料\t万吨\t176.20"])
    }

    @Test func aFootnoteMarkAboveTheTitleDoesNotBecomeTheTitle() {
        let layout = "                  [1]\n    西安市统计公报\n"
        #expect(PDFReflow.reflow(layout).map(\.text) == ["西安市统计公报"])
    }

    @Test func withoutFirstLineIndentsASentenceEndEndsTheParagraph() {
        let layout = "\(Self.full1)\n\(Self.full2)。\n\(Self.full1)\n\(Self.full2)\n结束。\n"
        let paragraphs = PDFReflow.reflow(layout).map(\.text)
        #expect(paragraphs == [Self.full1 + Self.full2 + "。", Self.full1 + Self.full2 + "结束。"])
    }

    @Test func wrappedEnglishWordsKeepTheirSpace() {
        #expect(PDFReflow.joined("the annual", "report") == "the annual report")
        #expect(PDFReflow.joined("年度", "报告") == "年度报告")
    }

    /// A paragraph of body text, so the page has its usual width (60 columns) and indent.
    static let body = "    \(full1)\n\(full2)\n\(full1)\n\(full2)。\n"

    static func centred(_ text: String, width: Int = 60) -> String {
        String(repeating: " ", count: max(0, (width - PDFTextLine.width(of: text)) / 2)) + text
    }

    @Test func aCentredHeadingWrappedOverTwoLinesIsRejoined() {
        let first = "一、关于进一步加强和改进预算管理工作的若干"
        let layout = Self.body + Self.centred(first) + "\n" + Self.centred("意见和建议") + "\n" + Self.body
        let paragraphs = PDFReflow.reflow(layout).map(\.text)
        #expect(paragraphs.contains(first + "意见和建议"), "\(paragraphs)")
        #expect(paragraphs.count == 3)
    }

    @Test func aFullWidthHeadingWithAHangingSecondLineIsRejoined() {
        // Marker and 25 characters reach the right edge; the rest hangs under the text.
        let first = "（二）深入推进财政科学管理全面提升预算绩效管理水平和资金使用效"
        #expect(PDFTextLine.width(of: first) == 62)
        let layout = Self.body + "  " + first + "\n" + "        益相关机制建设\n" + Self.body
        let paragraphs = PDFReflow.reflow(layout).map(\.text)
        #expect(paragraphs.contains(first + "益相关机制建设"), "\(paragraphs)")
    }

    @Test func aThreeLineCentredHeadingIsRejoinedWhole() {
        let lines = ["第三章　深入实施创新驱动发展战略加快建设", "具有全国影响力的科技创新中心和", "先进制造业基地"]
        let layout = Self.body + lines.map { Self.centred($0) + "\n" }.joined() + Self.body
        #expect(PDFReflow.reflow(layout).map(\.text).contains(lines.joined()))
    }

    /// What follows a heading and is not part of it: its first paragraph, however short; a
    /// caption; a line with a sentence in it; the next heading; a line after a blank.
    @Test(arguments: [
        (Self.centred("一、关于进一步加强和改进预算管理工作的若干意见"), Self.centred("表1 主要指标")),
        (Self.centred("一、关于进一步加强和改进预算管理工作的若干意见"), Self.centred("现将有关情况报告如下。")),
        (Self.centred("一、关于进一步加强和改进预算管理工作的若干意见"), Self.centred("（一）总体要求")),
        (Self.centred("一、关于进一步加强和改进预算管理工作的若干意见"), "\n" + Self.centred("二〇二六年一月")),
        ("  一、总体要求", "    坚持稳中求进工作总基调"),
        ("  一、总体要求", Self.centred("坚持稳中求进")),
        ("  （一）多维发力拓展收入空间。紧盯收入预期目标持续发挥专班作用", "      加强涉税信息共享"),
    ])
    func linesAfterAHeadingThatAreNotItsContinuation(_ heading: String, _ next: String) {
        let layout = Self.body + heading + "\n" + next + "\n" + Self.body
        let paragraphs = PDFReflow.reflow(layout).map(\.text)
        let trimmed = heading.trimmingPrefix(while: { $0 == " " })
        #expect(paragraphs.contains(String(trimmed)), "\(paragraphs)")
    }
}
