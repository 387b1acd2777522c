import Foundation
import ReportTestSupport
import Testing

/// The real binary under tmux: a corpus PDF says where its text came from and which page is on
/// screen; a document with a skipped number lists its warning and goes to it.
@Suite(.serialized) struct WarningsAndFormatEndToEndTests {
    @Test func aPDFNamesItsFormatAndThePageOnScreen() throws {
        let pdf = TestPaths.repositoryRoot.appendingPathComponent("Tests/Corpus/pdf/07_xian_tjgb2025.pdf").path
        let session = try BrowserSession(arguments: ["--fresh", pdf], width: 100, height: 30)
        try session.tmux.waitUntil(describedAs: "the header naming the PDF") { screen in
            screen.first?.hasSuffix("07_xian_tjgb2025.pdf (from PDF)") == true
        }
        try session.waitForStatus(containing: "p.1 ")
        // The last section lies on a later page; the status line follows it.
        try session.tmux.sendKeys("G")
        try session.tmux.waitUntil(describedAs: "a later page in the status line") { screen in
            guard let status = screen.last, let range = status.range(of: #"p\.[0-9]+ "#, options: .regularExpression) else {
                return false
            }
            return Int(status[range].dropFirst(2).dropLast()).map { $0 > 1 } ?? false
        }
        #expect(try session.quit() == 0)
    }

    @Test func wListsTheSkippedNumberAndEnterGoesThere() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rb-warnings-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(TestDocuments.skippedNumber.utf8).write(to: file)
        let session = try BrowserSession(arguments: ["--fresh", file.path])
        try session.waitForStatus(containing: "!1 warning")
        try session.tmux.waitUntil(describedAs: "the marked tree row") { screen in
            screen.contains { $0.contains("四、保障措施") && $0.contains(" !") }
        }
        try session.tmux.sendKeys("W")
        try session.tmux.waitUntil(describedAs: "the warnings list") { screen in
            screen.contains { $0.contains("1 warning ") } && screen.contains { $0.contains("line 7") }
                && screen.last?.contains("Enter jumps") == true
        }
        try session.tmux.sendKeys("Enter")
        try session.waitForStatus(containing: "四、保障措施")
        #expect(!(try session.tmux.capture()).contains { $0.contains("line 7") })
        #expect(try session.quit() == 0)
    }
}
