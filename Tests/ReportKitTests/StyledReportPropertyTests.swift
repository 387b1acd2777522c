import ReportTestSupport
import Testing
@testable import ReportKit

/// Randomly generated reports in the styles of issue 12 parse back to the tree they were
/// generated from: unmarked parts, glued two-digit numbers, 章/节/条 with items, and PDF-like
/// text (hard wraps, page numbers, blank lines inside paragraphs, lone markers, full-width digits).
@Suite struct StyledReportPropertyTests {
    /// One expected section: depth, marker and heading (nil: not compared, for articles).
    struct Node: Equatable, CustomStringConvertible {
        var depth: Int
        var marker: String
        var heading: String?
        var description: String { "\(depth) \(marker) \(heading ?? "*")" }
    }

    static func check(_ text: String, _ expected: [Node], _ label: String) {
        let report = ReportParser.parse(text)
        LosslessTests.checkInvariants(report, label)
        let actual = report.sections.map { section in
            Node(depth: section.depth, marker: section.marker.filter { !$0.isWhitespace },
                 heading: section.isArticle ? nil : LayoutSpace.removingAll(from: section.heading))
        }
        let wanted = expected.map { node in
            Node(depth: node.depth, marker: node.marker, heading: node.heading.map { LayoutSpace.removingAll(from: $0) })
        }
        #expect(actual == wanted, "\(label)\n\(text)")
        #expect(report.warnings.isEmpty, "\(label)")
    }

    let phrases = ["扎实推进产业升级", "持续改善民生福祉", "深化重点领域改革", "扩大高水平对外开放", "加强生态环境保护",
                          "统筹发展和安全", "提升政府治理效能", "推动城乡融合发展", "综合", "农业", "工业和建筑业", "资源环境和应急管理"]
    let sentences = ["我们坚持稳中求进工作总基调，经济运行总体平稳，发展质量稳步提升。", "城乡居民收入稳步增长，社会大局保持稳定。",
                            "全面落实各项政策措施，切实推动各项任务落地见效。", "财政收支运行平稳，重点领域支出得到有力保障。",
                            "各级各部门要高度重视，加强组织领导，确保取得实效。"]

    func paragraph(using generator: inout SplitMix64) -> String {
        (0..<Int.random(in: 1...3, using: &generator)).map { _ in sentences.randomElement(using: &generator)! }.joined()
    }

    func numeral(_ value: Int) -> String { NumberingTolerance.numeral(value) }

    @Test(arguments: 0..<40)
    func unmarkedParts(_ seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed) &+ 1_200)
        var lines = ["某市人民政府工作报告", "各位代表：", "现在，我代表市人民政府向大会报告工作，请予审议。"]
        var expected: [Node] = []
        var used = Set<String>()
        for _ in 0..<Int.random(in: 2...5, using: &generator) {
            var heading = phrases.randomElement(using: &generator)! + "情况"
            while used.contains(heading) { heading = "进一步" + heading }
            used.insert(heading)
            lines.append(heading)
            expected.append(Node(depth: 1, marker: "", heading: heading))
            if Bool.random(using: &generator) {
                for _ in 0..<Int.random(in: 1...3, using: &generator) { lines.append(paragraph(using: &generator)) }
            } else {
                if Bool.random(using: &generator) { lines.append(paragraph(using: &generator)) }
                for item in 1...Int.random(in: 1...4, using: &generator) {
                    let phrase = phrases.randomElement(using: &generator)!
                    lines.append("（\(numeral(item))）\(phrase)。\(paragraph(using: &generator))")
                    expected.append(Node(depth: 2, marker: "（\(numeral(item))）", heading: phrase))
                }
            }
        }
        Self.check(lines.joined(separator: "\n") + "\n", expected, "unmarked #\(seed)")
    }

    @Test(arguments: 0..<40)
    func gluedNumbers(_ seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed) &+ 2_400)
        var lines = ["某市国民经济和社会发展统计公报", "某市统计局"]
        var expected: [Node] = []
        let distractors = ["2022年全市常住人口保持稳定。", "10件民生实事全部完成。", "18.64", "12月末", "05", "2.5"]
        for part in 1...Int.random(in: 2...14, using: &generator) {
            let number = part < 10 ? "0\(part)" : "\(part)"
            let heading = phrases.randomElement(using: &generator)!
            lines.append(number + heading)
            expected.append(Node(depth: 1, marker: number, heading: heading))
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                lines.append(Bool.random(using: &generator) ? paragraph(using: &generator) : distractors.randomElement(using: &generator)!)
            }
        }
        Self.check(lines.joined(separator: "\n") + "\n", expected, "glued #\(seed)")
    }

    @Test(arguments: 0..<40)
    func chaptersSectionsArticles(_ seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed) &+ 3_600)
        var lines = ["中华人民共和国某某法"]
        var expected: [Node] = []
        var article = 0
        func articles(_ depth: Int, _ generator: inout SplitMix64) {
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                article += 1
                let items = Int.random(in: 0...3, using: &generator)
                lines.append("第\(numeral(article))条\u{3000}" + (items > 0 ? "有下列情形之一的，依照本法处理：" : sentences.randomElement(using: &generator)!))
                expected.append(Node(depth: depth, marker: "第\(numeral(article))条", heading: nil))
                guard items > 0 else { continue }
                for item in 1...items {
                    let phrase = phrases.randomElement(using: &generator)!
                    lines.append("（\(numeral(item))）\(phrase)" + (item == items ? "。" : "；"))
                    // The heading runs to the first 。, so an item's ； is part of it.
                    expected.append(Node(depth: depth + 1, marker: "（\(numeral(item))）", heading: phrase + (item == items ? "" : "；")))
                }
                if Bool.random(using: &generator) { lines.append("前款规定的情形，由有关主管部门依法认定。") }
            }
        }
        for chapter in 1...Int.random(in: 2...5, using: &generator) {
            let title = phrases.randomElement(using: &generator)!
            lines.append("第\(numeral(chapter))章 \(title)")
            expected.append(Node(depth: 1, marker: "第\(numeral(chapter))章", heading: title))
            if Bool.random(using: &generator) {
                for section in 1...Int.random(in: 1...3, using: &generator) {
                    let name = phrases.randomElement(using: &generator)!
                    lines.append("第\(numeral(section))节 \(name)")
                    expected.append(Node(depth: 2, marker: "第\(numeral(section))节", heading: name))
                    articles(3, &generator)
                }
            } else {
                articles(2, &generator)
            }
        }
        Self.check(lines.joined(separator: "\n") + "\n", expected, "law #\(seed)")
    }

    @Test(arguments: 0..<40)
    func pdfLikeText(_ seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed) &+ 4_800)
        var logical: [(text: String, wrap: Bool)] = [
            ("关于某市预算执行情况的报告", false), ("各位代表：", false), (paragraph(using: &generator), true)]
        var expected: [Node] = []
        let digits = ["1", "2", "3", "4", "5"]
        let wide = ["１", "２", "３", "４", "５"]
        for chapter in 1...Int.random(in: 2...5, using: &generator) {
            let heading = phrases.randomElement(using: &generator)!
            if Bool.random(using: &generator) {
                logical.append(("\(numeral(chapter))、", false))
                logical.append((heading, false))
            } else {
                logical.append(("\(numeral(chapter))、\(heading)", false))
            }
            expected.append(Node(depth: 1, marker: "\(numeral(chapter))、", heading: heading))
            for child in 0..<Int.random(in: 0...3, using: &generator) {
                let phrase = phrases.randomElement(using: &generator)!
                logical.append(("（\(numeral(child + 1))）\(phrase)", false))
                expected.append(Node(depth: 2, marker: "（\(numeral(child + 1))）", heading: phrase))
                logical.append((paragraph(using: &generator), true))
                for item in 0..<Int.random(in: 0...2, using: &generator) {
                    let number = Bool.random(using: &generator) ? wide[item] : digits[item]
                    let phrase = phrases.randomElement(using: &generator)!
                    logical.append(("\(number).\(phrase)", false))
                    expected.append(Node(depth: 3, marker: "\(number).", heading: phrase))
                    logical.append((paragraph(using: &generator), true))
                }
            }
            logical.append((paragraph(using: &generator), true))
        }
        // Lay the text out as pdftotext does: wrapped at a fixed width, page numbers and form
        // feeds every so many lines, now and then a blank line inside a paragraph.
        let width = Int.random(in: 20...35, using: &generator)
        var physical: [String] = []
        for (text, wrap) in logical {
            guard wrap else {
                physical.append(text)
                continue
            }
            var rest = Substring(text)
            while !rest.isEmpty {
                physical.append(String(rest.prefix(width)))
                rest = rest.dropFirst(width)
                if !rest.isEmpty, Int.random(in: 0..<12, using: &generator) == 0 { physical.append("") }
            }
        }
        var lines: [String] = []
        var page = 1
        let pageLength = Int.random(in: 8...20, using: &generator)
        for (index, line) in physical.enumerated() {
            lines.append(index > 0 && index % pageLength == 0 ? "\u{0C}" + line : line)
            if index % pageLength == pageLength - 1 {
                lines.append(["- \(page) -", "— \(page) —", "\(page)"].randomElement(using: &generator)!)
                lines.append("")
                page += 1
            }
        }
        Self.check(lines.joined(separator: "\n") + "\n", expected, "pdf #\(seed)")
    }
}
