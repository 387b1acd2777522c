import Foundation
import ReportKit
import ReportTestSupport
import Testing

/// Issue 14 item 8 in the real binary under tmux: `y` into tmux's buffer by OSC 52, `v` in an
/// editor that records how it was called, `|` to a command, `s` to a new file.
@Suite(.serialized) struct TextOutEndToEndTests {
    static let report = ReportParser.parse((try? TestPaths.text(TestPaths.seed)) ?? "")

    static func section(_ address: String) throws -> Section {
        try #require(report.sections.first { $0.address == address })
    }

    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("rb-textout-\(UUID().uuidString)-\(name)").path
    }

    /// The browser on the bundled seed with `address` selected, and that section.
    static func opened(at address: String, environment: [String: String] = [:]) throws -> (BrowserSession, Section) {
        let session = try BrowserSession(arguments: ["--fresh", TestPaths.seed.path], environment: environment)
        let section = try Self.section(address)
        try session.goTo(address, expecting: section.heading)
        return (session, section)
    }

    @Test func yCopiesTheSelectedSectionIntoTmuxsBufferByOSC52() throws {
        let (session, section) = try Self.opened(at: "3.2")
        // `on`: tmux takes an application's OSC 52 into a paste buffer (`external` would not).
        try session.tmux.run(["set-option", "-s", "set-clipboard", "on"])
        try session.tmux.sendKeys("y")
        try session.waitForStatus(containing: "Copied")
        let buffer = try session.tmux.run(["show-buffer"])
        #expect(buffer == String(Self.report.slice(section.subtreeRange)))
        #expect(try session.quit() == 0)
    }

    @Test func vOpensTheEditorAtTheSectionsLineAndRedrawsOnReturn() throws {
        let record = Self.temporary("editor-arguments")
        let script = Self.temporary("editor.sh")
        defer { for path in [record, script] { try? FileManager.default.removeItem(atPath: path) } }
        try Data("#!/bin/sh\nprintf '%s\\n' \"$@\" > \(TestPaths.shellQuoted(record))\n".utf8)
            .write(to: URL(fileURLWithPath: script))
        // Run through sh, not exec'd: a script just written can be "text file busy" while
        // another test forks with its descriptor still open.
        let (session, section) = try Self.opened(at: "3.2", environment: ["EDITOR": "/bin/sh " + script, "VISUAL": ""])
        try session.tmux.sendKeys("v")
        try session.waitForStatus(containing: "Back from")
        let arguments = try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(arguments == ["+\(section.line)", TestPaths.seed.path])
        // Redrawn: the tree and the text are back, not the shell's screen.
        let screen = try session.tmux.capture()
        #expect(screen.contains { $0.contains(section.heading) }, "\(screen.joined(separator: "\n"))")
        #expect(try session.quit() == 0)
    }

    /// The editor appends a chapter the first time and deletes the file the second: the
    /// browser reloads the first edit where the reader was, and keeps its text after the second.
    @Test func vReloadsAnEditedFileInPlaceAndKeepsTheTextOfOneThatNoLongerOpens() throws {
        let copy = Self.temporary("edited.txt")
        let script = Self.temporary("appending-editor.sh")
        let calls = Self.temporary("calls")
        defer { for path in [copy, script, calls] { try? FileManager.default.removeItem(atPath: path) } }
        try FileManager.default.copyItem(atPath: TestPaths.seed.path, toPath: copy)
        let appended = "五、编辑器新加的一章"
        try Data("""
            #!/bin/sh
            echo called >> \(TestPaths.shellQuoted(calls))
            if [ "$(wc -l < \(TestPaths.shellQuoted(calls)))" -eq 1 ]; then
                printf '\\n\(appended)\\n编辑器写下的正文。\\n' >> "$2"
            else
                rm -f "$2"
            fi

            """.utf8).write(to: URL(fileURLWithPath: script))
        chmod(script, 0o755)
        let section = try Self.section("3.2")
        // Run by sh, not executed: a test running beside this one may fork while the script's
        // descriptor is still open for writing, and exec then fails with ETXTBSY (status 126).
        let session = try BrowserSession(arguments: ["--fresh", copy], environment: ["EDITOR": "/bin/sh " + script, "VISUAL": ""])
        try session.goTo("3.2", expecting: section.heading)
        try session.tmux.sendKeys("v")
        _ = try session.tmux.waitUntil(timeout: 30, describedAs: "the reload named in the status line") { screen in
            screen.last?.contains("Reloaded") == true
        }
        // The new chapter is in the tree, and the reader is still at 3.2.
        let screen = try session.tmux.capture()
        #expect(screen.contains { $0.contains(appended) }, "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains(section.heading) }, "\(screen.joined(separator: "\n"))")
        try session.tmux.sendKeys("v")
        _ = try session.tmux.waitUntil(timeout: 30, describedAs: "the old text kept") { screen in
            screen.last?.contains("Kept the old text") == true
        }
        #expect(try session.tmux.capture().contains { $0.contains(appended) })
        #expect(try session.quit() == 0)
    }

    @Test func pipeRunsTheCommandShowsItsOutputAndComesBack() throws {
        let output = Self.temporary("piped")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let (session, section) = try Self.opened(at: "2")
        try session.tmux.sendKeys("|")
        try session.tmux.sendText("cat > \(output); echo PIPED-OK")
        try session.tmux.sendKeys("Enter")
        try session.waitFor("PIPED-OK")
        try session.waitFor("press Return")
        try session.tmux.sendKeys("Enter")
        try session.waitForStatus(containing: "Piped")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == String(Self.report.slice(section.subtreeRange)))
        #expect(try session.quit() == 0)
    }

    @Test func sSavesToANewFileAndNeverReplacesOne() throws {
        let path = Self.temporary("saved.txt")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (session, section) = try Self.opened(at: "1")
        for expected in ["Saved", "Kept the existing file"] {
            try session.tmux.sendKeys("s")
            try session.waitForStatus(containing: "Save to:")
            try session.tmux.sendText(path)
            try session.tmux.sendKeys("Enter")
            try session.waitForStatus(containing: expected)
        }
        let text = String(Self.report.slice(section.subtreeRange))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == (text.hasSuffix("\n") ? text : text + "\n"))
        #expect(try session.quit() == 0)
    }

    @Test func ctrlCEndsThePipedCommandButNotTheBrowser() throws {
        let session = try BrowserSession(arguments: ["--fresh", TestPaths.seed.path])
        try session.waitForStatus(containing: "help")
        try session.tmux.sendKeys("|")
        // STARTED once the command is the terminal's foreground job (pgrp, field 5, is tpgid, field 8).
        // Typed as STAR""TED: the prompt shows the typed command, and a marker in it matched
        // before the browser had run it, so the Ctrl-C byte came while the browser's terminal was
        // raw and stayed queued as data, unanswered (the flake a loaded CI run once showed).
        try session.tmux.sendText(
            "until [ \"$(cut -d' ' -f5 /proc/$$/stat)\" = \"$(cut -d' ' -f8 /proc/$$/stat)\" ]; do sleep 0.1; done; echo STAR\"\"TED; sleep 60")
        try session.tmux.sendKeys("Enter")
        _ = try session.tmux.waitUntil(timeout: 30, describedAs: "the command started") { screen in
            screen.contains { $0.contains("STARTED") }
        }
        // The byte itself: tmux may send C-c as an extended-key sequence to a pane that asked for them.
        try session.tmux.sendText("\u{03}")
        try session.tmux.waitFor(text: "press Return", timeout: 30)
        try session.tmux.sendKeys("Enter")
        try session.waitForStatus(containing: "Exit status 130")
        #expect(try session.quit() == 0)
    }

    /// tmux knows whether the program in the pane asked for mouse reports.
    static func mouseRequested(_ session: BrowserSession) throws -> Bool {
        try session.tmux.value(of: "mouse_any_flag") == "1" || session.tmux.value(of: "mouse_standard_flag") == "1"
    }

    @Test func xAndNoMouseLeaveTheMouseToTheTerminal() throws {
        let session = try BrowserSession(arguments: ["--fresh", TestPaths.seed.path])
        try session.waitForStatus(containing: "help")
        #expect(try Self.mouseRequested(session))
        try session.tmux.sendKeys("X")
        try session.waitForStatus(containing: "Mouse off")
        #expect(try !Self.mouseRequested(session))
        try session.tmux.sendKeys("X")
        try session.waitForStatus(containing: "Mouse on")
        #expect(try Self.mouseRequested(session))
        #expect(try session.quit() == 0)

        let without = try BrowserSession(arguments: ["--fresh", "--no-mouse", TestPaths.seed.path])
        try without.waitForStatus(containing: "help")
        #expect(try !Self.mouseRequested(without))
        #expect(try without.quit() == 0)
    }
}
