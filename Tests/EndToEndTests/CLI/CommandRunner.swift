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

    /// `stdin` nil gives the command a terminal as standard input, as when a user types the
    /// command in a shell (FILE left out then means the bundled report); data is piped in.
    static func run(
        _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
        currentDirectory: URL? = nil
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let terminal = stdin == nil ? try PseudoTerminal() : nil
        process.standardInput = terminal?.replica ?? input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        defer { terminal?.close() }
        // Read both pipes before waiting so a large output cannot fill a pipe and deadlock.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = output.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        errData = errors.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
