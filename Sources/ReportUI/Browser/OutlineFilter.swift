import ReportKit

/// The sections a search keeps in a pruned tree: those with a hit in their subtree, which are
/// the sections with hits plus their ancestors. Built once per result set (linear in the number
/// of sections) so that every step through the pruned tree stays a lookup, however many
/// sections it hides.
package struct OutlineFilter: Sendable {
    /// Hits in each section's subtree: a section is kept when its count is not zero.
    private let counts: [Int]
    /// Whether a kept section has a kept child, i.e. hits below its own text.
    private let keepsChildren: [Bool]
    /// For each index, the first kept section at or after it; `counts.count` when none.
    private let nextKept: [Int32]
    /// For each index, the last kept section at or before it; -1 when none.
    private let previousKept: [Int32]

    package init(results: SearchResults) {
        counts = results.countsIncludingDescendants
        var own = [Int](repeating: 0, count: counts.count)
        for match in results.sections {
            if let section = match.section, section < own.count { own[section] = match.count }
        }
        keepsChildren = zip(counts, own).map { $0 > $1 }
        let total = counts.count
        var next = [Int32](repeating: Int32(total), count: total + 1)
        for index in stride(from: total - 1, through: 0, by: -1) {
            next[index] = counts[index] > 0 ? Int32(index) : next[index + 1]
        }
        var previous = [Int32](repeating: -1, count: total)
        var last: Int32 = -1
        for index in 0..<total {
            if counts[index] > 0 { last = Int32(index) }
            previous[index] = last
        }
        nextKept = next
        previousKept = previous
    }

    package func keeps(_ index: Int) -> Bool { counts.indices.contains(index) && counts[index] > 0 }

    package func keepsChildren(of index: Int) -> Bool { keepsChildren.indices.contains(index) && keepsChildren[index] }

    /// The first kept section at or after `index`.
    package func firstKept(atOrAfter index: Int) -> Int? {
        guard index < counts.count else { return nil }
        let found = Int(nextKept[max(0, index)])
        return found < counts.count ? found : nil
    }

    /// The last kept section at or before `index`.
    package func lastKept(atOrBefore index: Int) -> Int? {
        guard index >= 0, !previousKept.isEmpty else { return nil }
        let found = Int(previousKept[min(index, previousKept.count - 1)])
        return found >= 0 ? found : nil
    }
}
