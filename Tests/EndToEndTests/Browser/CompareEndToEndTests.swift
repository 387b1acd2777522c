import Foundation
import Testing

/// `report-browser --compare OLD NEW` in the real binary under tmux: the panes scroll
/// together, `]`/`[` walk the changes, narrow terminals stack the texts.
@Suite(.serialized) struct CompareEndToEndTests {
    static let oldText = """
        示范管理条例

        第一章 总则

        第一条 为了规范示范管理工作，保障各方合法权益，根据有关法律，制定本条例。

        第二条 本条例适用于本市行政区域内的示范管理活动，去年共受理申请281件。

        第三条 市人民政府负责统筹协调示范管理工作，所需经费列入财政预算。

        第二章 监督

        第四条 有关部门应当建立投诉举报制度，及时处理群众反映的问题。

        第五条 违反本条例规定的，由主管部门责令改正，处以罚款。

        第六条 本条例自公布之日起施行。

        """

    static let newText = oldText
        .replacingOccurrences(of: "281件", with: "350件")
        .replacingOccurrences(of: "第六条", with: "第七条")
        .replacingOccurrences(of: "第五条 违反本条例规定的，由主管部门责令改正，处以罚款。\n\n", with: "")
        .replacingOccurrences(of: "第四条 有关", with: "第五条 有关")
        .replacingOccurrences(
            of: "第三条 市人民政府",
            with: "第三条 示范管理工作应当坚持公开透明、便民高效的原则，接受社会监督。\n\n第四条 市人民政府")
        .replacingOccurrences(of: "第七条", with: "第六条")

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
