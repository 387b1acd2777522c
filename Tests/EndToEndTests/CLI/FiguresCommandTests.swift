import Foundation
import Testing

@Suite struct FiguresCommandTests {
    static func json(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try CommandRunner.run(["figures"] + arguments + ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(Set(object.keys) == ["figures"])
        return object["figures"] as? [[String: Any]] ?? []
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let figures = try Self.json([])
        #expect(figures.count == 15)
        let keys = ["address", "line", "text", "value", "unit", "kind", "direction", "qualifier", "subject", "sentence"]
        #expect(figures.allSatisfy { Set($0.keys) == Set(keys) })
        let review = try #require(figures.first { $0["text"] as? String == "281件" })
        #expect(review["address"] as? String == "1.3")
        #expect(review["line"] as? Int == 7)
        #expect(review["value"] as? Int == 281)
        #expect(review["unit"] as? String == "件")
        #expect(review["kind"] as? String == "count")
        #expect(review["direction"] is NSNull)
        #expect(review["qualifier"] is NSNull)
        #expect(review["subject"] as? String == "合法性审查")
        let growth = try #require(figures.first { $0["text"] as? String == "63.03%" })
        #expect(growth["kind"] as? String == "change" && growth["direction"] as? String == "up")
        let services = try #require(figures.first { $0["text"] as? String == "780余件次" })
        #expect(services["qualifier"] as? String == "余")
    }

    @Test func keysComeInTheDocumentedOrder() throws {
        let result = try CommandRunner.run(["figures", "--json"])
        let first = result.stdout.components(separatedBy: "}").first ?? ""
        let order = ["\"address\"", "\"line\"", "\"text\"", "\"value\"", "\"unit\"", "\"kind\"", "\"direction\"",
                     "\"qualifier\"", "\"subject\"", "\"sentence\""]
        let positions = order.compactMap { first.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted())
    }

    @Test func normalisedValuesAndUnitFilter() throws {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("figures-\(getpid()).txt")
        try "一、收入\n全市一般公共预算收入完成200.1亿元，增长4.7%。其中税收收入125.1亿元。\n".write(to: report, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: report) }
        let yuan = try Self.json([report.path, "--unit", "亿元"])
        #expect(yuan.map { $0["text"] as? String } == ["200.1亿元", "125.1亿元"])
        #expect((yuan.first?["value"] as? NSNumber)?.int64Value == 20_010_000_000)
        #expect(yuan.first?["unit"] as? String == "元")
        let percent = try Self.json([report.path, "--unit", "%"])
        #expect(percent.map { $0["subject"] as? String } == ["全市一般公共预算收入"])
    }

    @Test func sectionScopeAndErrors() throws {
        let inThird = try Self.json(["--section", "3"])
        #expect(inThird.map { $0["text"] as? String } == ["7名", "8次"])
        let missing = try CommandRunner.run(["figures", "--section", "9.9"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("--section"))
        let both = try CommandRunner.run(["figures", "--json", "--csv"])
        #expect(both.status != 0)
    }

    @Test func csvOpensInSpreadsheets() throws {
        let result = try CommandRunner.run(["figures", "--csv"])
        #expect(result.status == 0)
        let bytes = Array(result.stdout.utf8)
        #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
        let rows = result.stdout.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 16)
        #expect(rows[0] == "file,address,line,text,value,upper,unit,kind,direction,qualifier,subject,sentence")
        // The seed writes half-width commas inside sentences: those fields must be quoted.
        let credit = try #require(rows.first { $0.contains("98.97%") })
        #expect(credit.hasPrefix(",1.2,6,98.97%,98.97,,%,share,,,信用修复成功率,\""))
        #expect(credit.hasSuffix("\""))
    }

    @Test func tableNamesFilesWhenThereAreSeveral() throws {
        let result = try CommandRunner.run(["figures", CommandRunner.seedPath, CommandRunner.seedPath])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 30)
        #expect(lines.allSatisfy { $0.hasPrefix(CommandRunner.seedPath) })
    }

    @Test func hugeNumbersAreReportedNotPrinted() throws {
        let input = Data(("资金" + String(repeating: "9", count: 100_000) + "元，另有15件。\n").utf8)
        let result = try CommandRunner.run(["figures", "-", "--json"], stdin: input)
        #expect(result.status == 0)
        #expect(result.stderr.contains("line 1: number too large to read"))
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        let figures = object["figures"] as? [[String: Any]] ?? []
        #expect(figures.map { $0["text"] as? String } == ["15件"])
    }
}
