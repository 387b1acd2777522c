import Testing
@testable import ReportKit

/// Whole documents in the shapes real reports take beyond the corpus (issue 12): each case is
/// the text and the outline it must give (`address marker heading`, as `outline` prints it).
@Suite struct UnseenPatternTests {
    static func outline(_ text: String) -> [String] {
        let report = ReportParser.parse(text)
        LosslessTests.checkInvariants(report, text)
        return report.sections.map { "\($0.address) \(OutlineExport.displayHeading($0))" }
    }

    static let unmarkedParts: [(String, [String])] = [
        // Parts titled with no marker, the level below numbered and restarting.
        ("某市政府工作报告\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n过去一年工作回顾\n一年来，我们坚持稳中求进工作总基调，经济运行总体平稳。\n今年重点工作\n（一）扎实推进产业升级。加快发展先进制造业。\n（二）持续改善民生。办好民生实事。\n政府自身建设\n我们将坚持依法行政，建设人民满意的政府，不辜负人民的期望。\n",
         ["1 过去一年工作回顾", "2 今年重点工作", "2.1 （一）扎实推进产业升级", "2.2 （二）持续改善民生", "3 政府自身建设"]),
        // The （一） runs restart under each part.
        ("报告\n主要成绩\n（一）经济稳定增长。正文。\n（二）民生持续改善。正文。\n主要任务\n（一）推进改革。正文。\n（二）扩大开放。正文。\n",
         ["1 主要成绩", "1.1 （一）经济稳定增长", "1.2 （二）民生持续改善", "2 主要任务", "2.1 （一）推进改革", "2.2 （二）扩大开放"]),
        // Negative: short body lines whose sentence goes on (`主要目标` / `是：…`).
        ("报告\n一、总体要求\n主要目标\n是：经济增长百分之五左右，城镇新增就业一千二百万人以上。\n重点任务\n是推进改革开放，增强发展动力和活力。\n二、主要任务\n正文。\n",
         ["1 一、总体要求", "2 二、主要任务"]),
        // Negative: one such line proves nothing.
        ("报告\n各位代表：\n工作回顾\n一年来，我们坚持稳中求进工作总基调，经济运行总体平稳。\n（一）甲。正文。\n（二）乙。正文。\n",
         ["1 （一）甲", "2 （二）乙"]),
        // Negative: a run that continues across the lines keeps them inside it.
        ("报告\n（一）甲。正文。\n专栏一\n一年来，我们坚持稳中求进工作总基调，经济运行总体平稳。\n（二）乙。正文。\n专栏二\n一年来，我们坚持稳中求进工作总基调，经济运行总体平稳。\n（三）丙。正文。\n",
         ["1 （一）甲", "2 （二）乙", "3 （三）丙"]),
        // Negative: hard-wrapped tails and table cells are not headings.
        ("统计公报\n一、综合\n全年全市地区生产总值比上年增长百分之五点二，其中\n第一产业增加值\n增长三点一。\n指标\n居民消费价格\n其中：食品烟酒\n二、农业\n正文。\n",
         ["1 一、综合", "2 二、农业"]),
        // Negative: lead lines inside numbered chapters, each before a （一） run, stay body.
        ("报告\n一、工作回顾\n主要成绩\n（一）经济增长。正文。\n（二）民生改善。正文。\n二、工作任务\n重点任务\n（一）推进改革。正文。\n（二）扩大开放。正文。\n",
         ["1 一、工作回顾", "1.1 （一）经济增长", "1.2 （二）民生改善", "2 二、工作任务", "2.1 （一）推进改革", "2.2 （二）扩大开放"]),
    ]

    @Test(arguments: unmarkedParts)
    func unmarkedPartHeadings(_ text: String, _ expected: [String]) {
        #expect(Self.outline(text) == expected)
    }

    @Test func unmarkedPartsHaveAnEmptyMarkerAndAPositionAddress() throws {
        let report = ReportParser.parse(Self.unmarkedParts[0].0)
        try #require(report.sections.count == 5)
        let part = report.sections[0]
        #expect(part.marker.isEmpty)
        #expect(part.style == .unmarked)
        #expect(report.resolve("2.1") == .found(2))
    }

    static let gluedNumbers: [(String, [String])] = [
        ("统计公报\n01综合\n全年地区生产总值增长。\n02农业\n粮食产量稳定。\n03工业和建筑业\n工业增加值增长。\n",
         ["1 01 综合", "2 02 农业", "3 03 工业和建筑业"]),
        // Twelve parts: 10, 11, 12 continue the run.
        ((["公报"] + (1...12).flatMap { [String(format: "%02d", $0) + "领域\($0)", "正文。"] }).joined(separator: "\n"),
         (1...12).map { "\($0) " + String(format: "%02d", $0) + " 领域\($0)" }),
        // Years, counts, decimals and table cells are not parts.
        ("公报\n2022年全市人口稳定。\n10件民生实事全部完成。\n18.64\n12月份\n01月\n05\n总体平稳。\n", []),
        // A glued number in running text, or without its run, is body.
        ("公报\n01综合。全年增长。\n03工业\n正文。\n", []),
    ]

    @Test(arguments: gluedNumbers)
    func gluedTwoDigitNumbers(_ text: String, _ expected: [String]) {
        #expect(Self.outline(text) == expected)
    }

    static let legalUnits: [(String, [String])] = [
        // 节 inside 章, restarting in each 章; 条 numbered on through all of them; the first 节
        // coming after the first articles.
        ("某法\n第一章 总则\n第一条 甲。\n第二条 乙。\n第二章 申请\n第一节 范围\n第三条 丙。\n第二节 参加人\n第四条 丁。\n第三章 审理\n第五条 戊。\n第四章 决定\n第一节 一般规定\n第六条 己。\n",
         ["1 第一章 总则", "1.1 第一条 甲。", "1.2 第二条 乙。", "2 第二章 申请", "2.1 第一节 范围", "2.1.1 第三条 丙。",
          "2.2 第二节 参加人", "2.2.1 第四条 丁。", "3 第三章 审理", "3.1 第五条 戊。", "4 第四章 决定", "4.1 第一节 一般规定",
          "4.1.1 第六条 己。"]),
        // 编 › 章 › 条: 章 restart in each 编.
        ("某典\n第一编 总则\n第一章 基本规定\n第一条 甲。\n第二编 物权\n第一章 通则\n第二条 乙。\n",
         ["1 第一编 总则", "1.1 第一章 基本规定", "1.1.1 第一条 甲。", "2 第二编 物权", "2.1 第一章 通则", "2.1.1 第二条 乙。"]),
        // Judicial interpretation: 一、 chapters hold articles numbered on; items belong to the article.
        ("某解释\n一、一般规定\n第一条　本解释所称……。\n第二条　下列情形可以减免：\n（一）甲；\n（二）乙。\n二、附则\n第三条　本解释自公布之日起施行。\n",
         ["1 一、一般规定", "1.1 第一条 本解释所称……。", "1.2 第二条 下列情形可以减免：", "1.2.1 （一）甲；", "1.2.2 （二）乙",
          "2 二、附则", "2.1 第三条 本解释自公布之日起施行。"]),
        // Negative: an article number out of sequence is a reference, not an article.
        ("某法\n第一章 总则\n第一条 甲。\n第五条 乙。\n第二条 丙。\n", ["1 第一章 总则", "1.1 第一条 甲。", "1.2 第二条 丙。"]),
    ]

    @Test(arguments: legalUnits)
    func chaptersSectionsArticles(_ text: String, _ expected: [String]) {
        #expect(Self.outline(text) == expected)
    }

    @Test func articlesKeepTheirText() throws {
        let text = "某办法\n第一章 总则\n第一条　本办法所称专项附加扣除，包括子女教育等支出。\n"
        let report = ReportParser.parse(text)
        try #require(report.sections.count == 2)
        let article = report.sections[1]
        #expect(article.isArticle)
        #expect(article.heading.isEmpty)
        #expect(report.slice(article.bodyRange) == "本办法所称专项附加扣除，包括子女教育等支出。\n")
        #expect(article.lead == "本办法所称专项附加扣除，包括子女教育等支…")
        let markdown = OutlineExport.markdown(report)
        #expect(markdown.contains("**第一条**\u{3000}本办法所称专项附加扣除，包括子女教育等支出。"))
        #expect(!markdown.contains("### 第一条"))
    }

    @Test func textAfterAnItemListReturnsToTheArticle() throws {
        let text = "某法\n第一章 总则\n第一条　下列情形可以减免：\n（一）甲；\n（二）乙。\n前款规定的情形，由主管部门认定。\n第二条　丙。\n"
        let report = ReportParser.parse(text)
        try #require(report.sections.count == 5)
        let article = report.sections[1]
        let lastItem = report.sections[3]
        #expect(report.slice(article.trailingRange) == "前款规定的情形，由主管部门认定。\n")
        #expect(report.slice(lastItem.bodyRange) == "\n")
        #expect(report.sections.count == 5 && report.sections[4].marker == "第二条" && report.sections[4].parent == 0)
        // Without a finished paragraph the next line is still the item's (a hard wrap).
        let wrapped = ReportParser.parse("某法\n第一章 总则\n第一条　下列情形：\n（一）甲乙丙丁，\n戊己庚。\n第二条　丙。\n")
        #expect(wrapped.sections.count == 4 && wrapped.sections[1].trailingRange.isEmpty)
    }

    static let amendments: [(String, [String])] = [
        ("关于修改《某规定》的决定\n一、修改《某规定》\n1.将第六条修改为：\n“第六条　有下列情形之一的：\n（一）甲；\n（二）乙。”\n2.删去第九条。\n二、本决定自公布之日起施行。\n",
         ["1 一、修改《某规定》", "1.1 1.将第六条修改为：", "1.2 2.删去第九条", "2 二、本决定自公布之日起施行"]),
        ("决定\n一、修改《某办法》\n1.将第一条修改为：“第一条　为了规范管理，制定本办法。”\n2.增加一条，作为第二条：“第二条　本办法适用于：\n“（一）甲；\n“（二）乙。”\n3.删去第三条。\n",
         ["1 一、修改《某办法》", "1.1 1.将第一条修改为：“第一条\u{3000}为了规范管理，制定本办法", "1.2 2.增加一条，作为第二条：“第二条\u{3000}本办法适用于：",
          "1.3 3.删去第三条"]),
    ]

    @Test(arguments: amendments)
    func amendmentDecisionsKeepQuotedWordingAsBody(_ text: String, _ expected: [String]) {
        #expect(Self.outline(text) == expected)
    }

    static let pdfLike: [(String, [String])] = [
        // Page numbers of every kind, a lone marker joining its heading, full-width digits, a
        // paragraph running across a page break with a blank line.
        ("关于预算的报告\n各位代表：\n现将预算报告如下，请予审议。\n一、\n2025年预算执行情况\n全年收入增长，支出结构持续优化，重点领域保障有力，各项\n- 3 -\n\n\u{0C}工作顺利推进。\n１．一般公共预算\n收入增长。\n２．政府性基金预算\n收入下降。\n— ４ —\n二、\n2026年预算草案\n5\n总体安排稳健。\n",
         ["1 一、2025年预算执行情况", "1.1 １．一般公共预算", "1.2 ２．政府性基金预算", "2 二、2026年预算草案"]),
        // Footnote digits and marks on their own lines are never headings.
        ("公报\n一、综合\n全年地区生产总值\n1\n增长。\n[2]\n二、农业\n正文。\n", ["1 一、综合", "2 二、农业"]),
    ]

    @Test(arguments: pdfLike)
    func textFromPDFs(_ text: String, _ expected: [String]) {
        #expect(Self.outline(text) == expected)
    }
}
