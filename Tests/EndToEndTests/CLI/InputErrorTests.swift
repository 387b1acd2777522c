import Foundation
import Testing

/// Files that cannot be read give one clear line on stderr naming the file, and status 1.
@Suite struct InputErrorTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rb-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func missingFile() throws {
        let result = try CommandRunner.run(["outline", "/nonexistent/report.txt"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "report-browser: /nonexistent/report.txt: no such file\n")
    }

    @Test func directory() throws {
        let directory = try Self.temporaryDirectory()
        let result = try CommandRunner.run(["show", "1", directory.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("is a directory\n"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func binaryFile() throws {
        let file = try Self.temporaryDirectory().appendingPathComponent("image.bin")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0xFF, 0xFE]).write(to: file)
        let result = try CommandRunner.run(["outline", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("image.bin"))
        #expect(result.stderr.contains("binary"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func standardInput() throws {
        let seed = try Data(contentsOf: URL(fileURLWithPath: CommandRunner.seedPath))
        let result = try CommandRunner.run(["outline", "-", "--depth", "1"], stdin: seed)
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 4)
        let empty = try CommandRunner.run(["outline", "-"], stdin: Data())
        #expect(empty.status == 1)
        #expect(empty.stdout.isEmpty)
        #expect(empty.stderr == "report-browser: standard input is empty\n")
    }

    @Test func otherEncodingsGiveTheSameOutline() throws {
        let text = try String(contentsOf: URL(fileURLWithPath: CommandRunner.seedPath), encoding: .utf8)
        let expected = try CommandRunner.run(["outline", CommandRunner.seedPath]).stdout
        var utf16 = Data([0xFF, 0xFE])
        for unit in text.utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let directory = try Self.temporaryDirectory()
        let utf16File = directory.appendingPathComponent("utf16.txt")
        try utf16.write(to: utf16File)
        let crlfFile = directory.appendingPathComponent("crlf.txt")
        try Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: crlfFile)
        for file in [utf16File, crlfFile] {
            let result = try CommandRunner.run(["outline", file.path])
            #expect(result.status == 0, "\(file.lastPathComponent): \(result.stderr)")
            #expect(result.stdout == expected, "\(file.lastPathComponent)")
        }
    }

    @Test func unknownEncodingName() throws {
        let result = try CommandRunner.run(["outline", "--encoding", "latin9"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("latin9"))
    }
}

@Suite struct HelpAndVersionTests {
    @Test(arguments: ["outline", "show", "export", "browse"])
    func everySubcommandExplainsItselfWithAnExample(_ subcommand: String) throws {
        let result = try CommandRunner.run([subcommand, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Example"))
        #expect(result.stdout.contains("report-browser \(subcommand)") || subcommand == "browse")
    }

    @Test func topLevelHelpListsSubcommands() throws {
        let result = try CommandRunner.run(["--help"])
        #expect(result.status == 0)
        for name in ["outline", "show", "export", "browse"] { #expect(result.stdout.contains(name)) }
    }

    @Test func version() throws {
        let result = try CommandRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.first?.isNumber == true)
    }

    @Test func browsingIntoAPipePrintsTheOutline() throws {
        let browse = try CommandRunner.run([])
        let outline = try CommandRunner.run(["outline"])
        #expect(browse.status == 0)
        #expect(browse.stdout == outline.stdout)
        #expect(browse.stdout.contains("一、主要举措和突出成效"))
    }
}
