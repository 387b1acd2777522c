import ReportKit

/// A search run over both versions: where it hit in each report's text, and the pairs that
/// hold a hit on either side, in reading order, for `n` and `N`.
package struct CompareSearch: Sendable {
    package let text: String
    /// Hit byte ranges in each report's text, in text order.
    package let oldHits: [Range<Int>]
    package let newHits: [Range<Int>]
    package let pairs: [Int]

    package init(query: SearchQuery, document: CompareDocument) throws {
        text = query.text
        let oldResults = try document.searchIndex(.old).search(query)
        let newResults = try document.searchIndex(.new).search(query)
        oldHits = oldResults.hits.map(\.range).sorted { $0.lowerBound < $1.lowerBound }
        newHits = newResults.hits.map(\.range).sorted { $0.lowerBound < $1.lowerBound }
        var pairs = Set<Int>()
        for hit in oldResults.hits {
            if let section = hit.section { pairs.formUnion(document.alignment.pairs(forOld: section)) }
        }
        for hit in newResults.hits {
            if let section = hit.section { pairs.formUnion(document.alignment.pairs(forNew: section)) }
        }
        self.pairs = pairs.sorted()
    }

    package func hits(_ side: CompareSide) -> [Range<Int>] { side == .old ? oldHits : newHits }

    package var summary: String {
        "“\(text)”: \(oldHits.count) in old, \(newHits.count) in new, \(pairs.count) pairs"
    }
}
