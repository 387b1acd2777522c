import Foundation
import Testing

/// Typing pinyin or traditional characters into the browser's search prompt.
@Suite(.serialized) struct PinyinSearchEndToEndTests {
    @Test(arguments: ["xyxf", "xinyongxiufu", "信用修復"])
    func browserSearchFindsTheSameHits(_ query: String) throws {
        let session = try BrowserSession(arguments: ["--no-state"])
        try session.waitFor("四、2025年主要工作安排")
        try session.tmux.sendKeys("/")
        try session.tmux.sendText(query)
        try session.tmux.sendKeys("Enter")
        try session.waitForStatus(containing: "1/3")
        // the hit is in the text pane (the status line's heading is cut short by long queries)
        #expect(try session.tmux.capture().contains { $0.contains("信用修复成功率98.97%") })
        try session.tmux.sendKeys("n", "n")
        try session.waitForStatus(containing: "3/3")
        #expect(try session.quit() == 0)
    }

    @Test func ambiguousWideOpensWithAsciiGuides() throws {
        let session = try BrowserSession(arguments: ["--no-state"], environment: ["REPORT_BROWSER_AMBIGUOUS": "wide"])
        let screen = try session.waitFor("四、2025年主要工作安排")
        #expect(!screen.joined().contains("│"), "\(screen.joined(separator: "\n"))")
        #expect(try session.quit() == 0)
    }
}
