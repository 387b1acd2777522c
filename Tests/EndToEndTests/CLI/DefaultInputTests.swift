import Foundation
import Testing

/// FILE left out: piped standard input is the report, as for less and grep; the bundled report
/// only when standard input is a terminal.
@Suite struct DefaultInputTests {
    static let otherReport = CommandRunner.corpusPath + "/02_guangdong_gwr2026.txt"

    @Test(arguments: [["outline"], ["search", "高质量发展"], ["show", "1"], ["export", "--format", "md"], []])
    func pipedInputIsTheReport(_ arguments: [String]) throws {
        let piped = try Data(contentsOf: URL(fileURLWithPath: Self.otherReport))
        let fromPipe = try CommandRunner.run(arguments, stdin: piped)
        let fromFile = try CommandRunner.run(arguments + [Self.otherReport])
        #expect(fromPipe.status == 0, "\(fromPipe.stderr)")
        #expect(!fromPipe.stdout.isEmpty)
        #expect(fromPipe.stdout.replacingOccurrences(of: Self.otherReport, with: "<stdin>")
            == fromFile.stdout.replacingOccurrences(of: Self.otherReport, with: "<stdin>"))
        let bundled = try CommandRunner.run(arguments)
        #expect(bundled.stdout != fromPipe.stdout)
    }

    @Test func aTerminalOnStandardInputMeansTheBundledReport() throws {
        let result = try CommandRunner.run(["outline"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("四、2025年主要工作安排"))
    }

    @Test(arguments: [["outline"], ["search", "法治"], ["show", "1"], []])
    func anEmptyStandardInputIsSaidToBeEmpty(_ arguments: [String]) throws {
        let result = try CommandRunner.run(arguments, stdin: Data())
        #expect(result.status == (arguments.first == "search" ? 2 : 1))
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "report-browser: standard input is empty\n")
    }

    @Test func anEmptyFileIsSaidToBeEmpty() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rb-empty-\(UUID().uuidString).txt")
        try Data("\n  \n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CommandRunner.run(["outline", file.path])
        #expect(result.status == 1)
        #expect(result.stderr == "report-browser: \(file.path) is empty\n")
    }
}

/// Positions and marker paths name places in the outline and never fall back to headings.
@Suite struct StructuralAddressCommandTests {
    @Test(arguments: ["5", "0", "五", "第五"])
    func aChapterThatIsNotThereIsSaidSo(_ address: String) throws {
        let result = try CommandRunner.run(["show", address, CommandRunner.seedPath])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "report-browser: \(CommandRunner.seedPath) has 4 chapters; “\(address)” is not one of them\n"
            || (address == "第五" && result.stderr.contains("“第五”")))
    }

    @Test func aSubsectionThatIsNotThereNamesItsParent() throws {
        let result = try CommandRunner.run(["show", "3.9", CommandRunner.seedPath])
        #expect(result.status == 1)
        #expect(result.stderr.contains("section 3 三、 has 3 subsections; “3.9” is not one of them"))
    }

    @Test func swappedArgumentsSuggestTheRightOrder() throws {
        let result = try CommandRunner.run(["show", CommandRunner.seedPath, "3.2"])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.stderr.contains("report-browser show 3.2 \(CommandRunner.seedPath)"))
    }
}

/// Every usage error: one line on stderr naming the problem and the help to read, status 2.
@Suite struct UsageErrorTests {
    @Test(arguments: [
        (["outline", "--bogus"], "outline"), (["outline", "--depth", "0"], "outline"), (["show"], "show"),
        (["export", "--format", "pdf"], "export"), (["search"], "search"), (["marks", "--nope"], "marks"),
        (["browse", "--nope"], "browse"), (["--nope"], "browse"), (["outline", "--encoding", "latin9"], "outline"),
    ])
    func oneLineAndStatusTwo(_ arguments: [String], _ subcommand: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "\(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix("report-browser: "))
        #expect(result.stderr.contains("report-browser \(subcommand) --help"))
    }

    @Test func mdIsMarkdown() throws {
        let md = try CommandRunner.run(["export", "--format", "md", CommandRunner.seedPath])
        let markdown = try CommandRunner.run(["export", "--format", "markdown", CommandRunner.seedPath])
        #expect(md.status == 0)
        #expect(md.stdout == markdown.stdout)
        #expect(md.stdout.hasPrefix("# "))
    }
}
