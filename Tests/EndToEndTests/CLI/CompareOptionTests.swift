import Foundation
import Testing

/// `--compare` outside a terminal and with bad input: clear messages and statuses, never a hang.
@Suite struct CompareOptionTests {
    @Test func inAPipeItPrintsTheAlignedOutline() throws {
        let (old, new) = try CompareEndToEndTests.files()
        let result = try CommandRunner.run(["--compare", old, new], stdin: Data())
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("+   1.3 第三条 示范管理工作") }, "\(result.stdout)")
        #expect(lines.contains { $0.hasPrefix("-   2.2 第五条 违反") })
        // FILE --compare NEW is the same comparison.
        let second = try CommandRunner.run([old, "--compare", new], stdin: Data())
        #expect(second.stdout == result.stdout)
    }

    @Test func oneFileIsAUsageError() throws {
        let (old, _) = try CompareEndToEndTests.files()
        let result = try CommandRunner.run(["--compare", old], stdin: Data())
        // Usage errors exit 2 throughout (UsageErrors), as trouble does for `diff`.
        #expect(result.status == 2)
        #expect(result.stderr.contains("--compare takes two files"), "\(result.stderr)")
    }

    @Test func anEmptyFileIsRefusedWithAMessage() throws {
        let (old, _) = try CompareEndToEndTests.files()
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("rb-empty-\(UUID().uuidString).txt")
        try Data().write(to: empty)
        let result = try CommandRunner.run(["--compare", old, empty.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("report-browser:"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func aFileOfAnotherFormatGoesThroughItsImporter() throws {
        let html = CommandRunner.repositoryRoot.appendingPathComponent("Tests/Corpus/html/12_liangshi_yingji_yuan2005.html").path
        let result = try CommandRunner.run(["--compare", html, html], stdin: Data())
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count > 5)
        #expect(lines.allSatisfy { $0.hasPrefix("= ") }, "\(result.stdout.prefix(500))")
    }
}
