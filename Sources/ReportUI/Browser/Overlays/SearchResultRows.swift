import ReportKit

/// The results list as rows: each matching section's path, then a row per hit in it. A row is
/// worked out from its number by a binary search over the sections, never by listing them all,
/// so a query with a million hits opens and scrolls as fast as one with three.
package struct SearchResultRows {
    package enum Row: Hashable {
        case section(SectionMatch)
        /// An index into `SearchResults.hits`.
        case hit(Int)
    }

    package let results: SearchResults

    package init(_ results: SearchResults) {
        self.results = results
    }

    package var count: Int { results.sections.count + results.totalCount }

    package func row(at index: Int) -> Row {
        let sections = results.sections
        // The last section whose heading row is at or before `index`: section g's row is
        // g + sections[g].firstHit.
        let low = sections.indices.indexBeforePartition(where: { $0 + sections[$0].firstHit > index }) ?? 0
        let headingRow = low + sections[low].firstHit
        return index == headingRow ? .section(sections[low]) : .hit(index - low - 1)
    }

    /// The row of a hit: after its own section's row and everything before.
    package func rowIndex(ofHit hit: Int) -> Int {
        let sections = results.sections
        let low = sections.indexBeforePartition(where: { $0.firstHit > hit }) ?? 0
        return low + 1 + hit
    }
}
