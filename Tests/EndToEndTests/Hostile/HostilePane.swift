import ReportTestSupport
import Foundation
import Glibc

/// A tmux pane running a shell script around the real binary: it first sets a known window
/// title and prints a line of its own, so a test can tell afterwards whether the document took
/// over the title or wiped the screen, and whether the shell's screen came back.
final class HostilePane {
    static let title = "SAFE-TITLE"
    static let shellLine = "SHELL-TEXT-BEFORE"
    static let doneMarker = "AFTER-EXIT"

    let tmux: TmuxSession

    /// `commands` run after the title and the shell line (`$RB` is the binary) once `start()`
    /// is called; then the pane prints the last status and the terminal modes, and idles.
    init(_ commands: String, width: Int = 120, height: Int = 40) throws {
        let binary = TestPaths.shellQuoted(try TestPaths.reportBrowser().path)
        let script = "RB=\(binary); read go; printf '\\033]2;\(Self.title)\\033\\\\'; printf '\(Self.shellLine)\\n'; "
            + commands
            + "; status=$?; printf '\\n\(Self.doneMarker) status=%s modes=' $status; "
            + "stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(echo|icanon)$' | tr '\\n' ' '; printf 'END\\n'; sleep 60"
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("rb-hostile-state-\(UUID().uuidString)")
        tmux = try TmuxSession(script, width: width, height: height, environment: ["XDG_STATE_HOME": state.path])
    }

    /// Lets the commands run, after tmux has been set up to take clipboard writes (OSC 52) as
    /// paste buffers, so a test can see whether one got through.
    func start() throws {
        try tmux.run(["set-option", "-s", "set-clipboard", "on"])
        try tmux.sendKeys("Enter")
    }

    /// After the commands: the last status, echo and canonical mode back on, and the screen.
    func waitForExit(timeout: TimeInterval = 60) throws -> (status: Int, echo: Bool, canonical: Bool, screen: [String]) {
        let screen = try tmux.waitUntil(timeout: timeout, describedAs: "the end of the commands") { screen in
            screen.contains { $0.contains(Self.doneMarker) && $0.hasSuffix("END") }
        }
        let line = screen.first { $0.contains(Self.doneMarker) } ?? ""
        let status = line.components(separatedBy: "status=").last?.split(separator: " ").first.flatMap { Int($0) } ?? -1
        let modes = line.components(separatedBy: "modes=").last?.split(separator: " ").map(String.init) ?? []
        return (status, modes.contains("echo"), modes.contains("icanon"), screen)
    }

    /// The program the shell started (the browser), once it runs.
    func childPID() throws -> pid_t? {
        guard let shell = try tmux.panePID() else { return nil }
        let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        return children?.split(separator: " ").first.flatMap { pid_t($0) }
    }

    var cursorVisible: Bool { get throws { try tmux.value(of: "cursor_flag") == "1" } }
    var alternateScreenOn: Bool { get throws { try tmux.value(of: "alternate_on") == "1" } }
    var title: String { get throws { try tmux.paneTitle() } }

    /// What clipboard writes reached tmux.
    func pasteBuffers() throws -> [String] {
        try tmux.run(["list-buffers", "-F", "#{buffer_sample}"]).split(separator: "\n").map(String.init)
    }
}
