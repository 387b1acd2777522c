import Foundation
import Testing

/// Search and marks in the real binary under tmux.
@Suite(.serialized) struct SearchAndMarksEndToEndTests {
    @Test func searchStepsThroughHitsAndWraps() throws {
        let session = try BrowserSession()
        try session.waitFor("四、2025年主要工作安排")
        try session.tmux.sendKeys("/")
        try session.tmux.sendText("信用修复")
        try session.tmux.sendKeys("Enter")
        try session.waitForStatus(containing: "1/3")
        try session.tmux.sendKeys("n")
        try session.waitForStatus(containing: "2/3")
        try session.tmux.sendKeys("n")
        try session.waitForStatus(containing: "3/3")
        #expect(try session.statusLine().contains("聚焦改革创新"))
        try session.tmux.sendKeys("n")
        try session.tmux.waitUntil(describedAs: "wrap notice and 1/3") { screen in
            let status = screen.last ?? ""
            return status.lowercased().contains("wrapped") || (status.contains("1/3") && screen.joined().lowercased().contains("wrapped"))
        }
        try session.waitForStatus(containing: "1/3")
        #expect(try session.quit() == 0)
    }

    @Test func escapeWhileTypingRestoresTheSelection() throws {
        let session = try BrowserSession()
        try session.waitFor("四、2025年主要工作安排")
        try session.goTo("3.2", expecting: "强化述职述法")
        try session.tmux.sendKeys("/")
        try session.tmux.sendText("信用修复")
        // Incremental: the first hit is selected while typing.
        try session.tmux.waitUntil(describedAs: "hit selected while typing") { screen in
            screen.contains { $0.contains("(二)创新改革举措") && $0.contains("│") }
                && screen.joined().contains("信用修复")
        }
        try session.tmux.sendKeys("Escape")
        try session.waitForStatus(containing: "强化述职述法")
        #expect(try session.quit() == 0)
    }

    @Test func markSurvivesAQuitAndReopen() throws {
        let first = try BrowserSession()
        try first.waitFor("四、2025年主要工作安排")
        try first.goTo("3.2", expecting: "强化述职述法")
        try first.tmux.sendKeys("m", "a")
        try first.waitForStatus(containing: "Mark a")
        #expect(try first.quit() == 0)

        let second = try BrowserSession(stateDirectory: first.stateDirectory)
        try second.waitForStatus(containing: "强化述职述法")
        #expect(try second.statusLine().contains("Resumed"))
        try second.goTo("1", expecting: "一、主要举措和突出成效")
        try second.tmux.sendKeys("'", "a")
        try second.waitForStatus(containing: "强化述职述法")
        #expect(try second.quit() == 0)

        let fresh = try BrowserSession(arguments: ["--fresh"], stateDirectory: first.stateDirectory)
        try fresh.waitFor("四、2025年主要工作安排")
        #expect(try !fresh.statusLine().contains("强化述职述法"))
        #expect(try fresh.quit() == 0)
    }

    @Test func noStateNeitherReadsNorWrites() throws {
        let first = try BrowserSession(arguments: ["--no-state"])
        try first.waitFor("四、2025年主要工作安排")
        try first.goTo("3.2", expecting: "强化述职述法")
        try first.tmux.sendKeys("m", "a")
        #expect(try first.quit() == 0)
        let saved = (try? FileManager.default.contentsOfDirectory(atPath: first.stateDirectory + "/report-browser")) ?? []
        #expect(!saved.contains { $0.hasSuffix(".json") }, "state written: \(saved)")

        let second = try BrowserSession(stateDirectory: first.stateDirectory)
        try second.waitFor("四、2025年主要工作安排")
        #expect(try !second.statusLine().contains("强化述职述法"))
        #expect(try second.quit() == 0)
    }
}
