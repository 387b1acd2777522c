import Foundation
import Testing

@Suite struct SearchCommandTests {
    @Test func hitsPerSectionWithLinesAndSnippets() throws {
        let result = try CommandRunner.run(["search", "信用修复"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0] == "1.2  (二)创新改革举措,优化营商环境  (2 hits)")
        #expect(lines[1].hasPrefix("    6: ") && lines[1].contains("[信用修复]"))
        #expect(lines[3] == "4.2  (二)聚焦改革创新,营造优质法治化营商环境  (1 hit)")
        #expect(lines[4].hasPrefix("    20: ") && lines[4].contains("助力企业[信用修复]"))
    }

    @Test func allTermsMustOccurInTheSection() throws {
        let result = try CommandRunner.run(["search", "法治 政府 律师", "--json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(Set(object.keys) == ["query", "total", "sections"])
        #expect(object["query"] as? String == "法治 政府 律师")
        let sections = object["sections"] as? [[String: Any]] ?? []
        #expect(sections.map { $0["address"] as? String } == ["4.3"])
        let section = sections.first ?? [:]
        #expect(Set(section.keys) == ["file", "address", "heading", "count", "hits"])
        let hits = section["hits"] as? [[String: Any]] ?? []
        #expect(section["count"] as? Int == hits.count)
        #expect(object["total"] as? Int == hits.count)
        #expect(hits.allSatisfy { Set($0.keys) == ["line", "snippet"] && $0["line"] as? Int == 21 })
    }

    @Test func foldsFullAndHalfWidth() throws {
        let result = try CommandRunner.run(["search", "（一）", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        let addresses = (object["sections"] as? [[String: Any]] ?? []).compactMap { $0["address"] as? String }
        #expect(addresses == ["1.1", "2.1", "3.1", "4.1"])
    }

    @Test func exitStatusesLikeGrep() throws {
        #expect(try CommandRunner.run(["search", "没有这个词"]).status == 1)
        let badRegex = try CommandRunner.run(["search", "--regex", "("])
        #expect(badRegex.status == 2)
        #expect(badRegex.stderr.contains("expected ')'"))
        let missing = try CommandRunner.run(["search", "法治", "/nonexistent.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent.txt: no such file"))
        let badScope = try CommandRunner.run(["search", "法治", "--scope", "9.9"])
        #expect(badScope.status == 2)
    }

    @Test func scopeLimitsTheSearch() throws {
        let result = try CommandRunner.run(["search", "信用修复", "--scope", "4"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("4.2  "))
        #expect(!result.stdout.contains("1.2  "))
    }

    @Test func severalFilesNameTheirResults() throws {
        let docs = CommandRunner.corpusPath
        let result = try CommandRunner.run(["search", "应急", CommandRunner.seedPath, docs + "/12_liangshi_yingji_yuan2005.txt"])
        #expect(result.status == 0)
        let headers = result.stdout.split(separator: "\n").filter { !$0.hasPrefix("    ") }
        #expect(!headers.isEmpty)
        #expect(headers.allSatisfy { $0.hasPrefix(docs + "/12_liangshi_yingji_yuan2005.txt: ") })
    }

    @Test func regexMode() throws {
        let result = try CommandRunner.run(["search", "--regex", "98\\.\\d+%", "--json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(object["total"] as? Int == 1)
    }
}
