import Foundation
import ReportTestSupport

/// Runs the built `report-browser` binary as a user would, capturing its output and status.
struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum CommandRunner {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let seedPath = repositoryRoot.appendingPathComponent("seeds/qiantang-2024-rule-of-law-report.txt").path
    static let corpusPath = repositoryRoot.appendingPathComponent("Tests/Corpus/docs").path

    /// The binary under test (TestPaths: next to the test bundle, or REPORT_BROWSER_BINARY).
    static var binary: URL {
        (try? TestPaths.reportBrowser()) ?? repositoryRoot.appendingPathComponent(".build/debug/report-browser")
    }

    /// The test's environment in UTF-8, with `overrides` on top.
    static func environment(_ overrides: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment.merge(overrides) { $1 }
        return environment
    }

    /// `stdin` nil gives the command a terminal as standard input, as when a user types the
    /// command in a shell (FILE left out then means the bundled report); data is piped in.
    static func run(
        _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
        currentDirectory: URL? = nil
    ) throws -> CommandResult {
        let terminal = stdin == nil ? try PseudoTerminal() : nil
        defer { terminal?.close() }
        let input: ChildProcess.Input = terminal.map { .descriptor($0.replica.fileDescriptor) } ?? .bytes(stdin ?? Data())
        let result = try ChildProcess.run(
            binary.path, arguments, input: input, environment: self.environment(environment),
            currentDirectory: currentDirectory?.path)
        return CommandResult(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }
}
