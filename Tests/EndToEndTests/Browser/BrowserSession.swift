import ReportTestSupport
import Foundation

/// The real browser in a tmux pane. The command runs under a shell that afterwards prints the
/// exit status and the terminal modes, so tests can check the terminal was given back.
final class BrowserSession {
    let tmux: TmuxSession
    /// Where this session's marks and last place are saved (XDG_STATE_HOME).
    let stateDirectory: String
    static let afterExitMarker = "AFTER-EXIT"

    /// `environmentPrefix` (`TERM=dumb`) is set for the browser alone, after tmux has set up the pane.
    init(
        arguments: [String] = [], width: Int = 100, height: Int = 30, environment: [String: String] = [:],
        environmentPrefix: String = "", stateDirectory: String? = nil
    ) throws {
        let binary = TestPaths.shellQuoted(try TestPaths.reportBrowser().path)
        let quoted = arguments.map(TestPaths.shellQuoted).joined(separator: " ")
        // `stty -a` lists modes as words; a leading '-' means the mode is off.
        // Saved reading state goes to a directory of this session's, never the real home.
        let state = stateDirectory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("rb-e2e-state-\(UUID().uuidString)").path
        self.stateDirectory = state
        let prefix = "XDG_STATE_HOME=\(TestPaths.shellQuoted(state)) \(environmentPrefix)"
        let command = "\(prefix) \(binary) \(quoted); status=$?; printf '\\n\(Self.afterExitMarker) status=%s modes=' $status; "
            + "stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(echo|icanon)$' | tr '\\n' ' '; printf 'END\\n'; sleep 30"
        tmux = try TmuxSession(command, width: width, height: height, environment: environment)
    }

    /// The status line: the bottom row of the screen.
    func statusLine() throws -> String {
        try tmux.capture().last ?? ""
    }

    @discardableResult
    func waitFor(_ text: String) throws -> [String] {
        try tmux.waitFor(text: text)
    }

    func waitForStatus(containing text: String) throws {
        try tmux.waitUntil(describedAs: "status line containing \(text)") { screen in
            screen.last?.contains(text) == true
        }
    }

    /// Types `:address` Enter and waits until the status line names `heading`.
    func goTo(_ address: String, expecting heading: String) throws {
        try tmux.sendKeys(":")
        try tmux.sendText(address)
        try tmux.sendKeys("Enter")
        try waitForStatus(containing: heading)
    }

    /// Quits with q and returns the exit status.
    func quit() throws -> Int {
        try tmux.sendKeys("q")
        return try waitForExit().status
    }

    /// After the browser exits: its status and whether echo and canonical mode are back on.
    func waitForExit() throws -> (status: Int, echo: Bool, canonical: Bool) {
        let screen = try tmux.waitFor(text: "END")
        guard let line = screen.first(where: { $0.contains(Self.afterExitMarker) }) else {
            throw TmuxError(description: "no exit line in:\n" + screen.joined(separator: "\n"))
        }
        let status = line.components(separatedBy: "status=").last?.split(separator: " ").first.flatMap { Int($0) } ?? -1
        let modes = line.components(separatedBy: "modes=").last?.split(separator: " ").map(String.init) ?? []
        return (status, modes.contains("echo"), modes.contains("icanon"))
    }
}
