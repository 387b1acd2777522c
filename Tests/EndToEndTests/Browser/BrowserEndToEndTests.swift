import Foundation
import Glibc
import Testing

/// The real binary under tmux: what a reader sees and types.
@Suite(.serialized) struct BrowserEndToEndTests {
    static let chapters = [
        "一、主要举措和突出成效", "二、存在的不足和原因", "三、党政主要负责人履行",
        "四、2025年主要工作安排",
    ]

    @Test func opensTheBundledReportWithAllFourChapters() throws {
        let session = try BrowserSession()
        let screen = try session.waitFor("四、2025年主要工作安排")
        for chapter in Self.chapters {
            #expect(screen.contains { $0.contains(chapter) }, "\(chapter) missing:\n\(screen.joined(separator: "\n"))")
        }
        #expect(screen.first?.contains("杭州市钱塘区人民政府关于钱塘区2024年法治政府建设年度报告") == true)
        #expect(screen.contains { $0.contains("发布日期") })
        try session.tmux.sendKeys("q")
        let exit = try session.waitForExit()
        #expect(exit.status == 0)
        #expect(exit.echo && exit.canonical)
    }

    @Test func movesAndExpands() throws {
        let session = try BrowserSession()
        try session.waitFor("四、2025年主要工作安排")
        try session.tmux.sendKeys("j", "j")
        try session.waitForStatus(containing: "(一)聚力法治统筹")
        // ← on an item goes to its chapter, ← again folds the chapter.
        try session.tmux.sendKeys("h", "h")
        try session.tmux.waitUntil(describedAs: "chapter 一 folded in the tree") { screen in
            screen.contains { $0.hasPrefix("▸ 一、主要举措和突出成效") }
                && !screen.contains { $0.hasPrefix("├─· (二)创新改革举措") }
        }
        try session.tmux.sendKeys("l")
        try session.tmux.waitUntil(describedAs: "chapter 一 unfolded in the tree") { screen in
            screen.contains { $0.hasPrefix("▾ 一、主要举措和突出成效") } && screen.contains { $0.hasPrefix("├─· (二)创新改革举措") }
        }
        #expect(try session.quit() == 0)
    }

    @Test func goToShowsTheSectionText() throws {
        let session = try BrowserSession()
        try session.waitFor("四、2025年主要工作安排")
        try session.goTo("3.2", expecting: "强化述职述法")
        let screen = try session.waitFor("7名区领导出庭应诉8次")
        #expect(screen.contains { $0.contains("强化述职述法") })
        try session.goTo("三(一)", expecting: "加强党的领导")
        #expect(try session.quit() == 0)
    }

    @Test func sectionAndChapterJumps() throws {
        let session = try BrowserSession()
        try session.waitFor("四、2025年主要工作安排")
        try session.goTo("3.2", expecting: "强化述职述法")
        try session.tmux.sendKeys("]")
        try session.waitForStatus(containing: "抓实重点工作")
        try session.tmux.sendKeys("}")
        try session.waitForStatus(containing: "四、2025年主要工作安排")
        try session.tmux.sendKeys("{")
        try session.waitForStatus(containing: "三、党政主要负责人")
        try session.tmux.sendKeys("C-o")
        try session.waitForStatus(containing: "四、2025年主要工作安排")
        #expect(try session.quit() == 0)
    }

    @Test func resizeKeepsTheSelection() throws {
        let session = try BrowserSession(width: 100, height: 30)
        try session.waitFor("四、2025年主要工作安排")
        try session.goTo("3.2", expecting: "强化述职述法")
        try session.tmux.resize(width: 60, height: 20)
        try session.tmux.waitUntil(describedAs: "60-column frame with the selection") { screen in
            screen.count == 20 && screen.contains { $0.contains("强化述职述法") }
        }
        try session.tmux.resize(width: 100, height: 30)
        try session.tmux.waitUntil(describedAs: "100-column frame with the selection") { screen in
            screen.count == 30 && (screen.last?.contains("强化述职述法") ?? false)
        }
        #expect(try session.quit() == 0)
    }

    @Test func tinyTerminalSaysSoAndRecovers() throws {
        let session = try BrowserSession(width: 100, height: 30)
        try session.waitFor("四、2025年主要工作安排")
        try session.tmux.resize(width: 10, height: 3)
        try session.tmux.waitUntil(describedAs: "too small notice") { screen in
            screen.joined().lowercased().contains("small")
        }
        try session.tmux.resize(width: 100, height: 30)
        try session.waitFor("四、2025年主要工作安排")
        try session.tmux.sendKeys("C-c")
        #expect(try session.waitForExit().status == 0)
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
    func signalsRestoreTheTerminal(_ signal: Int32) throws {
        let session = try BrowserSession()
        try session.waitFor("四、2025年主要工作安排")
        guard let pid = try browserPID(session) else {
            Issue.record("no browser process found")
            return
        }
        kill(pid, signal)
        let exit = try session.waitForExit()
        #expect(exit.status == 128 + Int(signal))
        #expect(exit.echo && exit.canonical)
    }

    @Test func wrongTerminalTypeIsOneClearLine() throws {
        let session = try BrowserSession(environmentPrefix: "TERM=no-such-terminal")
        let exit = try session.waitForExit()
        #expect(exit.status == 1)
        let screen = try session.tmux.capture()
        #expect(screen.contains { $0.contains("report-browser:") && $0.contains("no-such-terminal") })
    }

    /// The browser is the shell's child in the pane.
    private func browserPID(_ session: BrowserSession) throws -> pid_t? {
        guard let shell = try session.tmux.panePID() else { return nil }
        let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        return children?.split(separator: " ").first.flatMap { pid_t($0) }
    }
}
