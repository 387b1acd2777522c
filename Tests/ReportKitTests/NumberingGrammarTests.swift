import Testing
@testable import ReportKit

@Suite struct NumberingGrammarTests {
    static let numerals: [(String, Int?)] = [
        ("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("二十三", 23), ("一百", 100), ("一百零五", 105),
        ("一百一十", 110), ("三千零二", 3002), ("一万", 10_000), ("一万零一", 10_001), ("两千", 2000),
        ("一万二千三百四十五", 12_345), ("二〇二四", 2024), ("○", nil), ("零", nil), ("十十", nil), ("百", nil),
        ("一二十", nil), ("万", nil),
    ]

    @Test(arguments: numerals)
    func chineseNumerals(_ text: String, _ value: Int?) {
        #expect(ChineseNumeral.value(of: text) == value)
    }

    static let markers: [(String, NumberingStyle?, [Int], String)] = [
        ("一、主要举措", .chineseComma, [1], "一、"),
        ("十一、其他", .chineseComma, [11], "十一、"),
        ("（一）聚力法治统筹", .parenChinese, [1], "（一）"),
        ("(二十三)半角括号", .parenChinese, [23], "(二十三)"),
        ("（ 二 ）有空格", .parenChinese, [2], "（ 二 ）"),
        ("1.拓展两个市场", .arabicDot, [1], "1."),
        ("1．全角点", .arabicDot, [1], "1．"),
        ("１２、全角数字", .arabicDot, [12], "１２、"),
        ("（1）统一领导", .parenArabic, [1], "（1）"),
        ("(10)两位", .parenArabic, [10], "(10)"),
        ("⑴旧式", .parenArabic, [1], "⑴"),
        ("①圈码", .circled, [1], "①"),
        ("⑳二十", .circled, [20], "⑳"),
        ("第一章　总　　则", .ordinalUnit("章"), [1], "第一章"),
        ("第一百零五条　条文", .ordinalUnit("条"), [105], "第一百零五条"),
        ("第二编 分则", .ordinalUnit("编"), [2], "第二编"),
        ("第三节 小节", .ordinalUnit("节"), [3], "第三节"),
        ("第12条 阿拉伯数字", .ordinalUnit("条"), [12], "第12条"),
        ("1　总则", .decimal(components: 1), [1], "1"),
        ("1.1　编制目的", .decimal(components: 2), [1, 1], "1.1"),
        ("1.2.1 国家级", .decimal(components: 3), [1, 2, 1], "1.2.1"),
        ("\u{3000}\u{3000}2.1\u{3000}缩进", .decimal(components: 2), [2, 1], "2.1"),
        ("\u{00A0}\t\u{200B}一、各种空白", .chineseComma, [1], "一、"),
        ("## 二级标题", .markdown(level: 2), [0], "##"),
        // Not markers at all.
        ("一是加强领导", nil, [], ""), ("——经济总体回升向好", nil, [], ""), ("2024年全年", nil, [], ""),
        ("2.5", nil, [], ""), ("18.64 20.1", nil, [], ""), ("第一时间响应", nil, [], ""),
        ("（此件公开发布）", nil, [], ""), ("#标签", nil, [], ""), ("2024 2025", nil, [], ""),
        ("一二三", nil, [], ""), ("十分重要、", nil, [], ""),
    ]

    @Test(arguments: markers)
    func markerGrammar(_ line: String, _ style: NumberingStyle?, _ components: [Int], _ marker: String) {
        let scalars = Array(line.unicodeScalars.prefix(MarkerScanner.prefixLength))
        let match = MarkerScanner.match(scalars)
        #expect(match?.style == style, "\(line)")
        guard let match else { return }
        #expect(match.components.all == components, "\(line)")
        #expect(match.components.equals(components), "\(line)")
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[match.markerStart..<match.markerEnd])
        #expect(String(view) == marker)
    }

    /// Whole documents: which lines become headings, and where they attach.
    static let documents: [(String, [String])] = [
        // A style takes the level where it first appears: 一、 → 1. with no （一）.
        ("报告\n一、总\n1.甲\n2.乙\n二、分\n1.丙", ["1 一、总", "1.1 1.甲", "1.2 2.乙", "2 二、分", "2.1 1.丙"]),
        // Numbering that continues across parents.
        ("一、甲\n（一）a\n（二）b\n二、乙\n（三）c", ["1 一、甲", "1.1 （一）a", "1.2 （二）b", "2 二、乙", "2.1 （三）c"]),
        // Out of sequence markers are body text; so are 2.5, 一是 and ——.
        ("一、甲\n三、跳号\n2.5\n一是\n——破折号\n二、乙", ["1 一、甲", "2 二、乙"]),
        // Inside an article, （一） items belong to the article.
        ("第一章 总则\n第一条 条文：\n（一）项\n（二）项\n第二条 条文\n第二章 分则\n第三条 条文",
         ["1 第一章 总则", "1.1 第一条 条文：", "1.1.1 （一）项", "1.1.2 （二）项", "1.2 第二条 条文", "2 第二章 分则", "2.1 第三条 条文"]),
        // A table of contents does not create sections.
        ("预案\n目　录\n1　总则\n2　职责\n1　总则\n正文。\n2　职责\n正文。", ["1 1 总则", "2 2 职责"]),
        // Appendices restart numbering and are top-level.
        ("一、甲\n二、乙\n附件1\n十件实事\n一、实事\n二、实事\n附件2：名词解释\n1.词：\n释义",
         ["1 一、甲", "2 二、乙", "3 附件1 十件实事", "3.1 一、实事", "3.2 二、实事", "4 附件2 名词解释", "4.1 1.词："]),
        // Heading and body on one line.
        ("(一)聚力法治统筹,强化履职担当。深化学习。", ["1 (一)聚力法治统筹,强化履职担当"]),
        // Decimal children need their parent number.
        ("1 总则\n1.1 目的\n1.3 跳号\n2.1 错父\n1.2 等级\n1.2.1 国家级\n2 组织", ["1 1 总则", "1.1 1.1 目的", "1.2 1.2 等级", "1.2.1 1.2.1 国家级", "2 2 组织"]),
        // Markdown headings.
        ("# 一\n正文\n## 二\n## 三\n# 四", ["1 # 一", "1.1 ## 二", "1.2 ## 三", "2 # 四"]),
        // A notice listing its enclosure before any section: the listing is not an appendix.
        ("关于印发方案的通知\n现将方案印发给你们。\n附件：实施方案\n某某办公室\n实施方案\n一、总体要求\n二、主要任务",
         ["1 一、总体要求", "2 二、主要任务"]),
        // A dotted top level holds decimal children.
        ("1. 范围\n1.1 术语\n1.2 定义\n2. 要求\n2.1 总则", ["1 1.范围", "1.1 1.1 术语", "1.2 1.2 定义", "2 2.要求", "2.1 2.1 总则"]),
        // Articles numbered through chapters and sections.
        ("第一章 总则\n第一节 一般\n第一条 甲\n第二条 乙\n第二章 分则\n第三条 丙\n第一节 细目\n第四条 丁",
         ["1 第一章 总则", "1.1 第一节 一般", "1.1.1 第一条 甲", "1.1.2 第二条 乙", "2 第二章 分则", "2.1 第三条 丙", "2.2 第一节 细目", "2.2.1 第四条 丁"]),
        // Nothing numbered: no sections, all front matter.
        ("只有正文。\n第二段。", []),
    ]

    @Test(arguments: documents)
    func documentStructure(_ text: String, _ outline: [String]) {
        let report = ReportParser.parse(text)
        let actual = report.sections.map { section -> String in
            let joiner = "、）).．".unicodeScalars.contains(section.marker.unicodeScalars.last ?? " ") ? "" : " "
            // Articles have no heading; their row shows the beginning of their text.
            return "\(section.address) \(section.marker)\(section.lead.isEmpty ? "" : joiner + section.lead)"
        }
        #expect(actual == outline)
        LosslessTests.checkInvariants(report, text)
    }
}

@Suite struct FrontMatterTests {
    static let headers: [(String, String, [String])] = [
        ("杭州市钱塘区人民政府关于钱塘区2024年法治政府建设年度报告\n发布日期:2025-02-24 09:44 信息来源:钱塘区政府办公室\n正文。",
         "杭州市钱塘区人民政府关于钱塘区2024年法治政府建设年度报告", ["发布日期=2025-02-24 09:44", "信息来源=钱塘区政府办公室"]),
        ("索 引 号：\t0001\t主题分类：\t教育\n标　　题：\t某通知\n主 题 词：\n国务院关于印发某某\n实施方案的通知\n国发〔2019〕4号\n各省：",
         "国务院关于印发某某实施方案的通知", ["索引号=0001", "主题分类=教育", "标题=某通知"]),
        ("中华人民共和国2023年国民经济和社会发展统计公报\n国家统计局\n2024年2月29日\n一、综合",
         "中华人民共和国2023年国民经济和社会发展统计公报", []),
        ("国务院办公厅关于印发\n国 家 粮 食 应 急 预 案 的 函\n国办函〔2005〕57号", "国务院办公厅关于印发国家粮食应急预案的函", []),
        // A PDF breaks a title where the line runs out; no title ends in 和, so the next line,
        // though it starts like a numbered line, is more title.
        ("关于宣城市 2025 年预算执行情况和\n2026 年预算草案的报告\n——2026 年 1 月 28 日在宣城市\n各位代表：",
         "关于宣城市 2025 年预算执行情况和2026 年预算草案的报告", []),
        ("各位代表：\n现在，我代表国务院。", "", []),
        ("一、没有标题的报告\n正文。", "", []),
    ]

    @Test(arguments: headers)
    func titleAndMetadata(_ text: String, _ title: String, _ metadata: [String]) {
        let report = ReportParser.parse(text)
        #expect(report.title == title)
        #expect(report.metadata.map { "\($0.key)=\($0.value)" } == metadata)
    }
}
