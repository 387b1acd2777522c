import Foundation
import ReportTestSupport
import Testing

/// The real binary under tmux (issue 14 items 2, 4, 9, 11): the status line's lines and
/// percentage follow the keys less and vim users press, the header names the file, the prompts
/// close on Backspace and recall addresses, and Ctrl-P turns pinyin on.
@Suite(.serialized) struct WhereAmIAndKeysEndToEndTests {
    /// A long first section of one-line paragraphs: the source lines on screen are known.
    static func longReport() throws -> URL {
        var text = "长篇报告\n一、第一部分\n"
        for number in 1...80 { text += "第\(number)段内容。\n" }
        text += "二、第二部分\n代号xyxf在此。信用修复工作。再谈信用修复。\n"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rb-where-\(UUID().uuidString).txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func pagingKeysMoveTheLinesTheStatusLineShows() throws {
        let file = try Self.longReport()
        defer { try? FileManager.default.removeItem(at: file) }
        let session = try BrowserSession(arguments: ["--no-state", file.path], width: 100, height: 30)
        let first = try session.waitFor("一、第一部分")
        #expect(first[0].hasSuffix(file.lastPathComponent), "\(first[0])")
        try session.waitForStatus(containing: "0/2")
        try session.goTo("1", expecting: "1/2")
        try session.tmux.sendKeys("Tab")
        // 27 text rows under the sticky heading line: the heading on line 2, then paragraphs.
        try session.waitForStatus(containing: "L2–28/84")
        try session.tmux.sendKeys("C-d")
        try session.waitForStatus(containing: "L16–42/84")
        try session.tmux.sendKeys("C-u")
        try session.waitForStatus(containing: "L2–28/84")
        try session.tmux.sendKeys("C-f")
        try session.waitForStatus(containing: "L27–53/84")
        try session.tmux.sendKeys("BSpace")
        try session.waitForStatus(containing: "L2–28/84")
        try session.tmux.sendKeys("d", "d")
        try session.waitForStatus(containing: "L30–56/84")
        // Reading runs on: G is the end of the report.
        try session.tmux.sendKeys("G")
        try session.waitForStatus(containing: "L59–84/84")
        // h leaves the text for the tree; j there moves the selection, not the text.
        try session.tmux.sendKeys("h", "j")
        try session.waitForStatus(containing: "2/2")
        try session.tmux.sendKeys("G")
        try session.waitForStatus(containing: "100%")
        #expect(try session.quit() == 0)
    }

    @Test func promptsCloseOnBackspaceAndRecallAddresses() throws {
        let file = try Self.longReport()
        defer { try? FileManager.default.removeItem(at: file) }
        let session = try BrowserSession(arguments: ["--no-state", file.path], width: 100, height: 30)
        try session.waitFor("一、第一部分")
        try session.goTo("2", expecting: "2/2")
        try session.tmux.sendKeys(":")
        try session.tmux.sendText("1")
        try session.waitForStatus(containing: ":1")
        try session.tmux.sendKeys("BSpace", "BSpace")
        try session.tmux.waitUntil(describedAs: "the prompt closed") { screen in
            screen.last.map { !$0.hasPrefix(":") && $0.contains("2/2") } ?? false
        }
        try session.tmux.sendKeys(":", "Up")
        try session.tmux.waitUntil(describedAs: "the last address recalled") { $0.last?.hasPrefix(":2") == true }
        try session.tmux.sendKeys("Escape")
        // Ctrl-P: pinyin on, named in the prompt; the hits are the letters and both 信用修复.
        try session.tmux.sendKeys("/", "C-p")
        try session.tmux.sendText("xyxf")
        try session.tmux.waitUntil(describedAs: "pinyin named in the prompt") { $0.last?.hasPrefix("/ [pinyin] xyxf") == true }
        try session.tmux.sendKeys("Enter")
        try session.waitForStatus(containing: "[pinyin] 1/3")
        try session.tmux.sendKeys("n", "n")
        try session.waitForStatus(containing: "3/3")
        #expect(try session.quit() == 0)
    }
}
