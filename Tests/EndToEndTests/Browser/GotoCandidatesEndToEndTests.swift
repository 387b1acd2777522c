import Foundation
import Testing

/// An ambiguous go-to in the real binary under tmux: the list of candidates, then Enter.
@Suite(.serialized) struct GotoCandidatesEndToEndTests {
    @Test func anAmbiguousKeywordListsTheSectionsAndEnterGoesToOne() throws {
        let session = try BrowserSession()
        try session.waitFor("四、2025年主要工作安排")
        try session.tmux.sendKeys(":")
        try session.tmux.sendText("聚焦")
        try session.tmux.sendKeys("Enter")
        try session.tmux.waitUntil(describedAs: "the candidates list") { screen in
            screen.contains { $0.contains("“聚焦” · 3 sections") } && screen.last?.contains("Enter jumps") == true
        }
        try session.tmux.sendKeys("Down")
        try session.tmux.sendKeys("Enter")
        try session.waitForStatus(containing: "(二)")
        let screen = try session.tmux.capture()
        #expect(!screen.contains { $0.contains("“聚焦”") }, "\(screen.joined(separator: "\n"))")
        let status = try session.statusLine()
        // The breadcrumb shares the line with the position (which may shorten the chapter's
        // name): the section is 4.2, the 17th of 18.
        #expect(status.hasPrefix(" 四、") && status.contains(" › (二)聚焦改革创新") && status.contains(" 17/18"), "\(status)")
        #expect(try session.quit() == 0)
    }
}
