import Foundation
import ReportTestSupport
import Testing

/// docs/man/report-browser.1 is generated (scripts/generate-man-page) from the help dump next to
/// it; both must match the command definitions the binary has now.
@Suite struct ManPageTests {
    static let directory = TestPaths.repositoryRoot.appendingPathComponent("docs/man")

    @Test func theCommittedHelpDumpIsTheBinarysOwn() throws {
        let current = try CommandRunner.run(["--experimental-dump-help"])
        #expect(current.status == 0)
        let committed = try String(contentsOf: Self.directory.appendingPathComponent("report-browser.dump.json"), encoding: .utf8)
        #expect(current.stdout == committed, "the man page is stale: run scripts/generate-man-page and commit docs/man")
    }

    @Test func theManPageCoversEveryCommandAndOption() throws {
        let page = try String(contentsOf: Self.directory.appendingPathComponent("report-browser.1"), encoding: .utf8)
        let dump = try #require(JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.directory.appendingPathComponent("report-browser.dump.json"))) as? [String: Any])
        var commands = [try #require(dump["command"] as? [String: Any])]
        var checked = 0
        while let command = commands.popLast() {
            commands += command["subcommands"] as? [[String: Any]] ?? []
            if let abstract = command["abstract"] as? String { #expect(page.contains(abstract), "\(abstract)") }
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                    let long = try #require(name["name"] as? String)
                    // `Fl -count` alone, `Fl c , -count` beside a short name.
                    #expect(page.contains("Fl -\(long)") || page.contains(" , -\(long)"), "--\(long) missing from the man page")
                    checked += 1
                }
            }
        }
        #expect(checked > 10)
    }
}
