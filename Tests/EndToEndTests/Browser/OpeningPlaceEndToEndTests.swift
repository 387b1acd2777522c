import Foundation
import ReportTestSupport
import Testing

/// `report-browser FILE +3.2`, `+/TEXT`, `--line N`: the browser opens there.
@Suite(.serialized) struct OpeningPlaceEndToEndTests {
    @Test func opensAtAnAddressGivenAfterThePlusSign() throws {
        let session = try BrowserSession(arguments: ["+3.2"])
        try session.waitForStatus(containing: "强化述职述法")
        try session.waitFor("7名区领导出庭应诉8次")
        #expect(try session.quit() == 0)
    }

    @Test func opensAtTheFirstHitOfASearch() throws {
        let seed = TestPaths.repositoryRoot.appendingPathComponent("seeds/qiantang-2024-rule-of-law-report.txt").path
        let session = try BrowserSession(arguments: [seed, "+/信用修复"])
        try session.waitForStatus(containing: "创新改革举措")
        try session.waitFor("信用修复成功率98.97%")
        #expect(try session.quit() == 0)
    }

    @Test func opensAtASourceLine() throws {
        let seed = TestPaths.repositoryRoot.appendingPathComponent("seeds/qiantang-2024-rule-of-law-report.txt").path
        for arguments in [["--line", "20", seed], [seed, "+L20"]] {
            let session = try BrowserSession(arguments: arguments)
            try session.waitForStatus(containing: "营造优质法治化营商环境")
            try session.waitFor("高效运行合法性审查中心")
            #expect(try session.quit() == 0)
        }
    }

    @Test func aPlaceThatIsNotThereIsAnErrorBeforeTheScreenIsTaken() throws {
        let session = try BrowserSession(arguments: ["+/没有这个词"])
        let exit = try session.waitForExit()
        #expect(exit.status == 1)
        #expect(exit.echo && exit.canonical)
        #expect(try session.tmux.capture().contains { $0.contains("“没有这个词” not found") })
    }
}
