import Foundation
import ReportTestSupport
import Testing

/// `report-browser --compare OLD NEW` in the real binary under tmux: the panes scroll
/// together, `]`/`[` walk the changes, narrow terminals stack the texts.
@Suite(.serialized) struct CompareEndToEndTests {
    static let oldText = RevisedRegulation.old
    static let newText = RevisedRegulation.new

    /// Writes the pair to a fresh directory, as old.txt and new.txt.
    static func files() throws -> (old: String, new: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rb-compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let old = directory.appendingPathComponent("old.txt")
        let new = directory.appendingPathComponent("new.txt")
        try oldText.write(to: old, atomically: true, encoding: .utf8)
        try newText.write(to: new, atomically: true, encoding: .utf8)
        return (old.path, new.path)
    }

    /// Whether a screen row shows `old` in the old pane and `new` in the new one (the row split
    /// at the two dividers: tree, old, new).
    static func level(_ row: String, old: String, new: String) -> Bool {
        let parts = row.components(separatedBy: "│")
        return parts.count == 3 && parts[1].contains(old) && parts[2].contains(new)
    }

    @Test func bracketKeysWalkTheChangesAndThePanesStayLevelWhileScrolling() throws {
        let (old, new) = try Self.files()
        // Low enough that not every pair fits: the texts have somewhere to scroll.
        let session = try BrowserSession(arguments: ["--compare", old, new], width: 120, height: 16)
        try session.waitFor("pairs")
        try session.tmux.sendKeys("]")
        try session.waitForStatus(containing: "~ modified")
        var jumps = 0
        while try !session.statusLine().contains("+ new"), jumps < 6 {
            try session.tmux.sendKeys("]")
            jumps += 1
            Thread.sleep(forTimeInterval: 0.2)
        }
        try session.waitForStatus(containing: "+ new")
        // The inserted article faces a note; the moved one (old 第三条, new 第四条) is level.
        let screen = try session.tmux.waitUntil(describedAs: "the inserted and the moved article") { screen in
            screen.contains { Self.level($0, old: "+ only in the new version", new: "第三条 示范管理工作") }
                && screen.contains { Self.level($0, old: "第三条 市人民政府", new: "第四条 市人民政府") }
        }
        let movedRow = screen.firstIndex { Self.level($0, old: "第三条 市人民政府", new: "第四条 市人民政府") }!
        // Scroll the texts, not the tree, a row at a time: both panes move together.
        try session.tmux.sendKeys("Tab")
        try session.tmux.sendKeys("j")
        try session.tmux.waitUntil(describedAs: "both texts one row up, still level") { screen in
            screen.indices.contains(movedRow - 1)
                && Self.level(screen[movedRow - 1], old: "第三条 市人民政府", new: "第四条 市人民政府")
        }
        try session.tmux.sendKeys("[")
        try session.waitForStatus(containing: "~ modified")
        #expect(try session.quit() == 0)
    }

    @Test func aNarrowTerminalStacksTheTextsAndWideningPutsThemSideBySide() throws {
        let (old, new) = try Self.files()
        let session = try BrowserSession(arguments: ["--compare", old, new], width: 60, height: 30)
        let screen = try session.tmux.waitUntil(describedAs: "stacked titles") { screen in
            screen.contains { $0.hasPrefix(" old ") } && screen.contains { $0.hasPrefix(" new ") }
        }
        let oldRow = screen.firstIndex { $0.hasPrefix(" old ") }!
        let newRow = screen.firstIndex { $0.hasPrefix(" new ") }!
        #expect(oldRow < newRow)
        try session.tmux.resize(width: 120, height: 30)
        try session.tmux.waitUntil(describedAs: "side by side titles") { screen in
            screen.contains { $0.contains(" old ") && $0.contains(" new ") }
        }
        #expect(try session.quit() == 0)
    }

    @Test func searchingFindsTextOnlyInTheOldVersion() throws {
        let (old, new) = try Self.files()
        let session = try BrowserSession(arguments: ["--compare", old, new], width: 120, height: 30)
        try session.waitFor("pairs")
        try session.tmux.sendKeys("/")
        try session.tmux.sendText("罚款")
        try session.tmux.sendKeys("Enter")
        try session.waitForStatus(containing: "1 in old, 0 in new")
        try session.waitFor("- only in the old version")
        #expect(try session.quit() == 0)
    }
}
