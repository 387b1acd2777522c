import Foundation
import Testing

/// `search QUERY FILE` without an index answers through `UnindexedSearch`; a regular
/// expression of the same literal still goes through the whole-report index. Both must print
/// the same, for UTF-8 and GB18030 input, text and JSON, hits and no hits.
@Suite struct SearchUnindexedCommandTests {
    /// Literal queries without regex syntax, also after folding (`（一）` would fold to a group).
    static let queries = ["信用修复", "法治", "行政复议", "發展", "一、", "没有这个词", "龘"]

    @Test func printsWhatTheIndexedSearchPrints() throws {
        let docs = CommandRunner.corpusPath
        let files = [CommandRunner.seedPath, docs + "/01_guowuyuan_gwr2024.txt", docs + "/12_liangshi_yingji_yuan2005.txt"]
        for file in files {
            for query in Self.queries {
                for json in [false, true] {
                    let extra = json ? ["--json"] : []
                    let fast = try CommandRunner.run(["search", query, file, "--no-index"] + extra)
                    let indexed = try CommandRunner.run(["search", "--regex", query, file, "--no-index"] + extra)
                    #expect(fast.status == indexed.status, "\(query) \(file)")
                    #expect(fast.stdout == indexed.stdout, "\(query) \(file)")
                    #expect(fast.stderr == indexed.stderr, "\(query) \(file)")
                }
            }
        }
    }

    @Test func noHitMeansStatusOneAndNothingPrinted() throws {
        let result = try CommandRunner.run(["search", "龘龘", CommandRunner.seedPath])
        #expect(result.status == 1 && result.stdout.isEmpty && result.stderr.isEmpty, "\(result)")
        let json = try CommandRunner.run(["search", "龘龘", CommandRunner.seedPath, "--json"])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(object["query"] as? String == "龘龘" && object["total"] as? Int == 0, "\(json.stdout)")
        #expect((object["sections"] as? [Any])?.isEmpty == true, "\(json.stdout)")
        // One term present, the other nowhere: no section holds both.
        #expect(try CommandRunner.run(["search", "法治 龘龘", CommandRunner.seedPath]).status == 1)
        // A missing file is still an error, not "no hits".
        #expect(try CommandRunner.run(["search", "龘龘", "/nonexistent.txt"]).status == 2)
    }

    @Test func gb18030InputGoesThroughItsDecoder() throws {
        let text = try String(contentsOfFile: CommandRunner.seedPath, encoding: .utf8)
        let bytes = try #require(HostileInputTests.iconv(text, to: "GB18030"))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("unindexed-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("gbk.txt").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        for query in ["信用修复", "法治", "龘"] {
            let fromGB = try CommandRunner.run(["search", query, path, "--no-index"])
            let fromUTF8 = try CommandRunner.run(["search", query, CommandRunner.seedPath, "--no-index"])
            #expect(fromGB.status == fromUTF8.status, "\(query)")
            #expect(fromGB.stdout == fromUTF8.stdout, "\(query)")
        }
    }
}
