import Foundation
import Testing
@testable import ReportKit

/// The rules one by one, on sentences of the kind official reports are made of.
@Suite struct FigureExtractionTests {
    static func figures(_ text: String) -> [Figure] {
        FigureExtractor.extract(from: ReportParser.parse(text)).figures
    }

    static func only(_ text: String) -> Figure? {
        let found = figures(text)
        return found.count == 1 ? found[0] : nil
    }

    @Test func normalisesValuesAndUnits() throws {
        let cases: [(String, String, String, String)] = [
            ("一般公共预算收入完成200.1亿元。", "200.1亿元", "20010000000", "元"),
            ("国内生产总值1.45万亿。", "1.45万亿", "1450000000000", ""),
            ("办理一百零五件。", "一百零五件", "105", "件"),
            ("培训三千余人。", "三千余人", "3000", "人"),
            ("受理案件１２３４件。", "１２３４件", "1234", "件"),
            ("资金1,234,567元。", "1,234,567元", "1234567", "元"),
            ("城镇化率提高0.8个百分点。", "0.8个百分点", "0.8", "百分点"),
            ("PM2.5平均浓度为30微克/立方米。", "30微克/立方米", "30", "微克/立方米"),
            ("完成造林12.5万亩。", "12.5万亩", "125000", "亩"),
            ("发电量增长2倍。", "2倍", "2", "倍"),
            ("接待游客3200万人次。", "3200万人次", "32000000", "人次"),
            ("发放补贴两万元。", "两万元", "20000", "元"),
            ("占比百分之三十。", "百分之三十", "30", "%"),
            ("用电量120亿千瓦时。", "120亿千瓦时", "12000000000", "千瓦时"),
        ]
        for (sentence, text, value, unit) in cases {
            let figure = try #require(Self.only(sentence), "\(sentence): \(Self.figures(sentence).map(\.text))")
            #expect(figure.text == text, "\(sentence)")
            #expect(figure.value == Decimal(string: value), "\(sentence): \(figure.value)")
            #expect(figure.unit == unit, "\(sentence)")
        }
    }

    @Test func keepsQualifiersAndRanges() throws {
        let cases: [(String, String, String?)] = [
            ("受益群众约3万人。", "约3万人", "约"),
            ("新增就业1200万人以上。", "1200万人以上", "以上"),
            ("增长5%左右。", "5%左右", "左右"),
            ("服务780余件次。", "780余件次", "余"),
            ("出口超过60%。", "超过60%", "超过"),
            ("投资不超过100万元。", "不超过100万元", "不超过"),
            ("带动数十亿元投资。", "数十亿元", "数"),
            ("服务期限3—5年。", "3—5年", "至"),
            ("增速10%至15%。", "10%至15%", "至"),
        ]
        for (sentence, text, qualifier) in cases {
            let found = Self.figures(sentence)
            let figure = try #require(found.count == 1 ? found[0] : nil, "\(sentence): \(found.map(\.text))")
            #expect(figure.text == text, "\(sentence)")
            #expect(figure.qualifier == qualifier, "\(sentence)")
        }
        let range = try #require(Self.only("服务期限3—5年。"))
        #expect(range.value == 3 && range.upperValue == 5)
        #expect(try #require(Self.only("带动数十亿元投资。")).isApproximate)
    }

    @Test func readsKindsAndDirections() throws {
        let cases: [(String, FigureKind, FigureDirection?)] = [
            ("合法性审查281件。", .count, nil),
            ("行政复议案件同比增长63.03%。", .change, .up),
            ("失业率下降0.8个百分点。", .change, .down),
            ("信用修复成功率98.97%。", .share, nil),
            ("税收收入占比重62.5%。", .share, nil),
            ("一般公共预算收入完成200.1亿元。", .amount, nil),
            ("今年发展主要预期目标是：国内生产总值增长5%左右。", .target, .up),
            ("力争完成投资300亿元。", .target, nil),
            ("比上年末减少6.87万人。", .change, .down),
            ("常住人口城镇化率提高到66.2%。", .share, nil),
            // Lengths of time and ages measure; they count nothing.
            ("实现15分钟公共法律服务全覆盖。", .amount, nil),
            ("扣除期限最长不超过240个月。", .amount, nil),
            ("考试时限180分钟。", .amount, nil),
            ("办理时限压缩至3个工作日。", .amount, nil),
            ("年满60岁的父母。", .amount, nil),
            ("顶岗实习时间一般为6个月。", .amount, nil),
            ("新增普惠托位2000个。", .count, nil),
        ]
        for (sentence, kind, direction) in cases {
            let figure = try #require(Self.only(sentence), "\(sentence)")
            #expect(figure.kind == kind, "\(sentence): \(figure.kind)")
            #expect(figure.direction == direction, "\(sentence)")
        }
    }

    @Test func findsSubjects() throws {
        let cases: [(String, [String])] = [
            ("完成行政规范性文件、重大决策等合法性审查281件。", ["合法性审查"]),
            ("一般公共预算收入完成200.1亿元，增长4.7%。", ["一般公共预算收入", "一般公共预算收入"]),
            ("全年受理行政复议案件356件。", ["受理行政复议案件"]),
            ("及时干预阻止3起趋利性执法行为。", ["趋利性执法行为"]),
            ("常住人口城镇化率为81.01%，比上年末提高0.58个百分点。", ["常住人口城镇化率", "常住人口城镇化率"]),
            ("三次产业增加值占地区生产总值比重分别为2.39%、28.56%、69.05%。",
             Array(repeating: "三次产业增加值占地区生产总值比重", count: 3)),
        ]
        for (sentence, subjects) in cases {
            #expect(Self.figures(sentence).map(\.subject) == subjects, "\(sentence)")
        }
    }

    @Test func leavesOutWhatIsNotAFigure() {
        let sentences = [
            "2024年，全区工作稳步推进。", "2025年2月24日发布。", "“十四五”规划顺利实施。", "第三条　本办法自公布之日起施行。",
            "（一）加强领导。", "地区生产总值[2]持续增长。", "咨询电话：0571-86012345。", "国发〔2019〕4号",
            "深入落实《法治政府建设实施纲要(2021-2025年)》。", "推行“一件事”改革。", "推进5G网络建设。",
            "实施2021—2025年行动计划。", "全面贯彻党的二十届三中全会精神。", "推进三次产业融合。", "落实一批项目。",
            "发布日期:2025-02-24 09:44", "— 1 —", "图 1 2021—2025 年地区生产总值", "1.1　组织机构",
            "PM2.5浓度下降。", "C919投入商业运营。", "第十四届全国人民代表大会第二次会议", "20世纪80年代以来",
        ]
        for sentence in sentences {
            #expect(Self.figures(sentence).isEmpty, "\(sentence): \(Self.figures(sentence).map(\.text))")
        }
    }

    @Test func keepsPositionsForJumping() throws {
        let report = ReportParser.parse(String(decoding: BundledReport.bytes, as: UTF8.self))
        let figures = FigureExtractor.extract(from: report).figures
        let figure = try #require(figures.first { $0.text == "281件" })
        #expect(figure.address == "1.3")
        #expect(figure.line == 7)
        #expect(report.slice(figure.range) == "281件")
        #expect(figure.sectionIndex.map { report.sections[$0].address } == "1.3")
        #expect(report.slice(figure.sentenceRange).contains("281件"))
        for figure in figures {
            #expect(report.slice(figure.range) == figure.text)
            #expect(report.lines.line(at: figure.range.lowerBound) == figure.line)
        }
    }

    @Test func tableSortsFiltersAndScopes() throws {
        let report = ReportParser.parse(String(decoding: BundledReport.bytes, as: UTF8.self))
        let table = FigureTable(report: report)
        let byValue = table.withUnit("件").sorted(by: .value, ascending: false)
        #expect(byValue.rows.map(\.text) == ["281件", "83件"])
        #expect(table.filtered(by: "审查").rows.map(\.text) == ["281件", "573条"])
        let percent = table.withUnit("％")
        #expect(percent.rows.map(\.text) == ["98.97%", "100%", "63.03%", "6.38%"])
        guard case .found(let third) = report.resolve("3") else {
            Issue.record("no section 3")
            return
        }
        #expect(table.inSection(third, of: report).rows.map(\.text) == ["7名", "8次"])
        #expect(FigureTable.normalizedUnit("亿元") == "元")
        #expect(FigureTable.normalizedUnit("万人") == "人")
        #expect(FigureTable.normalizedUnit("个百分点") == "百分点")
    }
}
