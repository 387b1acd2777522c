import FoundationEssentials
import Glibc

/// A revision moves, splits and rewrites clauses (a law's 款 and 项, a report's sentences), so a
/// section whose whole text is unlike every other can still hold a clause that clearly came from
/// one section of the other version. After the tier's other passes, each section still unpaired
/// is cut into clauses (sentence-final 。；！？ and paragraph breaks) and linked, as a piece, to
/// the one section whose clauses account for enough of its own — counting only clauses that the
/// source's other counterparts do not already carry better, so a reused template or a copy of
/// what another piece took is not a piece.
struct ClauseLinker {
    /// Likeness (shared weight / √(weight × weight)) from which two clauses are counterparts.
    static let clauseBar = 0.35
    /// Share of the unpaired section's clause weight its source must account for.
    static let coverageFloor = 0.1
    /// The best source must account for this many times what the runner-up does.
    static let leadRatio = 1.5
    /// A source clause counts as taken when one of the source's present counterparts carries it
    /// this well relative to the unpaired section (and above the bar): a successor that reworded
    /// it (公民、法人或者其他组织 → 当事人) still holds it, a verbatim copy elsewhere is not a piece.
    static let carriedRatio = 0.8
    /// Unpaired sections × candidates above which the pass is skipped: it compares clause
    /// against clause and is meant for the few sections the other passes left.
    static let pairBudget = 50_000
    /// Coverage a clause link must reach when it would be a move (no neighbouring link in order).
    static let moveCoverage = anchorBar

    let old: Report
    let new: Report
    let oldFolded: FoldedSections
    let newFolded: FoldedSections
    let keepOneIn: UInt32

    init(old: Report, oldFolded: FoldedSections, new: Report, newFolded: FoldedSections, keepOneIn: UInt32) {
        self.old = old
        self.new = new
        self.oldFolded = oldFolded
        self.newFolded = newFolded
        self.keepOneIn = keepOneIn
    }

    func link(oldTier: [Int], newTier: [Int], into state: inout LinkState) {
        let lonelyNew = newTier.filter { state.newLinks[$0].isEmpty }
        let lonelyOld = oldTier.filter { state.oldLinks[$0].isEmpty }
        guard !lonelyNew.isEmpty || !lonelyOld.isEmpty,
            lonelyNew.count * oldTier.count + lonelyOld.count * newTier.count <= Self.pairBudget
        else { return }
        let oldClauses = oldTier.map { clauses(of: $0, in: old, oldFolded) }
        let newClauses = newTier.map { clauses(of: $0, in: new, newFolded) }
        let weigh = Weights(over: oldClauses + newClauses)
        let oldPosition = Dictionary(uniqueKeysWithValues: oldTier.enumerated().map { ($1, $0) })
        let newPosition = Dictionary(uniqueKeysWithValues: newTier.enumerated().map { ($1, $0) })

        let order = TierOrder.isNumberedThroughout(old: oldTier, in: old, new: newTier, in: new)
            ? TierOrder.of(oldTier: oldTier, newTier: newTier, state, newPosition: newPosition) : nil
        // A clause link out of order is a move, which needs more of the text (see `TierOrder`).
        func keepsOrder(_ oldSection: Int, _ newSection: Int, coverage: Double) -> Bool {
            guard let order, coverage < Self.moveCoverage else { return true }
            return !order.isUnsupportedMove(old: oldPosition[oldSection]!, new: newPosition[newSection]!)
        }
        var found: [(old: Int, new: Int, similarity: Double)] = []
        for section in lonelyNew {
            let mine = newClauses[newPosition[section]!]
            let pick = best(mine, among: oldTier.indices.map { position in
                (oldTier[position], oldClauses[position],
                 state.oldLinks[oldTier[position]].compactMap { newPosition[$0.new].map { newClauses[$0] } })
            }, weigh)
            if let pick, keepsOrder(pick.source, section, coverage: pick.coverage) { found.append((pick.source, section, pick.coverage)) }
        }
        for section in lonelyOld {
            let mine = oldClauses[oldPosition[section]!]
            let pick = best(mine, among: newTier.indices.map { position in
                (newTier[position], newClauses[position],
                 state.newLinks[newTier[position]].compactMap { oldPosition[$0].map { oldClauses[$0] } })
            }, weigh)
            if let pick, keepsOrder(section, pick.source, coverage: pick.coverage) { found.append((section, pick.source, pick.coverage)) }
        }
        for link in found { state.add(link.old, link.new, similarity: link.similarity) }
    }

    /// The source clearly accounting for most of `mine`, if one does.
    private func best(
        _ mine: [[UInt32]], among candidates: [(index: Int, clauses: [[UInt32]], counterparts: [[[UInt32]]])], _ weigh: Weights
    ) -> (source: Int, coverage: Double)? {
        guard !mine.isEmpty else { return nil }
        var first: (source: Int, coverage: Double)?
        var second = 0.0
        for candidate in candidates where !candidate.clauses.isEmpty {
            let coverage = novelCoverage(mine, by: candidate.clauses, elsewhere: candidate.counterparts.joined(), weigh)
            if let current = first, coverage <= current.coverage {
                second = max(second, coverage)
                continue
            }
            second = first?.coverage ?? second
            first = (candidate.index, coverage)
        }
        guard let first, first.coverage >= Self.coverageFloor, first.coverage >= Self.leadRatio * second else { return nil }
        return first
    }

    /// Weighted share of `mine` whose best clause in `source` reaches the bar and is not carried
    /// (see `carriedRatio`) by one of the source's present counterparts.
    private func novelCoverage<Others: Sequence>(
        _ mine: [[UInt32]], by source: [[UInt32]], elsewhere: Others, _ weigh: Weights
    ) -> Double where Others.Element == [UInt32] {
        let others = Array(elsewhere)
        var total = 0.0
        var covered = 0.0
        for clause in mine {
            let weight = weigh.total(clause)
            total += weight
            var bestLikeness = 0.0
            var bestClause: [UInt32] = []
            for candidate in source {
                let likeness = weigh.likeness(clause, candidate)
                if likeness > bestLikeness { (bestLikeness, bestClause) = (likeness, candidate) }
            }
            guard bestLikeness >= Self.clauseBar,
                !others.contains(where: { weigh.likeness(bestClause, $0) >= max(Self.clauseBar, bestLikeness * Self.carriedRatio) })
            else { continue }
            covered += weight * bestLikeness
        }
        return total > 0 ? covered / total : 0
    }

    /// The section's folded text with its descendants, cut at sentence ends and line breaks,
    /// as sorted trigram sets; clauses of fewer than three trigrams say too little to count.
    func clauses(of section: Int, in report: Report, _ folded: FoldedSections) -> [[UInt32]] {
        let range = folded.subtreeRange(section, in: report)
        var result: [[UInt32]] = []
        var start = range.lowerBound
        var offset = range.lowerBound
        let bytes = folded.bytes
        func cut(at end: Int) {
            let grams = GramProfile.trigrams(bytes[start..<end], keepOneIn: keepOneIn)
            if grams.count >= 3 { result.append(grams) }
        }
        while offset < range.upperBound {
            let ends = Self.clauseEndLength(bytes, at: offset, limit: range.upperBound)
            if ends > 0 {
                cut(at: offset)
                offset += ends
                start = offset
            } else {
                offset += 1
            }
        }
        if start < range.upperBound { cut(at: range.upperBound) }
        return result
    }

    /// Length of the clause-ending mark at `offset` (。；！？ in full or half width, a line
    /// break), else 0.
    private static func clauseEndLength(_ bytes: [UInt8], at offset: Int, limit: Int) -> Int {
        switch bytes[offset] {
        case 0x0A, 0x3B, 0x21, 0x3F: return 1
        case 0xE3 where offset + 2 < limit && bytes[offset + 1] == 0x80 && bytes[offset + 2] == 0x82: return 3
        case 0xEF where offset + 2 < limit && bytes[offset + 1] == 0xBC && [0x9B, 0x81, 0x9F].contains(bytes[offset + 2]):
            return 3
        default: return 0
        }
    }

    /// Inverse clause frequency of each trigram over the tier's clauses, both versions.
    struct Weights {
        let frequency: [UInt32: Int]
        let clauseCount: Int

        /// Inverse clause frequency over every clause of both versions' tier: a trigram in
        /// many clauses says little about where one came from.
        init(over sections: [[[UInt32]]]) {
            var frequency: [UInt32: Int] = [:]
            var clauseCount = 0
            for clause in sections.joined() {
                clauseCount += 1
                for gram in clause { frequency[gram, default: 0] += 1 }
            }
            self.frequency = frequency
            self.clauseCount = clauseCount
        }

        func weight(_ gram: UInt32) -> Double {
            log(1 + Double(clauseCount) / Double(max(1, frequency[gram] ?? 1)))
        }

        func total(_ set: [UInt32]) -> Double { set.reduce(0) { $0 + weight($1) } }

        func likeness(_ a: [UInt32], _ b: [UInt32]) -> Double {
            let common = total(a.sortedIntersection(b))
            guard common > 0 else { return 0 }
            return common / (total(a) * total(b)).squareRoot()
        }
    }
}
