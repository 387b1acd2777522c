/// For every section of a report, the number of hits in its subtree (own text and all
/// descendants), indexed by section.
///
/// Stores only the sections with hits of their own, in order, with running totals; a
/// section's subtree is a contiguous run of section indices (pre-order), so its count is the
/// difference of two running totals. Building it costs what the hits cost, not a pass over
/// every section of the report (a fresh 3.5 MB array per query on a 100 MB report, paid per key
/// while typing a search), and reading one count, for a row of the tree, is two binary searches.
public struct SubtreeHitCounts: RandomAccessCollection, Sendable, Hashable {
    /// Sections with hits of their own, ascending.
    private let ownSections: [Int32]
    /// `runningTotals[i]` is the number of hits in `ownSections[0..<i]`.
    private let runningTotals: [Int]
    /// For every section, the index just past its subtree, and its parent (-1 for a chapter).
    private let tree: SectionTree

    /// - Parameter own: sections with hits of their own and how many, ascending by section.
    init(own: [(section: Int, count: Int)], tree: SectionTree) {
        self.tree = tree
        var sections: [Int32] = []
        var totals = [0]
        sections.reserveCapacity(own.count)
        totals.reserveCapacity(own.count + 1)
        for (section, count) in own where section >= 0 && section < tree.count {
            sections.append(Int32(section))
            totals.append(totals[totals.count - 1] + count)
        }
        ownSections = sections
        runningTotals = totals
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { tree.count }

    public subscript(section: Int) -> Int {
        precondition(section >= 0 && section < tree.count, "section index out of range")
        let first = firstOwnPosition(atOrAfter: section)
        guard first < ownSections.count, Int(ownSections[first]) < tree.subtreeEnd(of: section) else { return 0 }
        return runningTotals[firstOwnPosition(atOrAfter: tree.subtreeEnd(of: section))] - runningTotals[first]
    }

    /// The sections whose count is not zero, ascending: those with hits and their ancestors.
    public var countedSections: [Int] {
        var counted: [Int] = []
        // The ancestors of the last section seen, root first. In pre-order the ancestors of the
        // next section that are not among them come after everything already listed.
        var chain: [Int] = []
        var newAncestors: [Int] = []
        for own in ownSections {
            var node = Int(own)
            newAncestors.removeAll(keepingCapacity: true)
            while node >= 0 {
                while let last = chain.last, last > node { chain.removeLast() }
                if chain.last == node { break }
                newAncestors.append(node)
                node = tree.parent(of: node)
            }
            if node < 0 { chain.removeAll(keepingCapacity: true) }
            chain += newAncestors.reversed()
            counted += newAncestors.reversed()
        }
        return counted
    }

    private func firstOwnPosition(atOrAfter section: Int) -> Int {
        ownSections.partitioningIndex(where: { Int($0) >= section })
    }

    // The tree is the report's: equal counts of one report have equal own hits.
    public static func == (lhs: SubtreeHitCounts, rhs: SubtreeHitCounts) -> Bool {
        lhs.tree.count == rhs.tree.count && lhs.ownSections == rhs.ownSections && lhs.runningTotals == rhs.runningTotals
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(tree.count)
        hasher.combine(ownSections)
        hasher.combine(runningTotals)
    }
}

/// The shape of a report's section tree as search needs it: parents and the end of each
/// subtree, as compact arrays built once per index.
struct SectionTree: Sendable {
    private let parents: [Int32]
    /// `subtreeEnds[s]`: the first section after `s` that is not its descendant.
    private let subtreeEnds: [Int32]

    /// - Parameter parents: every section's parent, -1 for a chapter, in pre-order (a parent
    ///   comes before its children, and a subtree is a contiguous run).
    init(parents: [Int32]) {
        self.parents = parents
        var sizes = [Int32](repeating: 1, count: parents.count)
        for section in parents.indices.reversed() {
            let parent = Int(parents[section])
            if parent >= 0, parent < section { sizes[parent] += sizes[section] }
        }
        subtreeEnds = sizes.indices.map { Int32($0) + sizes[$0] }
    }

    var count: Int { parents.count }

    func parent(of section: Int) -> Int {
        let parent = Int(parents[section])
        return parent < section ? parent : -1
    }

    func subtreeEnd(of section: Int) -> Int { Int(subtreeEnds[section]) }
}
