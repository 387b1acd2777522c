import Foundation
import Testing

@Suite struct DiffCommandTests {
    static let pairs = CommandRunner.repositoryRoot.appendingPathComponent("Tests/Corpus/pairs").path
    static let law2017 = pairs + "/xingzheng_fuyi_fa_2017.txt"
    static let law2023 = pairs + "/xingzheng_fuyi_fa_2023.txt"
    static let gwr2023 = pairs + "/gwr2023.txt"
    static let gwr2024 = CommandRunner.corpusPath + "/01_guowuyuan_gwr2024.txt"

    @Test func aReportWithItselfIsSameAndExitsZero() throws {
        let result = try CommandRunner.run(["diff", Self.law2017, Self.law2017])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 91)
        #expect(lines.allSatisfy { $0.hasPrefix("= ") })
        #expect(lines.first == "= 1 第一章 总则")
    }

    @Test func aRevisionFollowsRenumberedArticles() throws {
        let result = try CommandRunner.run(["diff", Self.law2017, Self.law2023])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        // 第四十一条 is unchanged but became 第八十九条.
        #expect(lines.contains { $0.hasPrefix(">   7.3 第四十一条 ") && $0.contains(" → 7.3 ") && $0.hasSuffix("moved") })
        #expect(lines.contains { $0.hasPrefix("+   1.5 第五条 行政复议机关办理行政复议案件，可以进行调") })
        #expect(lines.contains { $0.hasPrefix("-   7.4 第四十二条 本法施行前公布的法律有关行政复议的规定与") })
        #expect(lines.contains { $0.hasPrefix("~   1.5 第五条 ") && $0.contains("→ 1.10 第十条") && $0.contains("modified") })
    }

    @Test func statCountsPairsByStatus() throws {
        let result = try CommandRunner.run(["diff", Self.gwr2023, Self.gwr2024, "--stat"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "20 sections → 13 sections, 23 pairs")
        #expect(lines.dropFirst().map { $0.split(separator: ":")[0] } == [
            "= same", "~ modified", "> moved", "< split", "& merged", "+ new", "- removed",
        ])
        let total = lines.dropFirst().compactMap { Int($0.split(separator: " ").last ?? "") }.reduce(0, +)
        #expect(total == 23)
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let result = try CommandRunner.run(["diff", Self.gwr2023, Self.gwr2024, "--json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["old", "new", "pairs"])
        let old = try #require(object["old"] as? [String: Any])
        #expect(Set(old.keys) == ["file", "title"])
        #expect(old["title"] as? String == "政府工作报告")
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        #expect(pairs.allSatisfy { Set($0.keys) == ["old", "new", "status", "similarity"] })
        let statuses: Set<String> = ["same", "modified", "moved", "split", "merged", "new", "removed"]
        #expect(pairs.allSatisfy { statuses.contains($0["status"] as? String ?? "") })
        #expect(pairs.allSatisfy { (($0["similarity"] as? Double) ?? -1) >= 0 && (($0["similarity"] as? Double) ?? 2) <= 1 })
        // 2023 二（一） 着力扩大国内需求 is 2024 三（三）.
        let demand = try #require(pairs.first { ($0["old"] as? [String: Any])?["address"] as? String == "2.1" })
        let newSide = try #require(demand["new"] as? [String: Any])
        #expect(newSide["address"] as? String == "3.3")
        #expect(newSide["markers"] as? [String] == ["三、", "（三）"])
        #expect(Set(newSide.keys) == ["address", "markers", "heading"])
        // A new section has null for old.
        #expect(pairs.contains { $0["old"] is NSNull && ($0["new"] as? [String: Any])?["address"] as? String == "3.2" })
    }

    @Test func oneSectionShowsItsChangesAndNumbers() throws {
        let result = try CommandRunner.run(["diff", Self.law2017, Self.law2023, "第五条"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("可以依照{+《中华人民共和国+}行政诉讼法{+》+}的规定"))
        #expect(result.stdout.hasPrefix("~   1.5 第五条 "))
    }

    @Test func numbersThatChangedAreCalledOut() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("diff-numbers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let old = directory.appendingPathComponent("old.txt")
        let new = directory.appendingPathComponent("new.txt")
        try "工作报告\n一、主要工作\n全年办理行政复议案件281件，纠错率12.5%。\n二、下步打算\n继续推进。\n".write(to: old, atomically: true, encoding: .utf8)
        try "工作报告\n一、主要工作\n全年办理行政复议案件350件，纠错率9.8%。\n二、下步打算\n继续推进。\n".write(to: new, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["diff", old.path, new.path, "1"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("  281件 → 350件\n"))
        #expect(result.stdout.contains("  12.5% → 9.8%\n"))
        let whole = try CommandRunner.run(["diff", old.path, new.path]).stdout.split(separator: "\n")
        #expect(whole.count == 2)
        #expect(whole.first?.hasPrefix("~ 1 一、主要工作 → 1  modified ") == true)
        #expect(whole.last == "= 2 二、下步打算")
    }

    @Test func troubleExitsTwo() throws {
        let missing = try CommandRunner.run(["diff", "/nonexistent/old.txt", Self.law2017])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file"))
        let binary = try CommandRunner.run(["diff", Self.law2017, "-"], stdin: Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1]))
        #expect(binary.status == 2)
        #expect(binary.stderr.contains("binary"))
        let badAddress = try CommandRunner.run(["diff", Self.law2017, Self.law2023, "第九十九条"])
        #expect(badAddress.status == 2)
        let usage = try CommandRunner.run(["diff", Self.law2017]).status
        #expect(usage != 0 && usage != 1)
    }

    /// An empty side is said to be empty, as every command says it, rather than compared.
    @Test func anEmptyFileIsNamedAsEmpty() throws {
        let result = try CommandRunner.run(["diff", "-", Self.law2017, "--stat"], stdin: Data())
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("standard input is empty"))
    }
}
