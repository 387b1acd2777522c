import ReportKit

/// The sections a search keeps in a pruned tree: those with a hit in their subtree, which are
/// the sections with hits plus their ancestors. Built once per result set, in time and memory
/// proportional to the sections kept, and every step through the pruned tree is a binary
/// search among them, however many sections it hides.
package struct OutlineFilter: Sendable {
    /// Hits in each section's subtree: a section is kept when its count is not zero.
    private let counts: SubtreeHitCounts
    /// Kept sections with a kept child, i.e. hits below their own text.
    private let keepingChildren: Set<Int>

    package init(results: SearchResults) {
        let counts = results.countsIncludingDescendants
        self.counts = counts
        var own: [Int: Int] = [:]
        for match in results.sections {
            if let section = match.section { own[section] = match.count }
        }
        keepingChildren = Set(counts.countedSections.filter { counts[$0] > own[$0, default: 0] })
    }

    package func keeps(_ index: Int) -> Bool { counts.indices.contains(index) && counts[index] > 0 }

    package func keepsChildren(of index: Int) -> Bool { keepingChildren.contains(index) }

    /// The first kept section at or after `index`.
    package func firstKept(atOrAfter index: Int) -> Int? {
        guard index < counts.count else { return nil }
        return counts.firstCounted(atOrAfter: max(0, index))
    }

    /// The last kept section at or before `index`.
    package func lastKept(atOrBefore index: Int) -> Int? {
        guard index >= 0, !counts.isEmpty else { return nil }
        return counts.lastCounted(atOrBefore: min(index, counts.count - 1))
    }
}
