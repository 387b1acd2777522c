import Testing
@testable import ReportKit

/// Positions and marker paths never fall back to heading keywords: "5" is in "2025年".
@Suite struct StructuralAddressTests {
    @Test(arguments: ["5", "0", "五", "4.9", "3.2.1", "三(九)", "第五章", "99999999999999999999"])
    func aMissIsNotFoundEvenWhenAHeadingContainsIt(_ address: String) throws {
        let report = try SeedOutlineTests.seedReport()
        #expect(report.resolve(address) == .notFound)
    }

    @Test func keywordsStillMatchHeadings() throws {
        let report = try SeedOutlineTests.seedReport()
        guard case .found(let index) = report.resolve("2025年主要工作安排") else {
            Issue.record("keyword did not resolve")
            return
        }
        #expect(report.sections[index].address == "4")
    }

    @Test func theMissSaysWhatTheOutlineHas() throws {
        let report = try SeedOutlineTests.seedReport()
        #expect(report.describeFailure(of: "5", .notFound, in: "r.txt") == "r.txt has 4 chapters; “5” is not one of them")
        #expect(report.describeFailure(of: "5", .notFound) == "the report has 4 chapters; “5” is not one of them")
        #expect(report.describeFailure(of: "3.9", .notFound, in: "r.txt")
            == "r.txt: section 3 三、 has 3 subsections; “3.9” is not one of them")
        #expect(report.describeFailure(of: "无此标题", .notFound, in: "r.txt") == "r.txt: no section matches “无此标题”")
    }

    @Test func aThreeChapterReportDoesNotListSeveralSections() {
        let report = ReportParser.parse("标题\n一、甲\n正文4\n二、乙\n4项\n三、丙\n第4条\n")
        #expect(report.roots.count == 3)
        #expect(report.resolve("4") == .notFound)
        #expect(report.describeFailure(of: "4", .notFound, in: "x") == "x has 3 chapters; “4” is not one of them")
    }
}
