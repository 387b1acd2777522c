/// A clause carried over nearly word for word is the surest trace of where a text came from: a
/// revision that merges articles gathers their clauses into one, and one that splits an article
/// hands each clause to a piece, and in both the clause keeps most of its words. The share
/// rules weigh whole sections, so a section that already has one source (or target) can miss a
/// second one that gave it a single clause, or take for its source a section that only echoes
/// its subject while another holds its clause verbatim.
///
/// So, after all other passes, each section of a tier (paired or not) is linked to the one
/// section of the other version that holds one of its clauses clearly better than any other
/// section does, unless the source's present counterparts already carry that clause about as
/// well (then the section is a copy, a reused template, not a piece).
extension ClauseLinker {
    /// Likeness from which two clauses are the same clause reworded.
    static let anchorBar = 0.5
    /// The holder of the clause must hold it this many times better than any other section.
    static let anchorLead = 1.5
    /// Clauses a side of a tier may hold before candidates are found through rarer trigrams
    /// only (`anchorCommonCap`): comparing through every stock phrase is quadratic.
    static let anchorLargeSide = 2000
    /// In a large tier, trigrams held by more clauses than this do not propose candidates
    /// (they still count in the likeness of the candidates found).
    static let anchorCommonCap = 64
    /// Sections a side of a tier may hold: well above any law (民法典 has 1,260 articles), so
    /// the linear but not small cost is not spent on generated 100,000-section reports.
    static let anchorSectionLimit = 10_000
    /// Share of the section's clause weight the anchoring clause must make up: one sentence of
    /// a long report part says little about where the part came from (stock sentences recur
    /// between a review and a task list); one of an article's few clauses says much.
    static let anchorShare = 0.2

    /// Folded bytes a side of a tier may hold (a chapter tier of a generated 100,000-article law
    /// has one section of 14 MB, whose clauses are each a negligible share of it anyway).
    static let anchorByteBudget = 4 << 20

    func anchor(oldTier: [Int], newTier: [Int], into state: inout LinkState) {
        guard !oldTier.isEmpty, !newTier.isEmpty, oldTier.count <= Self.anchorSectionLimit, newTier.count <= Self.anchorSectionLimit,
            oldTier.reduce(0, { $0 + oldFolded.subtreeRange($1, in: old).count }) <= Self.anchorByteBudget,
            newTier.reduce(0, { $0 + newFolded.subtreeRange($1, in: new).count }) <= Self.anchorByteBudget
        else { return }
        let oldClauses = oldTier.map { clauses(of: $0, in: old, oldFolded) }
        let newClauses = newTier.map { clauses(of: $0, in: new, newFolded) }
        let weigh = Weights(over: oldClauses + newClauses)
        let oldWeighed = oldClauses.map { $0.map { WeighedClause($0, weigh) } }
        let newWeighed = newClauses.map { $0.map { WeighedClause($0, weigh) } }
        let oldPosition = Dictionary(uniqueKeysWithValues: oldTier.enumerated().map { ($1, $0) })
        let newPosition = Dictionary(uniqueKeysWithValues: newTier.enumerated().map { ($1, $0) })
        let cap = max(oldClauses.joined().count, newClauses.joined().count) > Self.anchorLargeSide ? Self.anchorCommonCap : Int.max
        let oldIndex = ClauseIndex(oldWeighed, weigh, commonCap: cap)
        let newIndex = ClauseIndex(newWeighed, weigh, commonCap: cap)

        // Decided on the links as they stand, then added: the result does not depend on the
        // order sections are visited.
        var found: [(old: Int, new: Int, likeness: Double)] = []
        for (position, section) in newTier.enumerated() {
            let size = newWeighed[position].reduce(0) { $0 + $1.total }
            for clause in newWeighed[position] where clause.total >= Self.anchorShare * size {
                guard let hit = oldIndex.soleHolder(of: clause) else { continue }
                let source = oldTier[hit.position]
                guard !state.isLinked(source, section) else { continue }
                let counterparts = state.oldLinks[source].compactMap { newPosition[$0.new] }.map { newWeighed[$0] }
                guard !Self.carried(hit.clause, likeness: hit.likeness, by: counterparts, weigh) else { continue }
                found.append((source, section, hit.likeness))
            }
        }
        for (position, section) in oldTier.enumerated() {
            let size = oldWeighed[position].reduce(0) { $0 + $1.total }
            for clause in oldWeighed[position] where clause.total >= Self.anchorShare * size {
                guard let hit = newIndex.soleHolder(of: clause) else { continue }
                let target = newTier[hit.position]
                guard !state.isLinked(section, target) else { continue }
                let counterparts = state.newLinks[target].compactMap { oldPosition[$0] }.map { oldWeighed[$0] }
                guard !Self.carried(hit.clause, likeness: hit.likeness, by: counterparts, weigh) else { continue }
                found.append((section, target, hit.likeness))
            }
        }
        for link in found { state.add(link.old, link.new, similarity: link.likeness) }
    }

    /// A clause's trigrams with their total weight, computed once.
    struct WeighedClause {
        let grams: [UInt32]
        let total: Double

        init(_ grams: [UInt32], _ weigh: Weights) {
            self.grams = grams
            total = weigh.total(grams)
        }

        func likeness(_ other: WeighedClause, _ weigh: Weights) -> Double {
            guard total > 0, other.total > 0 else { return 0 }
            let common = grams.sortedIntersection(other.grams)
            guard !common.isEmpty else { return 0 }
            return weigh.total(common) / (total * other.total).squareRoot()
        }
    }

    /// The clauses of one side of a tier, found through their trigrams: only clauses sharing a
    /// trigram are compared.
    struct ClauseIndex {
        let sections: [[WeighedClause]]
        /// Trigram → (section position, clause position) of the clauses holding it.
        private var postings: [UInt32: [(Int32, Int32)]] = [:]
        private let weightOf: [UInt32: Double]
        private let weigh: Weights
        /// Whether trigrams too common to propose candidates were left out of `postings`; the
        /// candidates' likeness is then computed on their whole clauses.
        private let capped: Bool

        init(_ sections: [[WeighedClause]], _ weigh: Weights, commonCap: Int = .max) {
            self.sections = sections
            self.weigh = weigh
            var weights: [UInt32: Double] = [:]
            for (position, clauses) in sections.enumerated() {
                for (offset, clause) in clauses.enumerated() {
                    for gram in clause.grams {
                        postings[gram, default: []].append((Int32(position), Int32(offset)))
                        if weights[gram] == nil { weights[gram] = weigh.weight(gram) }
                    }
                }
            }
            capped = postings.values.contains { $0.count > commonCap }
            if capped { postings = postings.filter { $0.value.count <= commonCap } }
            weightOf = weights
        }

        /// The section holding `clause` at or above the bar and clearly better than every other
        /// section, with its clause and the likeness.
        func soleHolder(of clause: WeighedClause) -> (position: Int, clause: WeighedClause, likeness: Double)? {
            var shared: [Int64: Double] = [:]
            for gram in clause.grams {
                guard let hits = postings[gram], let weight = weightOf[gram] else { continue }
                for (position, offset) in hits { shared[Int64(position) << 32 | Int64(offset), default: 0] += weight }
            }
            var bestBySection: [Int: (clause: WeighedClause, likeness: Double)] = [:]
            // Keys in order, so that equal clauses of one section resolve to the first.
            for (key, common) in shared.sorted(by: { $0.key < $1.key }) {
                let position = Int(key >> 32)
                let candidate = sections[position][Int(key & 0xFFFF_FFFF)]
                guard clause.total > 0, candidate.total > 0 else { continue }
                let likeness = capped ? clause.likeness(candidate, weigh) : common / (clause.total * candidate.total).squareRoot()
                if likeness > (bestBySection[position]?.likeness ?? 0) { bestBySection[position] = (candidate, likeness) }
            }
            // Ties between sections go to the first, so the result does not depend on hashing order.
            var first: (position: Int, clause: WeighedClause, likeness: Double)?
            var second = 0.0
            for (position, best) in bestBySection.sorted(by: { $0.key < $1.key }) {
                if let current = first, best.likeness <= current.likeness {
                    second = max(second, best.likeness)
                } else {
                    second = max(second, first?.likeness ?? 0)
                    first = (position, best.clause, best.likeness)
                }
            }
            guard let first, first.likeness >= anchorBar, first.likeness >= anchorLead * second else { return nil }
            return first
        }
    }

    /// Whether one of the source's present counterparts holds the source's clause about as well
    /// as the section that would become a new piece (see `carriedRatio`).
    static func carried(_ clause: WeighedClause, likeness: Double, by counterparts: [[WeighedClause]], _ weigh: Weights) -> Bool {
        let bar = max(anchorBar, likeness * carriedRatio)
        return counterparts.contains { $0.contains { clause.likeness($0, weigh) >= bar } }
    }
}
