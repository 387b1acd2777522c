import Foundation
import Testing

/// The figures list in the real binary under tmux: `#`, filter by typing (件 keeps the three
/// counts in 件 and 件次 and 行政复议案件's rise), Enter jumps to the
/// figure and the text shows it lit.
@Suite(.serialized) struct FiguresEndToEndTests {
    @Test func filteringToJianAndEnterShowsTheFigureHighlightedInTheText() throws {
        let session = try BrowserSession()
        try session.waitFor("四、2025年主要工作安排")
        try session.tmux.sendText("#")
        try session.tmux.waitUntil(timeout: 30, describedAs: "the figures list") { screen in
            screen.contains { $0.contains("Figures · 15 · by section") } && screen.last?.contains("Enter jumps") == true
        }
        try session.tmux.sendText("件")
        let filtered = try session.tmux.waitUntil(timeout: 30, describedAs: "the list filtered to 件") { screen in
            screen.contains { $0.contains("Figures · 4 ·") }
        }
        #expect(filtered.contains { $0.contains("Filter: 件") })
        #expect(filtered.contains { $0.contains("281件") && $0.contains("合法性审查") }, "\(filtered.joined(separator: "\n"))")
        #expect(filtered.contains { $0.contains("780余件次") })
        try session.tmux.sendKeys("Enter")
        try session.waitForStatus(containing: "(三)加强合法审查")
        let screen = try session.tmux.capture()
        #expect(!screen.contains { $0.contains("Figures ·") }, "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("281件") }, "\(screen.joined(separator: "\n"))")
        // With attributes: the figure's cells start a styled run of their own, as a search hit's do.
        let styled = try session.tmux.run(["capture-pane", "-p", "-e"]).components(separatedBy: "\n")
        let line = styled.first { $0.contains("281件") } ?? ""
        #expect(line.contains("m281件"), "\(line.debugDescription)")
        #expect(try session.quit() == 0)
    }
}
