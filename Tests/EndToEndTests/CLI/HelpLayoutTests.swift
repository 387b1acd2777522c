import Foundation
import ReportUI
import Testing

/// `--help` in a pipe is laid out for 80 columns, measured in display cells (a Chinese
/// character is two), so examples with Chinese in them keep their descriptions in line.
@Suite struct HelpLayoutTests {
    static let subcommands = [[], ["outline"], ["show"], ["search"], ["export"], ["browse"], ["marks"]]

    @Test(arguments: subcommands)
    func noLineIsWiderThanEightyCells(_ subcommand: [String]) throws {
        let result = try CommandRunner.run(subcommand + ["--help"])
        #expect(result.status == 0)
        for line in result.stdout.split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= 80, "\(subcommand): \(DisplayWidth.of(line)) cells: \(line)")
        }
    }

    @Test func exampleDescriptionsShareOneColumn() throws {
        let help = try CommandRunner.run(["--help"]).stdout
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasSuffix("Examples:") })
        let examples = lines[(start + 1)...].prefix { $0.hasPrefix("  ") }
        #expect(examples.count >= 5)
        let columns = examples.compactMap { line -> Int? in
            guard let gap = line.range(of: "  ", range: line.index(line.startIndex, offsetBy: 2)..<line.endIndex) else { return nil }
            let description = line[gap.upperBound...].drop { $0 == " " }
            return DisplayWidth.of(line[..<description.startIndex])
        }
        #expect(columns.count == examples.count, "\(examples)")
        #expect(Set(columns).count == 1, "description columns \(columns):\n\(examples.joined(separator: "\n"))")
    }

    @Test func wrappedOptionHelpStaysInItsColumn() throws {
        let help = try CommandRunner.run(["show", "--help"]).stdout
        let lines = help.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("  <file>") })
        // The <file> help is longer than one line: its continuation lines start at column 26.
        #expect(lines[start + 1].hasPrefix(String(repeating: " ", count: 26)))
        #expect(lines[start + 1].dropFirst(26).first != " ")
    }
}
