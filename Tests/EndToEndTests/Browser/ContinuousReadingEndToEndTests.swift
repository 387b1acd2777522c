import Foundation
import Testing

/// Continuous reading in the real binary under tmux: Space runs on from chapter 一 into chapter
/// 二 with the tree (and so the status line's path) following, and `c` (one section at a time)
/// is remembered by the next session.
@Suite(.serialized) struct ContinuousReadingEndToEndTests {
    @Test func spaceRunsOnIntoTheNextChapterAndOneSectionAtATimeIsRemembered() throws {
        let session = try BrowserSession()
        try session.waitFor("四、2025年主要工作安排")
        try session.goTo("1", expecting: "一、主要举措和突出成效")
        try session.tmux.sendKeys("Tab")
        // Page on until the status line's path has left chapter 二; chapter 二 is shorter than a
        // page, so it may be passed in one press, but its heading must have been on screen.
        var chapters: [String] = []
        var sawSecondHeading = false
        for _ in 0..<30 {
            let before = try session.tmux.capture()
            try session.tmux.sendKeys("Space")
            // Each page lands before the next is sent.
            let screen = try session.tmux.waitUntil(describedAs: "the next page") { $0 != before }
            if screen.dropLast().contains(where: { $0.contains("│ 二、存在的不足和原因") }) { sawSecondHeading = true }
            let chapter = String((screen.last ?? "").dropFirst().prefix(2))
            if chapters.last != chapter { chapters.append(chapter) }
            if chapter == "三、" || chapter == "四、" { break }
        }
        #expect(chapters.first == "一、", "\(chapters)")
        #expect(chapters.last == "三、" || chapters.last == "四、", "\(chapters)")
        let order = ["一、", "二、", "三、", "四、"]
        let ranks = chapters.map { order.firstIndex(of: $0) ?? order.count }
        #expect(ranks == ranks.sorted() && !ranks.contains(order.count), "\(chapters)")
        #expect(sawSecondHeading)

        // One section at a time: G stops at the end of chapter 一.
        try session.tmux.sendKeys("c")
        try session.waitForStatus(containing: "One section at a time")
        #expect(try session.quit() == 0)

        let again = try BrowserSession(stateDirectory: session.stateDirectory)
        try again.waitFor("四、2025年主要工作安排")
        try again.goTo("1", expecting: "一、主要举措和突出成效")
        try again.tmux.sendKeys("Tab")
        try again.tmux.sendKeys("G")
        try again.tmux.waitUntil(describedAs: "the end of chapter 一") { screen in
            screen.contains { $0.contains("6.38%。") }
        }
        let stopped = try again.statusLine()
        #expect(stopped.hasPrefix(" 一、"), "\(stopped)")
        // Continuous again: G goes to the end of the report, and the path follows.
        try again.tmux.sendKeys("c")
        try again.tmux.sendKeys("G")
        try again.waitForStatus(containing: " 四、")
        #expect(try again.quit() == 0)
    }
}
