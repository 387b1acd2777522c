/// The one-to-one correspondence of a tier under a symmetric likeness (shared weight over the
/// geometric mean of the two sizes), chosen heaviest pair first among each section's most alike
/// counterpart.
///
/// Containment shares, which the first pass links by, favour large sections: a long part takes
/// some of everything (a five-year review contains every task's topic), so a large section can
/// look like the best target of a section whose real counterpart is smaller. A symmetric
/// likeness does not grow with the size of either side, and a section's partner in a
/// one-to-one matching is the section it continues.
struct TierBackbone {
    /// Each member's two most alike counterparts (the second is needed when the first is
    /// taken by a better pair).
    private var oldBest: [Best]
    private var newBest: [Best]

    struct Best {
        var first: (other: Int32, likeness: Double) = (-1, 0)
        var second: (other: Int32, likeness: Double) = (-1, 0)

        @inline(__always)
        mutating func offer(_ other: Int, _ likeness: Double) {
            guard likeness > second.likeness else { return }
            if likeness > first.likeness {
                second = first
                first = (Int32(other), likeness)
            } else {
                second = (Int32(other), likeness)
            }
        }

        var entries: [(other: Int32, likeness: Double)] { [first, second].filter { $0.other >= 0 } }
    }
    /// 1 / √(weighted size) of each member, so a pair's likeness costs two multiplications.
    private let oldScale: [Double]
    private let newScale: [Double]

    init(oldTotals: [Double], newTotals: [Double]) {
        oldBest = Array(repeating: Best(), count: oldTotals.count)
        newBest = Array(repeating: Best(), count: newTotals.count)
        oldScale = oldTotals.map { $0 > 0 ? 1 / $0.squareRoot() : 0 }
        newScale = newTotals.map { $0 > 0 ? 1 / $0.squareRoot() : 0 }
    }

    @inline(__always)
    func likeness(_ i: Int, _ j: Int, common: Double) -> Double { common * oldScale[i] * newScale[j] }

    /// Ties keep the first pair offered (members are offered in order: deterministic).
    @inline(__always)
    mutating func offer(_ i: Int, _ j: Int, likeness: Double) {
        oldBest[i].offer(j, likeness)
        newBest[j].offer(i, likeness)
    }

    /// Old position → (new position, likeness), and the reverse, of the matching.
    func matching() -> (old: [Int: (Int, Double)], new: [Int: (Int, Double)]) {
        var edges: [(i: Int, j: Int, likeness: Double)] = []
        edges.reserveCapacity(2 * (oldBest.count + newBest.count))
        for (i, best) in oldBest.enumerated() { for entry in best.entries { edges.append((i, Int(entry.other), entry.likeness)) } }
        for (j, best) in newBest.enumerated() { for entry in best.entries { edges.append((Int(entry.other), j, entry.likeness)) } }
        edges.sort { left, right in
            if left.likeness != right.likeness { return left.likeness > right.likeness }
            return left.i != right.i ? left.i < right.i : left.j < right.j
        }
        var old: [Int: (Int, Double)] = [:]
        var new: [Int: (Int, Double)] = [:]
        for edge in edges where old[edge.i] == nil && new[edge.j] == nil {
            old[edge.i] = (edge.j, edge.likeness)
            new[edge.j] = (edge.i, edge.likeness)
        }
        return (old, new)
    }
}
