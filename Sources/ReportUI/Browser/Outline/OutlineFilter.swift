import ReportKit

/// The sections a search keeps in a pruned tree: those with a hit in their subtree, which are
/// the sections with hits plus their ancestors. Built once per result set, in time and memory
/// proportional to the sections kept, and every step through the pruned tree is a binary
/// search among them, however many sections it hides.
package struct OutlineFilter: Sendable {
    /// Sections kept, ascending: those with a hit in their subtree.
    private let kept: [Int]
    /// Kept sections with a kept child, i.e. hits below their own text.
    private let keepingChildren: Set<Int>

    package init(results: SearchResults) {
        let counts = results.countsIncludingDescendants
        kept = counts.countedSections
        var own: [Int: Int] = [:]
        for match in results.sections {
            if let section = match.section { own[section] = match.count }
        }
        keepingChildren = Set(kept.filter { counts[$0] > own[$0, default: 0] })
    }

    package func keeps(_ index: Int) -> Bool {
        let position = firstPosition(atOrAfter: index)
        return position < kept.count && kept[position] == index
    }

    package func keepsChildren(of index: Int) -> Bool { keepingChildren.contains(index) }

    /// The first kept section at or after `index`.
    package func firstKept(atOrAfter index: Int) -> Int? {
        let position = firstPosition(atOrAfter: index)
        return position < kept.count ? kept[position] : nil
    }

    /// The last kept section at or before `index`.
    package func lastKept(atOrBefore index: Int) -> Int? {
        guard index >= 0 else { return nil }
        let position = firstPosition(atOrAfter: index + 1)
        return position > 0 ? kept[position - 1] : nil
    }

    private func firstPosition(atOrAfter index: Int) -> Int {
        kept.partitioningIndex(where: { $0 >= index })
    }
}
