import ReportKit
import ReportTestSupport
import Testing

@testable import ReportUI

/// Issue 12 item 9 and issue 13 in the browser: the parser's warnings marked and listed, a law's
/// articles named by their first words, and the source format and PDF page on screen.
@Suite struct WarningsOriginArticleTests {
    /// 三、 is missing: the parser accepts 四、 and says so.
    static let skipped = ReportParser.parse(TestDocuments.skippedNumber)

    static let law = ReportParser.parse("""
        测试管理办法

        第一条　为了规范报告的发布，制定本办法。
        第二条　本办法所称报告，是指各级政府部门向社会发布的工作报告。
        第三条　本办法自发布之日起施行。

        """)

    var warnedIndex: Int {
        Self.skipped.sections.firstIndex { $0.marker == "四、" }!
    }

    @Test func theDefectiveDocumentHasAWarningOnItsSkippedHeading() throws {
        let warning = try #require(Self.skipped.warnings.first)
        #expect(WarningsOverlay.section(of: warning, in: Self.skipped) == warnedIndex)
        #expect(WarningsOverlay.hasWarning(Self.skipped.sections[warnedIndex], in: Self.skipped))
        #expect(!WarningsOverlay.hasWarning(Self.skipped.sections[0], in: Self.skipped))
    }

    @Test func theWarnedRowIsMarkedAndTheStatusLineCountsThem() {
        let script = ScriptedSession(Self.skipped)
        let rows = script.session.frame().screen.lines
        let marked = rows.filter { $0.contains("四、保障措施") && $0.contains(" !") }
        #expect(marked.count == 1, "\(rows.joined(separator: "\n"))")
        #expect(!rows.contains { $0.contains("二、主要任务") && $0.contains(" !") })
        let count = Self.skipped.warnings.count
        #expect(script.statusLine.contains("!\(count) warning"), "\(script.statusLine)")
    }

    @Test func wListsTheWarningsAndEnterGoesToTheSection() {
        var script = ScriptedSession(Self.skipped)
        script.press(.character("W"))
        #expect(script.state.bindingContext == .warnings)
        let frame = script.frameText
        let warning = Self.skipped.warnings[0]
        #expect(frame.contains("line \(warning.line)"), "\(frame)")
        #expect(frame.contains(String(warning.message.prefix(8))), "\(frame)")
        #expect(script.statusLine.hasSuffix("Enter jumps  Esc closes"), "\(script.statusLine)")
        script.press(.enter)
        #expect(script.state.bindingContext == .browse)
        #expect(script.state.selection == .section(warnedIndex))
        script.press(.control("o"))
        #expect(script.state.selection == .title)
    }

    @Test(arguments: [Key.escape, .character("q"), .character("W")])
    func theListClosesWithoutMoving(_ key: Key) {
        var script = ScriptedSession(Self.skipped)
        script.press(.character("W"), key)
        #expect(script.state.bindingContext == .browse)
        #expect(script.state.selection == .title)
    }

    @Test func aCleanReportShowsNoMarkAndWSaysThereAreNone() {
        var script = ScriptedSession()
        #expect(BrowserFixtures.seed.warnings.isEmpty)
        #expect(!script.statusLine.contains("warning"))
        #expect(!script.session.frame().screen.lines.contains { $0.hasSuffix(" !") || $0.contains(" ! ") })
        script.press(.character("W"))
        #expect(script.state.bindingContext == .browse)
        #expect(script.statusLine.contains(WarningsOverlay.noWarnings), "\(script.statusLine)")
    }

    @Test func articlesAreNamedByTheirFirstWords() throws {
        let second = try #require(Self.law.sections.first { $0.marker == "第二条" })
        #expect(second.heading.isEmpty)
        #expect(SectionLabels.treeLabel(of: second) == "第二条 " + second.lead)
        #expect(SectionLabels.treeLabel(of: second).hasPrefix("第二条 本办法所称报告"))
        var script = ScriptedSession(Self.law)
        let rows = script.session.frame().screen.lines
        #expect(rows.contains { $0.contains("第二条 本办法所称报告") }, "\(rows.joined(separator: "\n"))")
        script.press(.down, .down)
        #expect(script.statusLine.contains("第二条 本办法所称报告"), "\(script.statusLine)")
    }

    @Test func aNonArticleKeepsItsHeading() {
        let first = Self.skipped.sections[0]
        #expect(SectionLabels.treeLabel(of: first) == "一、总体要求")
    }

    func pdfOptions(for report: Report) -> BrowserOptions {
        // Ten lines a page: the page of a line is (line - 1) / 10 + 1.
        let pages = (0..<report.lines.count).map { $0 / 10 + 1 }
        let origin = ReportOrigin(name: "r.pdf", path: "r.pdf", format: .pdf, pageOfLine: pages)
        return BrowserOptions(color: false, origin: origin)
    }

    @Test func aPDFSaysSoInTheHeaderAndItsPageInTheStatusLine() throws {
        let report = BrowserFixtures.seed
        var script = ScriptedSession(report, options: pdfOptions(for: report))
        let header = script.session.frame().screen.lines[0]
        #expect(header.hasSuffix("from PDF)"), "\(header)")
        #expect(script.statusLine.contains("p.1 "), "\(script.statusLine)")
        // Deep into the report the page follows what is at the top of the text.
        script.press(.character("G"))
        let progress = try #require(script.statusLine.firstMatch(of: /L(\d+)[–-]/)?.1)
        let expected = (Int(progress)! - 1) / 10 + 1
        #expect(expected > 1)
        #expect(script.statusLine.contains("p.\(expected) "), "\(script.statusLine)")
    }

    @Test(arguments: [ReportFormat.html, .docx])
    func otherFormatsNameThemselvesWithoutPages(_ format: ReportFormat) {
        let origin = ReportOrigin(name: "r", path: "r", format: format)
        let script = ScriptedSession(options: BrowserOptions(color: false, origin: origin))
        let header = script.session.frame().screen.lines[0]
        #expect(header.hasSuffix(" r (from \(format.displayName))"), "\(header)")
        #expect(!script.statusLine.contains("p."), "\(script.statusLine)")
    }

    @Test func plainTextSaysNothingAboutItsFormat() {
        let origin = ReportOrigin(name: "r.txt", path: "r.txt", format: .text)
        let script = ScriptedSession(options: BrowserOptions(color: false, origin: origin))
        #expect(!script.session.frame().screen.lines[0].contains("from "))
    }
}
