import Foundation
import Testing

/// From the library list in the real binary under tmux: `m` marks one version, `c` on the
/// other opens the compare view of the two, `q` there comes back to the list.
@Suite(.serialized) struct LibraryCompareEndToEndTests {
    @Test func markOneVersionCompareWithTheOtherAndComeBackToTheList() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rb-library-compare-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("lib")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try CompareEndToEndTests.oldText.write(to: folder.appendingPathComponent("old.txt"), atomically: true, encoding: .utf8)
        try CompareEndToEndTests.newText.write(to: folder.appendingPathComponent("new.txt"), atomically: true, encoding: .utf8)
        let index = root.appendingPathComponent("index.sqlite").path
        let session = try BrowserSession(arguments: [folder.path, "--index", index], width: 120, height: 20)
        try session.tmux.waitUntil(timeout: 30, describedAs: "the library list") { $0.first?.contains("Library · 2 reports") == true }
        // Path order: new.txt first, old.txt below it.
        try session.tmux.sendText("j")
        try session.waitForStatus(containing: "3/3")
        try session.tmux.sendText("m")
        try session.waitForStatus(containing: "Old side: old.txt")
        let marked = try session.tmux.waitUntil(timeout: 30, describedAs: "the marked row") { screen in
            screen.contains { $0.contains("[old] 示范管理条例") }
        }
        #expect(marked.filter { $0.contains("[old]") }.count == 1, "\(marked.joined(separator: "\n"))")
        try session.tmux.sendText("k")
        try session.waitForStatus(containing: "old: old.txt · c compares")
        try session.waitForStatus(containing: "2/3")
        try session.tmux.sendText("c")
        // Until the frame's last line is the compare view's own status: tmux can be read while
        // the frame is still arriving, header first.
        let compare = try session.tmux.waitUntil(timeout: 30, describedAs: "the compare view") { screen in
            screen.first?.contains("Compare  old.txt") == true && screen.first?.contains("new.txt") == true
                && screen.last?.contains("c compares") == false
        }
        #expect(compare.contains { $0.contains("281件") }, "\(compare.joined(separator: "\n"))")
        #expect(compare.contains { $0.contains("350件") }, "\(compare.joined(separator: "\n"))")
        try session.tmux.sendText("]")
        try session.tmux.sendText("q")
        let back = try session.tmux.waitUntil(timeout: 30, describedAs: "back in the list") { screen in
            screen.first?.contains("Library · 2 reports") == true
        }
        #expect(back.contains { $0.contains("[old] 示范管理条例") }, "the mark stays: \(back.joined(separator: "\n"))")
        try session.waitForStatus(containing: "2/3")
        #expect(try session.quit() == 0)
    }
}
