import Foundation
import Testing

/// `report-browser marks` against a private state directory (XDG_STATE_HOME), seeded with
/// hand-written state files in the documented format.
@Suite struct MarksCommandTests {
    /// A fresh XDG_STATE_HOME; the state directory inside it is created by the seeding.
    struct StateHome {
        let path: String
        var directory: String { path + "/report-browser" }
        var environment: [String: String] { ["XDG_STATE_HOME": path] }

        init() throws {
            path = NSTemporaryDirectory() + "marks-cli-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: path + "/report-browser", withIntermediateDirectories: true)
        }

        func remove() { try? FileManager.default.removeItem(atPath: path) }

        func write(_ json: String, documentHash: String) throws {
            try Data(json.utf8).write(to: URL(fileURLWithPath: "\(directory)/\(documentHash).json"))
        }
    }

    static let seedText = String(decoding: try! Data(contentsOf: URL(fileURLWithPath: CommandRunner.seedPath)), as: UTF8.self)

    static func byteOffset(of fragment: String) -> Int {
        let range = seedText.range(of: fragment)!
        return seedText.utf8.distance(from: seedText.startIndex, to: range.lowerBound)
    }

    static func line(of fragment: String) -> Int {
        seedText[..<seedText.range(of: fragment)!.lowerBound].filter { $0 == "\n" }.count + 1
    }

    /// The document hash as the command reports it (the tests cannot import ReaderState).
    static func documentHash(_ home: StateHome) throws -> String {
        let result = try CommandRunner.run(["marks", "--json"], environment: home.environment)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return try #require(object?["document"] as? String)
    }

    /// Marks a (heading of 3.2), b (inside 1.2) and c (text that is not in the report).
    static func seededState(hash: String) -> String {
        let inSection = byteOffset(of: "推行企业信用修复") - byteOffset(of: "(二)创新改革举措")
        return """
            {
              "formatVersion": 1,
              "documentHash": "\(hash)",
              "marks": {
                "b": {"createdAt": "2025-03-01T08:00:00Z",
                      "place": {"section": "1.2", "offset": \(inSection), "before": "", "after": "推行企业信用修复"}},
                "a": {"createdAt": "2025-03-01T09:00:00.250Z", "label": "述法",
                      "place": {"section": "3.2", "offset": 0, "before": "", "after": "(二)强化述职述法"}},
                "c": {"createdAt": "2025-03-01T10:00:00Z",
                      "place": {"section": "2.1", "offset": 3, "before": "", "after": "这段文字不在报告里面"}}
              }
            }
            """
    }

    @Test func noMarksIsAMessageNotAnError() throws {
        let home = try StateHome()
        defer { home.remove() }
        let result = try CommandRunner.run(["marks", CommandRunner.seedPath], environment: home.environment)
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "report-browser: \(CommandRunner.seedPath): no saved marks\n")
    }

    @Test func listsMarksInLetterOrderAndReportsDroppedOnes() throws {
        let home = try StateHome()
        defer { home.remove() }
        let hash = try Self.documentHash(home)
        #expect(hash.count == 64)
        try home.write(Self.seededState(hash: hash), documentHash: hash)

        let result = try CommandRunner.run(["marks", CommandRunner.seedPath], environment: home.environment)
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").map(String.init) == [
            "a  3.2  (二)强化述职述法  述法",
            "b  1.2  (二)创新改革举措,优化营商环境  推行企业信用修复",
        ])
        #expect(result.stderr == "report-browser: mark c dropped: its text is no longer in the report\n")
    }

    @Test func jsonGivesPositionsAndTheRenamedCopyHasTheSameMarks() throws {
        let home = try StateHome()
        defer { home.remove() }
        let hash = try Self.documentHash(home)
        try home.write(Self.seededState(hash: hash), documentHash: hash)
        let copy = home.path + "/renamed copy.txt"
        try FileManager.default.copyItem(atPath: CommandRunner.seedPath, toPath: copy)

        let result = try CommandRunner.run(["marks", copy, "--json"], environment: home.environment)
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["document"] as? String == hash)
        let marks = try #require(object["marks"] as? [[String: Any]])
        #expect(marks.map { $0["letter"] as? String } == ["a", "b"])
        #expect(marks.map { $0["address"] as? String } == ["3.2", "1.2"])
        #expect(marks.map { $0["marker"] as? String } == ["(二)", "(二)"])
        #expect(marks.map { $0["line"] as? Int } == [Self.line(of: "(二)强化述职述法"), Self.line(of: "推行企业信用修复")])
        #expect(marks.map { $0["offset"] as? Int } == [Self.byteOffset(of: "(二)强化述职述法"), Self.byteOffset(of: "推行企业信用修复")])
        #expect(marks[0]["label"] as? String == "述法")
        #expect(marks[1]["label"] == nil)
        #expect(marks[1]["snippet"] as? String == "推行企业信用修复")
        #expect(marks[0]["createdAt"] as? String == "2025-03-01T09:00:00Z")
    }

    @Test func damagedStateFileIsSetAsideWithANotice() throws {
        let home = try StateHome()
        defer { home.remove() }
        let hash = try Self.documentHash(home)
        try home.write(#"{"formatVersion": 1, "documentHash": "#, documentHash: hash)

        let result = try CommandRunner.run(["marks"], environment: home.environment)
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("report-browser: reading state was damaged (not valid JSON); set aside as \(home.directory)/\(hash).json.corrupt-") == true)
        #expect(lines.last == "report-browser: qiantang-2024-rule-of-law-report.txt: no saved marks")
        let files = try FileManager.default.contentsOfDirectory(atPath: home.directory)
        #expect(files.contains { $0.hasPrefix("\(hash).json.corrupt-") })
        #expect(!files.contains("\(hash).json"))
    }

    @Test func withoutAStateDirectoryItSaysSoAndSucceeds() throws {
        let result = try CommandRunner.run(["marks"], environment: ["XDG_STATE_HOME": "", "HOME": ""])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").first == "report-browser: HOME is not set: reading position and marks are not remembered")
    }

    @Test func helpHasAnExample() throws {
        let result = try CommandRunner.run(["marks", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("report-browser marks report.txt"))
        #expect(result.stdout.contains("--json"))
    }
}
