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

    /// Ctrl-Z while `v`'s editor runs stops the editor and the browser, as a shell's job of
    /// both would: the shell is back; fg gives the terminal to the editor again (it reads the
    /// next line typed), and when it ends the browser draws itself. The same for `|`'s command
    /// and for its "press Return" prompt.
    @Test func controlZInsideTheEditorOrAPipedCommandStopsBothAndFgResumesThem() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rb-e2e-ctrlz-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let editor = directory + "/editor.sh"
        let got = directory + "/got"
        // Ready once it is the terminal's foreground job (pgrp, field 5, is tpgid, field 8): a
        // Ctrl-Z before the browser has handed the terminal over would go to the browser.
        let untilForeground = "until [ \"$(cut -d' ' -f5 /proc/$$/stat)\" = \"$(cut -d' ' -f8 /proc/$$/stat)\" ]; do sleep 0.1; done"
        try Data("#!/bin/sh\n\(untilForeground)\necho EDITOR-WAITING\nread line\necho \"$line\" > \(TestPaths.shellQuoted(got))\n".utf8)
            .write(to: URL(fileURLWithPath: editor))
        chmod(editor, 0o755)
        let binary = TestPaths.shellQuoted(try TestPaths.reportBrowser().path)
        let tmux = try TmuxSession("exec bash --norc --noprofile -i", width: 100, height: 30,
                                   environment: ["XDG_STATE_HOME": directory + "/state", "PS1": "PROMPT$ "])
        try tmux.waitFor(text: "PROMPT$")
        // The editor run by sh rather than executed, which a fork elsewhere can make fail (ETXTBSY).
        try tmux.sendText("EDITOR='/bin/sh '\(TestPaths.shellQuoted(editor)) VISUAL= \(binary) --fresh \(TestPaths.shellQuoted(TestPaths.seed.path))")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: Self.lastChapter, timeout: 30)
        func stopAndResume(_ what: String) throws {
            try tmux.sendKeys("C-z")
            // Only the shell's prompt after its job report: `clear` first, so an earlier one
            // cannot count.
            try tmux.waitUntil(timeout: 30, describedAs: "the shell back after Ctrl-Z in \(what)") { screen in
                screen.contains { $0.contains("Stopped") } && screen.last { !$0.isEmpty }?.hasPrefix("PROMPT$") == true
            }
            try tmux.sendText("clear; fg")
            try tmux.sendKeys("Enter")
        }

        try tmux.sendKeys("v")
        try tmux.waitFor(text: "EDITOR-WAITING", timeout: 30)
        try stopAndResume("the editor")
        try tmux.waitUntil(timeout: 30, describedAs: "the shell's fg") { screen in
            !screen.contains { $0.contains("Stopped") }
        }
        try tmux.sendText("TYPED-AFTER-FG")
        try tmux.sendKeys("Enter")
        try tmux.waitUntil(timeout: 30, describedAs: "the browser back after the editor") { screen in
            screen.last?.contains("Back from") == true
        }
        #expect(try String(contentsOfFile: got, encoding: .utf8) == "TYPED-AFTER-FG\n")

        try tmux.sendKeys("|")
        // PIPE-READY typed in two pieces, so the prompt showing the command does not match.
        try tmux.sendText("\(untilForeground); echo PIPE-\"\"READY; read x < /dev/tty; echo \"PIPE-GOT $x\"")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "PIPE-READY", timeout: 30)
        try stopAndResume("the piped command")
        try tmux.waitUntil(timeout: 30, describedAs: "the shell's fg") { screen in
            !screen.contains { $0.contains("Stopped") }
        }
        try tmux.sendText("LINE")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "press Return", timeout: 30)
        #expect(try tmux.capture().contains { $0.contains("PIPE-GOT LINE") })
        try stopAndResume("the press-Return prompt")
        try tmux.waitFor(text: "press Return", timeout: 30)
        try tmux.sendKeys("Enter")
        try tmux.waitUntil(timeout: 30, describedAs: "the browser back after the pipe") { screen in
            screen.last?.contains("Piped") == true
        }
        try tmux.sendKeys("q")
        try tmux.waitFor(text: "PROMPT$", timeout: 30)
        try tmux.sendText("echo \"EXITED $?\"")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "EXITED 0", timeout: 30)
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
