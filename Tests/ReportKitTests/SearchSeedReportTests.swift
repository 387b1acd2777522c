import ReportTestSupport
import Testing
@testable import ReportKit

/// The search cases of issue 4 on the bundled report, parsed by the real parser.
@Suite struct SearchSeedReportTests {
    static func index() throws -> SearchIndex {
        SearchIndex(report: ReportParser.parse(try TestPaths.text(TestPaths.seed)))
    }

    @Test func creditRepairHasThreeHitsInSections1_2And4_2() throws {
        let index = try Self.index()
        let report = index.report
        let results = try index.search(SearchQuery("信用修复"))
        #expect(results.totalCount == 3)
        #expect(results.hits.map { $0.section.map { report.sections[$0].address } } == ["1.2", "1.2", "4.2"])
        #expect(results.hits.map(\.line) == [6, 6, 20])
        #expect(results.hits.allSatisfy { report.slice($0.range) == "信用修复" })
        #expect(results.sections.map { $0.section.map { report.sections[$0].address } } == ["1.2", "4.2"])
        #expect(results.sections.map(\.count) == [2, 1])
        // Counts on the tree: the two items and their chapters.
        let counted = report.sections.indices.filter { results.countsIncludingDescendants[$0] > 0 }
        #expect(counted.map { report.sections[$0].address } == ["1", "1.2", "4", "4.2"])
        #expect(counted.map { results.countsIncludingDescendants[$0] } == [2, 2, 1, 1])
    }

    @Test func fullWidthParenthesesFindTheHalfWidthHeadings() throws {
        let index = try Self.index()
        let report = index.report
        let results = try index.search(SearchQuery("（一）"))
        let headings = report.sections.filter { $0.marker == "(一)" }
        #expect(headings.count == 4)
        #expect(results.hits.map(\.range.lowerBound) == headings.map(\.ownRange.lowerBound))
        #expect(results.hits.allSatisfy { report.slice($0.range) == "(一)" })
    }

    @Test func allThreeTermsOccurOnlyInSection4_3() throws {
        let index = try Self.index()
        let report = index.report
        let results = try index.search(SearchQuery("法治 政府 律师"))
        #expect(results.sections.map { $0.section.map { report.sections[$0].address } } == ["4.3"])
        #expect(results.hits.allSatisfy { $0.section == results.sections.first?.section })
        let texts = Set(results.hits.map { String(report.slice($0.range)) })
        #expect(texts == ["法治", "政府", "律师"])
    }

    @Test func snippetOfTheSecondChapterHit() throws {
        let index = try Self.index()
        let results = try index.search(SearchQuery("信用修复"))
        let snippet = index.report.snippet(for: results.hits[2], context: 4)
        #expect(snippet.text == "助力企业信用修复。持续推")
        #expect(snippet.text[snippet.highlight] == "信用修复")
    }
}
