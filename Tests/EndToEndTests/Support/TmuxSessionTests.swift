import Foundation
import Glibc
import ReportTestSupport
import Testing

/// The harness itself, against plain shell commands, so a browser test failing means the
/// browser and not the harness.
@Suite struct TmuxSessionTests {
    @Test func showsChineseTextAndReportsTheExitStatus() throws {
        let session = try TmuxSession("printf '汉字 ok'; sleep 1; exit 3", width: 40, height: 5)
        let screen = try session.waitFor(text: "汉字")
        #expect(screen.first == "汉字 ok")
        #expect(screen.count == 5)
        #expect(try session.waitForExit() == 3)
    }

    @Test func typesTextAndNamedKeys() throws {
        let session = try TmuxSession("read line; printf 'got:%s|' \"$line\"; sleep 5", width: 40, height: 5)
        try session.sendText("你好 world")
        try session.sendKeys("Enter")
        try session.waitFor(text: "got:你好 world|")
        #expect(try session.exitStatus() == nil)
    }

    @Test func resizesThePane() throws {
        let session = try TmuxSession("sleep 5", width: 40, height: 5)
        #expect(try session.paneSize() == (40, 5))
        try session.resize(width: 60, height: 12)
        #expect(try session.paneSize() == (60, 12))
    }

    @Test func readsThePaneTitle() throws {
        let session = try TmuxSession("printf '\\033]2;标题\\033\\\\'; sleep 5", width: 40, height: 5)
        try session.waitUntil { _ in try session.paneTitle() == "标题" }
    }

    /// Test threads block signals; a browser inheriting that mask would ignore SIGTERM.
    @Test func programsStartWithNoSignalsBlocked() throws {
        let session = try TmuxSession("grep -E 'SigBlk|SigIgn' /proc/self/status; sleep 5", width: 40, height: 5)
        let screen = try session.waitFor(text: "SigIgn")
        #expect(screen.contains { $0.hasPrefix("SigBlk:") && $0.hasSuffix("0000000000000000") })
    }

    @Test func signalsReachTheProgram() throws {
        let session = try TmuxSession("exec sleep 30", width: 40, height: 5)
        try session.signal(SIGTERM)
        #expect(try session.waitForExit() == 128 + SIGTERM)
    }

    @Test func timesOutWithTheScreenInTheError() throws {
        let session = try TmuxSession("printf 'nothing here'; sleep 5", width: 40, height: 5)
        let error = #expect(throws: TmuxError.self) { try session.waitFor(text: "never", timeout: 0.3) }
        #expect(error?.description.contains("nothing here") == true)
    }

    @Test func findsTheRepositoryAndTheBrowser() throws {
        #expect(FileManager.default.fileExists(atPath: TestPaths.repositoryRoot.appendingPathComponent("Package.swift").path))
        let browser = try TestPaths.reportBrowser()
        #expect(browser.lastPathComponent == "report-browser")
    }
}
