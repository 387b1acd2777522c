import Foundation
import Testing

@Suite struct OutlineCommandTests {
    @Test func bundledReportOutline() throws {
        let result = try CommandRunner.run(["outline"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4 + 6 + 2 + 3 + 3)
        #expect(lines.first == "1  一、主要举措和突出成效")
        #expect(lines.contains("  1.2  (二)创新改革举措,优化营商环境"))
        #expect(lines.contains("  3.2  (二)强化述职述法"))
        #expect(lines.last == "  4.3  (三)聚焦效能进阶,推动法治政府建设新突破")
    }

    @Test func explicitFileAndDepth() throws {
        let result = try CommandRunner.run(["outline", CommandRunner.seedPath, "--depth", "1"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").map(String.init) == [
            "1  一、主要举措和突出成效", "2  二、存在的不足和原因",
            "3  三、党政主要负责人履行推进法治建设第一责任人职责情况", "4  四、2025年主要工作安排",
        ])
    }

    @Test func jsonShape() throws {
        let result = try CommandRunner.run(["outline", "--json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(Set(object?.keys ?? [:].keys) == ["title", "metadata", "sections", "warnings"])
        #expect((object?["warnings"] as? [Any])?.isEmpty == true)
        #expect(object?["title"] as? String == "杭州市钱塘区人民政府关于钱塘区2024年法治政府建设年度报告")
        let metadata = object?["metadata"] as? [String: String]
        #expect(metadata?["发布日期"] == "2025-02-24 09:44")
        #expect(metadata?["信息来源"] == "钱塘区政府办公室")
        let sections = object?["sections"] as? [[String: Any]] ?? []
        #expect(sections.count == 4)
        let first = sections.first ?? [:]
        #expect(Set(first.keys) == ["address", "marker", "heading", "line", "kind", "children"])
        #expect(first["kind"] as? String == "section")
        #expect(first["line"] as? Int == 4)
        let child = (first["children"] as? [[String: Any]])?[1] ?? [:]
        #expect(child["address"] as? String == "1.2")
        #expect(child["marker"] as? String == "(二)")
        #expect(child["heading"] as? String == "创新改革举措,优化营商环境")
        #expect(child["line"] as? Int == 6)
    }

    @Test func appendicesAreMarkedInJSON() throws {
        let result = try CommandRunner.run(["outline", "--json", CommandRunner.corpusPath + "/02_guangdong_gwr2026.txt"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let kinds = (object?["sections"] as? [[String: Any]] ?? []).map { $0["kind"] as? String ?? "" }
        #expect(kinds == ["section", "section", "section", "appendix", "appendix"])
    }

    @Test func depthMustBePositive() throws {
        let result = try CommandRunner.run(["outline", "--depth", "0"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--depth"))
    }
}
