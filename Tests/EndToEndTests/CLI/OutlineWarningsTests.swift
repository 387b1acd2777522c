import Foundation
import Testing

/// `outline --warnings`, `--verbose` and the JSON `warnings` array (issue 12).
@Suite struct OutlineWarningsTests {
    static func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("outline-warnings-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static let defective = "报告\n一、甲\n（一）a\n（二）b\n三)c\n（四）d\n二、乙\n四、丁\n五、戊\n"

    @Test func warningsFlagPrintsOnlyTheWarnings() throws {
        let path = try Self.file(Self.defective)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CommandRunner.run(["outline", "--warnings", path])
        #expect(result.status == 0)
        #expect(result.stdout == "line 5: “三)” read as （三）\nline 8: numbering jumps from 二 to 四\n")
    }

    @Test func verbosePutsWarningsOnStandardError() throws {
        let path = try Self.file(Self.defective)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CommandRunner.run(["outline", "--verbose", path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("3  四、丁"))
        #expect(result.stderr.contains("line 8: numbering jumps from 二 to 四"))
        let quiet = try CommandRunner.run(["outline", path])
        #expect(quiet.stderr.isEmpty)
    }

    @Test func jsonExportCarriesTheWarnings() throws {
        let path = try Self.file(Self.defective)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CommandRunner.run(["export", "--format", "json", path])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let warnings = object?["warnings"] as? [[String: Any]] ?? []
        #expect(warnings.map { $0["line"] as? Int } == [5, 8])
        #expect(warnings.last?["message"] as? String == "numbering jumps from 二 to 四")
    }

    @Test func cleanReportHasNoWarnings() throws {
        let result = try CommandRunner.run(["outline", "--warnings"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
    }
}
