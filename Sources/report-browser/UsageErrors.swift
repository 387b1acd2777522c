#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import FoundationEssentials

/// How the command line's own failures and help reach the user. A usage error is one line on
/// stderr naming the problem and the help to read, with exit status 2 for every subcommand
/// (grep's convention); help is laid out by display width.
enum CommandLineOutcome {
    static let usageStatus: Int32 = 2

    static func finish(_ error: Error, arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        let code = ReportBrowserCommand.exitCode(for: error)
        if code == .validationFailure {
            StandardStreams.error(usageLine(for: error))
            exit(usageStatus)
        }
        if code == .success, asksForHelp(arguments) {
            let unwrapped = ReportBrowserCommand.fullMessage(for: error, columns: 100_000)
            StandardStreams.output(HelpLayout.render(unwrapped, width: helpWidth()) + "\n", raw: true)
            exit(0)
        }
        ReportBrowserCommand.exit(withError: error)
    }

    /// "report-browser: unknown option '--bogus' (see `report-browser outline --help`)".
    static func usageLine(for error: Error) -> String {
        let full = ReportBrowserCommand.fullMessage(for: error, columns: 100_000)
        let lines = full.split(separator: "\n").map { $0.trimmingSpaces() }
        var problem = lines.first ?? "invalid arguments"
        if problem.hasPrefix("Error: ") { problem.removeFirst(7) }
        if let first = problem.first { problem = first.lowercased() + problem.dropFirst() }
        let help = lines.lazy.compactMap(helpCommand(in:)).first ?? "report-browser --help"
        return "report-browser: \(problem) (see `\(help)`)"
    }

    /// ArgumentParser's "See 'report-browser show --help' for more information." names the help.
    private static func helpCommand(in line: String) -> String? {
        guard line.hasPrefix("See '"), let end = line.dropFirst(5).firstIndex(of: "'") else { return nil }
        return String(line[line.index(line.startIndex, offsetBy: 5)..<end])
    }

    private static func asksForHelp(_ arguments: [String]) -> Bool {
        let beforeTerminator = arguments.prefix { $0 != "--" }
        return beforeTerminator.contains { ["-h", "--help", "-help"].contains($0) } || arguments.first == "help"
    }

    /// The terminal's width when help goes to one, else 80 columns.
    private static func helpWidth() -> Int {
        guard StandardStreams.outputIsTerminal else { return 80 }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 else { return 80 }
        return Int(size.ws_col)
    }
}
