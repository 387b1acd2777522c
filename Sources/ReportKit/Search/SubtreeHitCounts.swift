/// For every section of a report, the number of hits in its subtree (own text and all
/// descendants), indexed by section.
///
/// Only the sections with hits and their ancestors have a count that is not zero, so only
/// those are stored: a query costs what its hits cost, not a pass over the 436,192 sections of
/// a 100 MB report (a fresh 3.5 MB array per query, which typing a search pays per key).
public struct SubtreeHitCounts: RandomAccessCollection, Sendable, Hashable {
    private let sectionCount: Int
    /// Sections with hits in their subtree, ascending.
    private let sections: [Int32]
    /// `values[i]` is the count of `sections[i]`.
    private let values: [Int]

    /// - Parameter own: sections with hits of their own and how many, ascending by section.
    /// - Parameter parents: every section's parent, -1 for a chapter; a parent comes before
    ///   its children (pre-order).
    init(sectionCount: Int, own: [(section: Int, count: Int)], parents: [Int32]) {
        self.sectionCount = sectionCount
        var sections: [Int32] = []
        var values: [Int] = []
        // The ancestor chain of the last section seen, root first: each link's section, its
        // place in the output and the hits counted below it so far, handed to its parent when
        // it leaves the chain. In pre-order a section's ancestors that the chain does not hold
        // yet come after everything already output, so the output stays ascending unsorted.
        var chainSections: [Int] = []
        var chainSlots: [Int] = []
        var chainTotals: [Int] = []
        var newAncestors: [Int] = []
        let own = own.filter { $0.section >= 0 && $0.section < sectionCount }
        // Sections with hits lie far apart in a long report, so each parent is a cache miss;
        // fetched in a loop of their own, independent of each other, the misses overlap.
        let ownParents = own.map { parents[$0.section] }
        for ((section, count), firstParent) in zip(own, ownParents) {
            var node = section
            newAncestors.removeAll(keepingCapacity: true)
            var knownParent: Int? = Int(firstParent)
            while true {
                // Links below `node` are not ancestors of `section`: they leave.
                while let last = chainSections.last, last > node || node < 0 {
                    chainSections.removeLast()
                    let total = chainTotals.removeLast()
                    values[chainSlots.removeLast()] = total
                    if !chainTotals.isEmpty { chainTotals[chainTotals.count - 1] += total }
                }
                if node < 0 || chainSections.last == node { break }
                newAncestors.append(node)
                let parent = knownParent ?? Int(parents[node])
                knownParent = nil
                node = parent < node ? parent : -1
            }
            for ancestor in newAncestors.reversed() {
                chainSections.append(ancestor)
                chainSlots.append(sections.count)
                chainTotals.append(0)
                sections.append(Int32(ancestor))
                values.append(0)
            }
            chainTotals[chainTotals.count - 1] += count
        }
        while !chainSections.isEmpty {
            chainSections.removeLast()
            let total = chainTotals.removeLast()
            values[chainSlots.removeLast()] = total
            if !chainTotals.isEmpty { chainTotals[chainTotals.count - 1] += total }
        }
        self.sections = sections
        self.values = values
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { sectionCount }

    public subscript(section: Int) -> Int {
        precondition(section >= 0 && section < sectionCount, "section index out of range")
        guard let position = position(of: section) else { return 0 }
        return values[position]
    }

    /// The sections whose count is not zero, ascending: those with hits and their ancestors.
    public var countedSections: [Int] { sections.map(Int.init) }

    /// The first section at or after `section` whose count is not zero.
    public func firstCounted(atOrAfter section: Int) -> Int? {
        let position = firstPosition(atOrAfter: section)
        return position < sections.count ? Int(sections[position]) : nil
    }

    /// The last section at or before `section` whose count is not zero.
    public func lastCounted(atOrBefore section: Int) -> Int? {
        let position = firstPosition(atOrAfter: section + 1)
        return position > 0 ? Int(sections[position - 1]) : nil
    }

    private func position(of section: Int) -> Int? {
        let position = firstPosition(atOrAfter: section)
        return position < sections.count && Int(sections[position]) == section ? position : nil
    }

    private func firstPosition(atOrAfter section: Int) -> Int {
        var low = 0
        var high = sections.count
        while low < high {
            let mid = (low + high) / 2
            if Int(sections[mid]) < section { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
