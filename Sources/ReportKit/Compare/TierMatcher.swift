import FoundationEssentials
import Glibc

/// Links the sections of one numbering tier (all `第N条`, all `（N）` …) of two reports by how
/// much of their text they share, wherever they stand: a revision renumbers and moves articles,
/// a new year reorders its tasks.
///
/// Shares are weighted by rarity (inverse document frequency over the tier), so phrases every
/// article repeats count little. Each old section is linked to the new section that takes most
/// of its text, unless that new section clearly has a better source (that keeps two old
/// sections from fighting over one new one); each new section is linked to the old section
/// most of its own text comes from. Splits and merges fall out of the two rules together.
struct TierMatcher {
    struct Link {
        let old: Int
        let new: Int
        /// Rarity-weighted share of the two trigram sets: |A∩B| / |A∪B|.
        let similarity: Double
    }

    /// Share of an old section that must reach its best new section.
    static let oldShareThreshold = 0.12
    /// Share of a new section that must come from its best old section.
    static let newShareThreshold = 0.25
    /// An old section's best new section must get at least this fraction of what its best
    /// source gives it.
    static let rivalRatio = 0.5
    /// Below this, sharing the marker under linked parents is not enough to pair two sections.
    static let positionalThreshold = 0.05
    /// Markers that still agree (same number under the same parent) tip the balance between
    /// near-equal candidates.
    static let samePlaceBonus = 1.1
    /// Tiers larger than this skip trigrams found in more than `commonCap` sections when
    /// finding candidates; such trigrams weigh little and would make the search quadratic.
    static let largeTier = 2000
    static let commonCap = 64

    let oldMembers: [Int]
    let newMembers: [Int]
    let oldGrams: [[UInt32]]
    let newGrams: [[UInt32]]
    /// Own text (without descendants) of old members that have children, else nil.
    let oldOwnGrams: [[UInt32]?]
    /// How much the pair's context supports it: 1 when parents agree, less when they do not.
    let context: (Int, Int) -> Double
    /// Whether the pair stands at the same place: same marker under linked parents.
    let samePlace: (Int, Int) -> Bool
    /// Each member's place in the whole tier (members are the sections not yet paired); by
    /// default the members stand side by side.
    var oldPlaces: [Int]? = nil
    var newPlaces: [Int]? = nil
    /// (old place, new place) of the tier's sections paired before this pass.
    var fixedPlaces: [(old: Int, new: Int)] = []
    /// Whether the tier keeps its order, so that a link out of order needs more text
    /// (`TierOrder.isNumberedThroughout`).
    var keepsOrder = false

    func links() -> [Link] {
        guard !oldMembers.isEmpty, !newMembers.isEmpty else { return [] }
        var ids: [UInt32: Int32] = [:]
        var frequency: [Int32] = []
        func identify(_ set: [UInt32]) -> [Int32] {
            set.map { gram in
                if let id = ids[gram] {
                    frequency[Int(id)] += 1
                    return id
                }
                let id = Int32(frequency.count)
                ids[gram] = id
                frequency.append(1)
                return id
            }
        }
        let oldIDs = oldGrams.map(identify)
        let newIDs = newGrams.map(identify)
        let ownIDs = oldOwnGrams.map { $0.map { $0.compactMap { ids[$0] } } }
        let memberCount = Double(oldMembers.count + newMembers.count)
        let weight = frequency.map { log(1 + memberCount / Double($0)) }
        let cap = oldMembers.count + newMembers.count > Self.largeTier ? Self.commonCap : Int.max
        let oldTotals = oldIDs.map { $0.reduce(0) { $0 + weight[Int($1)] } }
        let newTotals = newIDs.map { $0.reduce(0) { $0 + weight[Int($1)] } }
        let postings = Postings(sets: oldIDs, universe: frequency.count, skip: { frequency[Int($0)] > cap })
        let ownPostings = Postings(
            sets: ownIDs.map { $0 ?? [] }, universe: frequency.count, skip: { frequency[Int($0)] > cap })

        var shared = Array(repeating: 0.0, count: oldMembers.count)
        var sharedOwn = Array(repeating: 0.0, count: oldMembers.count)
        var touched: [Int] = []
        var bestForOld = Array(repeating: Candidate(), count: oldMembers.count)
        var bestSource = Array(repeating: Candidate(), count: newMembers.count)
        var placeCandidate = Array(repeating: -1, count: newMembers.count)
        var placeCommon = Array(repeating: 0.0, count: newMembers.count)
        var placeLikeness = Array(repeating: 0.0, count: newMembers.count)
        var backbone = TierBackbone(oldTotals: oldTotals, newTotals: newTotals)

        for j in newMembers.indices {
            for id in newIDs[j] {
                let w = weight[Int(id)]
                postings.forEach(id) { i in
                    if shared[i] == 0 && sharedOwn[i] == 0 { touched.append(i) }
                    shared[i] += w
                }
                ownPostings.forEach(id) { i in
                    if shared[i] == 0 && sharedOwn[i] == 0 { touched.append(i) }
                    sharedOwn[i] += w
                }
            }
            touched.sort()
            for i in touched {
                let place = samePlace(oldMembers[i], newMembers[j])
                let factor = context(oldMembers[i], newMembers[j]) * (place ? Self.samePlaceBonus : 1)
                let oldShare = oldTotals[i] > 0 ? shared[i] / oldTotals[i] * factor : 0
                let newShare = newTotals[j] > 0 ? max(shared[i], sharedOwn[i]) / newTotals[j] * factor : 0
                let likeness = backbone.likeness(i, j, common: shared[i] * factor)
                backbone.offer(i, j, likeness: likeness)
                if oldShare > bestForOld[i].score {
                    bestForOld[i] = Candidate(score: oldShare, other: j, reverseScore: newShare, common: shared[i], likeness: likeness)
                }
                if newShare > bestSource[j].score {
                    bestSource[j] = Candidate(score: newShare, other: i, reverseScore: oldShare, common: shared[i], likeness: likeness)
                }
                if placeCandidate[j] < 0, place, max(oldShare, newShare) >= Self.positionalThreshold {
                    placeCandidate[j] = i
                    placeCommon[j] = shared[i]
                    placeLikeness[j] = likeness
                }
                shared[i] = 0
                sharedOwn[i] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }

        var chosen = Set<Int64>()
        var ordered: [(Int, Int, Double)] = []
        func link(_ i: Int, _ j: Int, _ common: Double) {
            if chosen.insert(Self.key(i, j)).inserted { ordered.append((i, j, common)) }
        }
        let matched = backbone.matching()
        // A link between two sections that each have another partner in the one-to-one
        // matching, and are less alike than one of those pairs, is an overlap, not a piece:
        // containment made a large section look like the target of a smaller one.
        func overlapsBackbone(_ i: Int, _ j: Int, likeness: Double) -> Bool {
            guard let (oldPartner, oldLikeness) = matched.old[i], let (newPartner, newLikeness) = matched.new[j],
                oldPartner != j, newPartner != i
            else { return false }
            return likeness < max(oldLikeness, newLikeness)
        }
        for i in oldMembers.indices {
            let best = bestForOld[i]
            guard best.other >= 0, best.score >= Self.oldShareThreshold,
                !overlapsBackbone(i, best.other, likeness: best.likeness)
            else { continue }
            if best.reverseScore >= Self.rivalRatio * bestSource[best.other].score { link(i, best.other, best.common) }
        }
        for j in newMembers.indices {
            let best = bestSource[j]
            if best.other >= 0, best.score >= Self.newShareThreshold, !overlapsBackbone(best.other, j, likeness: best.likeness) {
                link(best.other, j, best.common)
            }
        }
        var linkedOld = Set(ordered.map(\.0))
        var linkedNew = Set(ordered.map(\.1))
        for j in newMembers.indices where placeCandidate[j] >= 0 && !linkedNew.contains(j) {
            let i = placeCandidate[j]
            guard !linkedOld.contains(i), !overlapsBackbone(i, j, likeness: placeLikeness[j]) else { continue }
            link(i, j, placeCommon[j])
            linkedOld.insert(i)
            linkedNew.insert(j)
        }
        var refinement = TierRefinement(
            oldGrams: oldGrams, newGrams: newGrams, oldTotals: oldTotals, newTotals: newTotals,
            weightOf: { ids[$0].map { weight[Int($0)] } ?? 0 },
            samePlace: { samePlace(oldMembers[$0], newMembers[$1]) },
            oldPlaces: oldPlaces ?? Array(oldMembers.indices), newPlaces: newPlaces ?? Array(newMembers.indices),
            links: ordered)
        refinement.context = { context(oldMembers[$0], newMembers[$1]) }
        refinement.dropCopies()
        refinement.extendRuns()
        refinement.fillGaps()
        if keepsOrder { refinement.dropUnsupportedMoves(fixed: fixedPlaces) }
        ordered = refinement.links
        ordered.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        return ordered.map { i, j, common in
            let union = oldTotals[i] + newTotals[j] - common
            return Link(old: oldMembers[i], new: newMembers[j], similarity: union > 0 ? min(1, common / union) : 0)
        }
    }

    private struct Candidate {
        var score = 0.0
        var other = -1
        var reverseScore = 0.0
        /// The rarity-weighted trigrams the pair shares.
        var common = 0.0
        /// `TierBackbone.likeness` of the pair.
        var likeness = 0.0
    }

    private static func key(_ i: Int, _ j: Int) -> Int64 { Int64(i) << 32 | Int64(j) }
}

/// For each trigram id, the positions of the sets that contain it (compressed rows).
private struct Postings {
    let starts: [Int32]
    let members: [Int32]

    init(sets: [[Int32]], universe: Int, skip: (Int32) -> Bool) {
        var counts = Array(repeating: Int32(0), count: universe + 1)
        for set in sets { for id in set where !skip(id) { counts[Int(id) + 1] += 1 } }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        var fill = counts
        var members = Array(repeating: Int32(0), count: Int(counts[universe]))
        for (position, set) in sets.enumerated() {
            for id in set where !skip(id) {
                members[Int(fill[Int(id)])] = Int32(position)
                fill[Int(id)] += 1
            }
        }
        self.starts = counts
        self.members = members
    }

    @inline(__always)
    func forEach(_ id: Int32, _ body: (Int) -> Void) {
        let index = Int(id)
        guard index + 1 < starts.count else { return }
        var cursor = Int(starts[index])
        let end = Int(starts[index + 1])
        while cursor < end {
            body(Int(members[cursor]))
            cursor += 1
        }
    }
}
