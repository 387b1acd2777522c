import ReportKit
import Testing

@testable import ReportUI

/// The pruned tree's lookups against their definitions, worked out by hand from the hits.
@Suite struct BrowserOutlineFilterTests {
    @Test(arguments: ["信用修复", "法治", "的", "（一）", "政府 建设", "没有这个词"])
    func lookupsFollowTheHitsAndTheirAncestors(query: String) throws {
        let report = BrowserFixtures.seed
        let results = try SearchIndex(report: report).search(SearchQuery(query))
        var inSubtree = [Int](repeating: 0, count: report.sections.count)
        var own = [Int](repeating: 0, count: report.sections.count)
        for hit in results.hits {
            guard let section = hit.section else { continue }
            own[section] += 1
            var node: Int? = section
            while let current = node {
                inSubtree[current] += 1
                node = report.sections[current].parent
            }
        }
        let filter = OutlineFilter(results: results)
        let kept = inSubtree.indices.filter { inSubtree[$0] > 0 }
        for index in -1...report.sections.count {
            let inRange = report.sections.indices.contains(index)
            #expect(filter.keeps(index) == (inRange && inSubtree[index] > 0), "\(query): \(index)")
            #expect(filter.keepsChildren(of: index) == (inRange && inSubtree[index] > own[index]), "\(query): \(index)")
            #expect(filter.firstKept(atOrAfter: index) == kept.first { $0 >= index }, "\(query): \(index)")
            #expect(filter.lastKept(atOrBefore: index) == kept.last { $0 <= index }, "\(query): \(index)")
        }
        #expect(Array(results.countsIncludingDescendants) == inSubtree)
    }
}
