import ReportTestSupport
import Foundation

/// Runs a program the way a shell would (C.UTF-8, no NO_COLOR), under `ChildProcess`'s
/// watchdog: a hostile input must not hang the binary, and a hang fails the test.
enum WatchedProcess {
    typealias Input = ChildProcess.Input
    typealias Result = ChildProcess.Result

    /// Generous: the debug build under AddressSanitizer on a busy two-core machine is slow, and
    /// this only has to tell "slow" from "never finishes".
    static let defaultLimit: TimeInterval = 240

    /// The built report-browser with `arguments`.
    static func browser(
        _ arguments: [String], input: Input = .devNull, environment: [String: String] = [:],
        limit: TimeInterval = defaultLimit
    ) throws -> Result {
        try run(try TestPaths.reportBrowser().path, arguments, input: input, environment: environment, limit: limit)
    }

    /// A bash script (for `set -o pipefail` and PIPESTATUS); `$RB` is the built report-browser.
    static func bash(_ script: String, limit: TimeInterval = defaultLimit) throws -> Result {
        try run("/bin/bash", ["-c", script], environment: ["RB": try TestPaths.reportBrowser().path], limit: limit)
    }

    static func run(
        _ executable: String, _ arguments: [String], input: Input = .devNull,
        environment extra: [String: String] = [:], limit: TimeInterval = defaultLimit
    ) throws -> Result {
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment.removeValue(forKey: "NO_COLOR")
        for (key, value) in extra { environment[key] = value }
        return try ChildProcess.run(executable, arguments, input: input, environment: environment, limit: limit)
    }
}
