import ReportTestSupport
import Testing
@testable import ReportKit

/// A single defect must not swallow the rest of a run; the parser accepts it on strong evidence
/// and says so, with the line (issue 12).
@Suite struct ParseWarningTests {
    static func parse(_ text: String) -> Report {
        let report = ReportParser.parse(text)
        LosslessTests.checkInvariants(report, text)
        return report
    }

    @Test func skippedNumberIsAcceptedWithAWarning() {
        let report = Self.parse("报告\n一、甲\n正文。\n二、乙\n正文。\n四、丁\n正文。\n五、戊\n正文。\n")
        #expect(report.sections.map(\.marker) == ["一、", "二、", "四、", "五、"])
        #expect(report.warnings == [ParseWarning(line: 6, message: "numbering jumps from 二 to 四")])
        #expect(report.warnings.first?.description == "line 6: numbering jumps from 二 to 四")
    }

    @Test func skippedNumberWithoutTheRunGoingOnStaysBody() {
        // Nothing after 四、 continues it: a reference, not a chapter.
        let report = Self.parse("报告\n一、甲\n二、乙\n四、丁\n正文。\n")
        #expect(report.sections.map(\.marker) == ["一、", "二、"])
        #expect(report.warnings.isEmpty)
        // The missing number turning up later means the jump was not a heading.
        let later = Self.parse("报告\n一、甲\n二、乙\n四、丁\n三、丙\n四、丁\n")
        #expect(later.sections.map(\.marker) == ["一、", "二、", "三、", "四、"])
        #expect(later.warnings.isEmpty)
    }

    @Test func typoInAMarkerIsAcceptedWithAWarning() {
        let report = Self.parse("报告\n一、甲\n（一）a\n（二）b\n三)c\n（四）d\n")
        #expect(report.sections.map(\.marker) == ["一、", "（一）", "（二）", "三)", "（四）"])
        #expect(report.sections[3].parent == 0 && report.sections[3].ordinal == 3)
        #expect(report.warnings == [ParseWarning(line: 5, message: "“三)” read as （三）")])
    }

    @Test func typoWithoutARunIsBody() {
        let report = Self.parse("报告\n一、甲\n三)不是标题\n二、乙\n")
        #expect(report.sections.map(\.marker) == ["一、", "二、"])
        #expect(report.warnings.isEmpty)
    }

    @Test func strayControlCharacterBeforeAMarker() {
        let report = Self.parse("报告\n一、甲\n正文。\n\u{07}二、乙\n正文。\n三、丙\n")
        #expect(report.sections.map(\.marker) == ["一、", "二、", "三、"])
        #expect(report.warnings == [ParseWarning(line: 4, message: "control character U+0007 before “二、” ignored")])
    }

    @Test func cleanDocumentsHaveNoWarnings() throws {
        #expect(Self.parse(try TestPaths.text(TestPaths.seed)).warnings.isEmpty)
        for name in CorpusOutlineTests.documents {
            let text = try TestPaths.text(TestPaths.corpus.appendingPathComponent("docs/\(name).txt"))
            #expect(Self.parse(text).warnings.isEmpty, "\(name)")
        }
    }

    @Test func warningsAreInTheJSONExport() {
        let report = Self.parse("报告\n一、甲\n二、乙\n四、丁\n五、戊\n")
        let json = OutlineExport.json(report, includeText: true)
        #expect(json.contains("\"warnings\": [\n    {\n      \"line\": 4,\n      \"message\": \"numbering jumps from 二 to 四\"\n    }\n  ]")
                || json.contains("\"line\":4,\"message\":\"numbering jumps from 二 to 四\""))
    }
}
