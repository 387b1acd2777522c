import Foundation
import ReportTestSupport
import Glibc
import Testing

/// What a reader expects of any full-screen program: Ctrl-Z and fg, Ctrl-L, words instead of a
/// blank screen, and piped text opened like less opens it.
@Suite(.serialized) struct TerminalConventionsEndToEndTests {
    static let lastChapter = "四、2025年主要工作安排"

    /// A shell with job control in the pane, so Ctrl-Z really stops the browser and fg resumes it.
    @Test func controlZSuspendsAndFgRedraws() throws {
        let binary = TestPaths.shellQuoted(try TestPaths.reportBrowser().path)
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("rb-e2e-state-\(UUID().uuidString)").path
        let tmux = try TmuxSession("exec bash --norc --noprofile -i", width: 100, height: 30,
                                   environment: ["XDG_STATE_HOME": state, "PS1": "PROMPT$ "])
        try tmux.waitFor(text: "PROMPT$")
        // The browser alone on the line: in a list, bash would run the rest once it stops.
        try tmux.sendText(binary)
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: Self.lastChapter)
        try tmux.sendKeys("C-z")
        // The shell is back: its job report and a prompt, the browser's screen gone.
        try tmux.waitUntil(describedAs: "the shell back after Ctrl-Z") { screen in
            screen.contains { $0.contains("Stopped") } && !screen.contains { $0.contains(Self.lastChapter) }
        }
        try tmux.sendText("stty -a | grep -o ' icanon'")
        try tmux.sendKeys("Enter")
        try tmux.waitUntil(describedAs: "cooked modes while suspended") { screen in
            screen.contains { $0 == " icanon" }
        }
        try tmux.sendText("fg")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: Self.lastChapter)
        try tmux.sendKeys("j")
        try tmux.waitUntil(describedAs: "the browser answering keys again") { screen in
            screen.last?.contains("一、主要举措和突出成效") == true
        }
        try tmux.sendKeys("q")
        try tmux.waitUntil(describedAs: "the shell back after q") { screen in
            !screen.contains { $0.contains(Self.lastChapter) }
        }
        try tmux.sendText("echo \"EXITED $?\"")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "EXITED 0")
    }

    /// Something else scribbles on the terminal; Ctrl-L draws the whole screen again.
    @Test func controlLRedraws() throws {
        let session = try BrowserSession(environmentPrefix: "")
        try session.waitFor(Self.lastChapter)
        try session.tmux.sendKeys("j")
        try session.waitForStatus(containing: "一、主要举措和突出成效")
        // Write straight to the pane's terminal, behind the browser's back.
        let tty = try session.tmux.value(of: "pane_tty")
        let scribble = "SCRIBBLED-OVER-THE-SCREEN"
        let handle = try #require(FileHandle(forWritingAtPath: tty))
        handle.write(Data("\u{1b}[5;5H\(scribble)".utf8))
        try handle.close()
        try session.tmux.waitFor(text: scribble)
        try session.tmux.sendKeys("C-l")
        try session.tmux.waitUntil(describedAs: "the scribble drawn over") { screen in
            !screen.contains { $0.contains(scribble) } && screen.contains { $0.contains(Self.lastChapter) }
        }
        #expect(try session.quit() == 0)
    }

    @Test func goToAChapterThatIsNotThereSaysSo() throws {
        let session = try BrowserSession()
        try session.waitFor(Self.lastChapter)
        try session.tmux.sendKeys(":")
        try session.tmux.sendText("5")
        try session.tmux.sendKeys("Enter")
        try session.waitForStatus(containing: "The report has 4 chapters; “5” is not one of them")
        #expect(try session.quit() == 0)
    }

    @Test func pipedTextIsTheReportAndKeysComeFromTheTerminal() throws {
        let binary = TestPaths.shellQuoted(try TestPaths.reportBrowser().path)
        let other = TestPaths.shellQuoted(TestPaths.repositoryRoot.appendingPathComponent("Tests/Corpus/docs/02_guangdong_gwr2026.txt").path)
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("rb-e2e-state-\(UUID().uuidString)").path
        let tmux = try TmuxSession("cat \(other) | XDG_STATE_HOME=\(state) \(binary); echo \"EXITED $?\"; sleep 30", width: 100, height: 30)
        try tmux.waitFor(text: "广东")
        let screen = try tmux.capture()
        #expect(!screen.contains { $0.contains(Self.lastChapter) })
        try tmux.sendKeys("q")
        try tmux.waitFor(text: "EXITED 0")
    }

    @Test func anEmptyFileIsSaidToBeEmpty() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rb-empty-\(UUID().uuidString).txt")
        try Data().write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let session = try BrowserSession(arguments: [file.path])
        let exit = try session.waitForExit()
        #expect(exit.status == 1)
        #expect(try session.tmux.capture().contains { $0.contains("\(file.lastPathComponent) is empty") })
    }

    @Test func readingATerminalSaysHowToEnd() throws {
        let session = try BrowserSession(arguments: ["outline", "-"])
        try session.waitFor("reading standard input… Ctrl-D ends it")
        try session.tmux.sendText("一、甲\n二、乙\n")
        try session.tmux.sendKeys("C-d")
        let exit = try session.waitForExit()
        #expect(exit.status == 0)
        #expect(try session.tmux.capture().contains { $0.contains("2  二、乙") })
    }
}
