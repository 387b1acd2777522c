import Testing
@testable import ReportKit

@Suite struct SearchCancellationTests {
    /// Longer than a few check intervals, so the pinyin scan looks at the flag on its way.
    static let report: Report = {
        let paragraph = "推行企业信用修复“一件事”。银行行业发展，绿色发展。\n"
        let body = String(repeating: paragraph, count: 4 * SearchCancellation.checkInterval / paragraph.utf8.count)
        return SearchFixture.report("前言\n# 一、信用\n" + body + "# 二、其他\n信用修复\n")
    }()

    @Test func aCancelledPinyinScanGivesUp() throws {
        let index = SearchIndex(report: Self.report)
        let cancellation = SearchCancellation()
        cancellation.cancel()
        let query = SearchQuery("xyxf", pinyin: .always)
        #expect(try index.search(query, refining: nil, cancellation: cancellation) == nil)
        // Refining among earlier starts gives up too.
        let earlier = try index.search(SearchQuery("xy", pinyin: .always))
        #expect(try index.search(query, refining: earlier, cancellation: cancellation) == nil)
    }

    @Test func anUncancelledSearchIsTheOrdinaryOne() throws {
        let index = SearchIndex(report: Self.report)
        let query = SearchQuery("xyxf", pinyin: .always)
        let plain = try index.search(query)
        let cancellable = try #require(try index.search(query, refining: nil, cancellation: SearchCancellation()))
        #expect(plain.totalCount > 1000)
        #expect(cancellable.hits.map(\.range) == plain.hits.map(\.range))
    }
}
