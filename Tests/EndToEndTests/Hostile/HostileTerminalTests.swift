import Foundation
import Glibc
import ReportTestSupport
import Testing

/// The browser on any terminal: absurd sizes, a storm of resizes, huge documents, every way
/// out (q and the stop signals) giving the terminal back; the subcommands into a closed pipe.
@Suite(.serialized) struct HostileTerminalTests {
    static let chapter = "四、2025年主要工作安排"

    @Test func everySizeFromOneByOneUp() throws {
        let pane = try HostilePane("\"$RB\"", width: 100, height: 30)
        try pane.start()
        try pane.tmux.waitFor(text: Self.chapter)
        let sizes = [(1, 1), (2, 2), (1, 5), (5, 1), (3, 2), (10, 3), (20, 4), (5, 20), (40, 6), (2, 40)]
        for (width, height) in sizes {
            try pane.tmux.resize(width: width, height: height)
            let screen = try pane.tmux.waitUntil(describedAs: "a \(width)×\(height) frame") { screen in
                try screen.count == height && pane.tmux.paneSize() == (width, height)
            }
            // Below 20×5 the browser says so, in as many words as fit: "Too small" or 小.
            if width >= 2, width < 20 || height < 5 {
                let notice = width >= 9 ? "small" : "小"
                try pane.tmux.waitUntil(describedAs: "the too-small notice at \(width)×\(height)") { screen in
                    screen.joined().lowercased().contains(notice)
                }
            }
            #expect(try pane.tmux.exitStatus() == nil, "died at \(width)×\(height): \(screen)")
        }
        try pane.tmux.resize(width: 100, height: 30)
        try pane.tmux.waitUntil(describedAs: "the normal screen back") { screen in
            screen.count == 30 && screen.contains { $0.contains(Self.chapter) } && screen.last?.contains("q quit") == true
        }
        try pane.tmux.sendKeys("q")
        let exit = try pane.waitForExit()
        #expect(exit.status == 0 && exit.echo && exit.canonical)
    }

    @Test func fiftyResizesInASecond() throws {
        let pane = try HostilePane("\"$RB\"", width: 100, height: 30)
        try pane.start()
        try pane.tmux.waitFor(text: Self.chapter)
        for step in 0..<50 {
            let sizes = [(30, 8), (120, 40), (1, 1), (80, 24), (7, 50), (100, 3)]
            let (width, height) = sizes[step % sizes.count]
            try pane.tmux.resize(width: width, height: height)
            usleep(15_000)
        }
        try pane.tmux.resize(width: 90, height: 25)
        let screen = try pane.tmux.waitUntil(describedAs: "a 90×25 frame with the outline") { screen in
            screen.count == 25 && screen.contains { $0.contains(Self.chapter) } && screen.last?.contains("q quit") == true
        }
        #expect(screen.allSatisfy { $0.count <= 90 })
        try pane.tmux.sendKeys("q")
        let exit = try pane.waitForExit()
        #expect(exit.status == 0 && exit.echo && exit.canonical)
    }

    /// q and the stop signals: echo and canonical mode back, the cursor visible again, the
    /// alternate screen left (the shell's line from before the browser is on screen again).
    @Test(arguments: [0, SIGTERM, SIGHUP, SIGINT])
    func everyWayOutGivesTheTerminalBack(_ signal: Int32) throws {
        let pane = try HostilePane("\"$RB\"", width: 100, height: 30)
        try pane.start()
        let browsing = try pane.tmux.waitFor(text: Self.chapter)
        #expect(!browsing.contains(HostilePane.shellLine))
        #expect(try pane.alternateScreenOn)
        #expect(try !pane.cursorVisible)
        if signal == 0 {
            try pane.tmux.sendKeys("q")
        } else {
            let pid = try #require(try pane.childPID(), "no browser process")
            kill(pid, signal)
        }
        let exit = try pane.waitForExit()
        #expect(exit.status == (signal == 0 ? 0 : 128 + Int(signal)))
        #expect(exit.echo && exit.canonical)
        #expect(try pane.cursorVisible)
        #expect(try !pane.alternateScreenOn)
        #expect(exit.screen.contains(HostilePane.shellLine), "\(exit.screen.joined(separator: "\n"))")
        #expect(!exit.screen.contains { $0.contains(Self.chapter) })
    }

    /// On a terminal: an empty input or unreadable input is one error line ("FILE is empty")
    /// before the screen is touched, never a blank browser.
    @Test(arguments: [
        ("empty.txt", "", 1), ("-", "<&-", 1), ("-", "</dev/null", 1), ("zeros.bin", "", 1), ("directory", "", 1),
    ])
    func theBrowserOnNothingOrNonsense(_ name: String, _ redirection: String, _ status: Int) throws {
        let documents = try HostileDocuments()
        defer { documents.remove() }
        _ = try documents.write("empty.txt", [])
        _ = try documents.write("zeros.bin", [UInt8](repeating: 0, count: 4096))
        try FileManager.default.createDirectory(at: documents.directory.appendingPathComponent("directory"), withIntermediateDirectories: true)
        let path = name == "-" ? "-" : documents.directory.appendingPathComponent(name).path
        let pane = try HostilePane("\"$RB\" \(TestPaths.shellQuoted(path)) \(redirection)", width: 80, height: 12)
        try pane.start()
        if status == 0 {
            try pane.tmux.waitUntil(describedAs: "an empty browser") { screen in
                screen.last?.contains("q quit") == true && screen.contains { $0.contains("(untitled report)") }
            }
            try pane.tmux.sendKeys("j", "G", "Tab", "PageDown", "q")
        }
        let exit = try pane.waitForExit()
        #expect(exit.status == status && exit.echo && exit.canonical, "\(exit.screen.joined(separator: "\n"))")
        #expect(try pane.cursorVisible && !pane.alternateScreenOn)
        let errors = exit.screen.filter { $0.hasPrefix("report-browser:") }
        #expect(errors.count == (status == 0 ? 0 : 1), "\(exit.screen.joined(separator: "\n"))")
    }

    @Test func aFiveMegabyteLineRendersAndScrolls() throws {
        let documents = try HostileDocuments()
        defer { documents.remove() }
        let path = try documents.write("line.txt", text: HostileDocuments.fiveMegabyteLine())
        let pane = try HostilePane("\"$RB\" \(TestPaths.shellQuoted(path))", width: 100, height: 30)
        try pane.start()
        // Laying out 5 MB is slow under AddressSanitizer on a loaded machine: wait as long as
        // the later steps do, so only a browser that never shows the line fails.
        try pane.tmux.waitFor(text: "一、法治政府建设abc", timeout: 60)
        try pane.tmux.sendKeys("j")
        let first = try pane.tmux.waitUntil(timeout: 60, describedAs: "the line in the detail pane") { screen in
            // The line wraps down the whole detail pane.
            screen.last?.contains("1/1") == true && screen.dropLast().filter { row in
                row.components(separatedBy: "│ ").dropFirst().joined().contains("abc，")
            }.count > 20
        }
        try pane.tmux.sendKeys("Tab", "PageDown", "PageDown")
        let paged = try pane.tmux.waitUntil(timeout: 60, describedAs: "the text paged down") { $0 != first }
        #expect(paged.count == 30)
        try pane.tmux.sendKeys("G")
        try pane.tmux.waitUntil(timeout: 60, describedAs: "the end of the line") { screen in
            screen.contains { $0.contains(HostileDocuments.bigLineEnd) }
        }
        try pane.tmux.sendKeys("g")
        try pane.tmux.waitUntil(timeout: 60, describedAs: "the start of the line") { screen in
            screen.contains { $0.contains("│ 一、法治政府建设abc") }
        }
        try pane.tmux.sendKeys("q")
        #expect(try pane.waitForExit().status == 0)
    }

    @Test func aHundredThousandChaptersOpen() throws {
        let documents = try HostileDocuments()
        defer { documents.remove() }
        let path = try documents.write("chapters.txt", text: HostileDocuments.chapters(100_000))
        let pane = try HostilePane("\"$RB\" \(TestPaths.shellQuoted(path))", width: 100, height: 30)
        try pane.start()
        try pane.tmux.waitFor(text: "一、第1章")
        try pane.tmux.sendKeys("G")
        try pane.tmux.waitUntil(timeout: 60, describedAs: "the last chapter") { screen in
            screen.contains { $0.contains("十万、第100000章") } && screen.last?.contains("100000/100000") == true
        }
        try pane.tmux.sendKeys(":")
        try pane.tmux.sendText("五万")
        try pane.tmux.sendKeys("Enter")
        try pane.tmux.waitUntil(timeout: 60, describedAs: "chapter 50000") { screen in
            screen.last?.contains("五万、第50000章") == true
        }
        try pane.tmux.sendKeys("q")
        #expect(try pane.waitForExit().status == 0)
    }

    /// `report-browser outline big | head -1` under `set -o pipefail`: the reader leaving is not
    /// an error, so no message and status 0 (not a SIGPIPE death, 141).
    @Test(arguments: [["outline"], ["show", "1"], ["search", "章"], ["export"], ["export", "--format", "markdown"], ["outline", "--json"]])
    func aClosedPipeEndsQuietly(_ arguments: [String]) throws {
        let documents = try HostileDocuments()
        defer { documents.remove() }
        let big = try documents.write("big.txt", text: HostileDocuments.chapters(100_000).replacingOccurrences(of: "、第1章\n", with: "、第1章\n" + String(repeating: "正文。", count: 100_000) + "\n"))
        let command = (arguments + [big]).map(TestPaths.shellQuoted).joined(separator: " ")
        let result = try WatchedProcess.bash("set -o pipefail; \"$RB\" \(command) | head -1 >/dev/null; echo \"status=$? statuses=${PIPESTATUS[*]}\"")
        HostileInputTests.expectCleanEnd(result, "\(arguments)")
        #expect(result.stdout == "status=0 statuses=0 0\n", "\(arguments): \(result)")
        #expect(result.errors.isEmpty, "\(arguments): \(result)")
    }
}
