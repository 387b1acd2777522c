import ReportTestSupport
import Foundation
import ReportKit

/// Synthetic revisions built from real text: the articles of the 2017 行政复议法 and the tasks of
/// the 2024 government work report, rearranged the way revisions rearrange them.
enum RevisionFixtures {
    static let pairs = TestPaths.corpus.appendingPathComponent("pairs")

    /// The article bodies (text after `第N条`, items included) of the 2017 law.
    static let lawArticles = articleBodies("xingzheng_fuyi_fa_2017.txt")
    /// The same for its 2023 revision (90 articles).
    static let revisedLawArticles = articleBodies("xingzheng_fuyi_fa_2023.txt")

    private static func articleBodies(_ file: String) -> [String] {
        let report = ReportParser.parse((try? TestPaths.text(pairs.appendingPathComponent(file))) ?? "")
        return report.sections.filter { $0.marker.hasSuffix("条") }.map { section in
            let text = report.subtreeText(of: section)
            return String(text.dropFirst(section.marker.count)).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// The (n) tasks of the 2024 report: heading and body.
    static let tasks: [(heading: String, body: String)] = {
        let report = ReportParser.parse((try? TestPaths.text(TestPaths.corpus.appendingPathComponent("docs/01_guowuyuan_gwr2024.txt"))) ?? "")
        return report.sections.filter { $0.depth == 2 }.map { section in
            let body = report.slice(section.bodyRange).trimmingCharacters(in: .whitespacesAndNewlines)
            return (section.heading, body)
        }
    }()

    /// A law with one chapter and these articles, numbered in order.
    static func law(_ bodies: [String]) -> Report {
        var text = "中华人民共和国测试法\n第一章 总则\n"
        for (offset, body) in bodies.enumerated() {
            text += "第\(numeral(offset + 1))条 \(body)\n"
        }
        return ReportParser.parse(text)
    }

    /// A work report with one part and these tasks, numbered in order.
    static func workReport(_ tasks: [(heading: String, body: String)]) -> Report {
        var text = "政府工作报告\n一、今年政府工作任务\n"
        for (offset, task) in tasks.enumerated() {
            text += "（\(numeral(offset + 1))）\(task.heading)。\(task.body)\n"
        }
        return ReportParser.parse(text)
    }

    static func numeral(_ value: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch value {
        case 1..<10: return digits[value]
        case 10..<20: return "十" + digits[value - 10]
        case 20..<100: return digits[value / 10] + "十" + digits[value % 10]
        default:
            // 第一百条, 第一百零五条, 第一百一十条, 第三百四十一条
            let rest = value % 100
            let tail = rest == 0 ? "" : rest < 10 ? "零" + digits[rest] : rest < 20 ? "一" + numeral(rest) : numeral(rest)
            return digits[value / 100] + "百" + tail
        }
    }
}

extension SectionAlignment {
    /// `(old marker, new marker, status)` for the pairs of one tier, addressed by marker.
    func table(_ old: Report, _ new: Report, where keep: (Section) -> Bool) -> [(String?, String?, AlignmentStatus)] {
        pairs.compactMap { pair in
            let oldSection = pair.old.map { old.sections[$0] }
            let newSection = pair.new.map { new.sections[$0] }
            guard (oldSection ?? newSection).map(keep) == true else { return nil }
            return (oldSection?.marker, newSection?.marker, pair.status)
        }
    }
}
