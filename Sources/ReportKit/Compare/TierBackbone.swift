/// The one-to-one correspondence of a tier under a symmetric likeness (shared weight over the
/// geometric mean of the two sizes), chosen heaviest pair first.
///
/// Containment shares, which the first pass links by, favour large sections: a long part takes
/// some of everything (a five-year review contains every task's topic), so a large section can
/// look like the best target of a section whose real counterpart is smaller. A symmetric
/// likeness does not grow with the size of either side, and a section's heaviest partner
/// in a one-to-one matching is the section it continues.
struct TierBackbone {
    /// Candidates kept per section on each side: the matching only needs the few best.
    static let kept = 3

    private var oldBest: [[(other: Int, likeness: Double)]]
    private var newBest: [[(other: Int, likeness: Double)]]

    init(oldCount: Int, newCount: Int) {
        oldBest = Array(repeating: [], count: oldCount)
        newBest = Array(repeating: [], count: newCount)
    }

    static func likeness(common: Double, oldTotal: Double, newTotal: Double) -> Double {
        let scale = (oldTotal * newTotal).squareRoot()
        return scale > 0 ? common / scale : 0
    }

    mutating func offer(_ i: Int, _ j: Int, likeness: Double) {
        guard likeness > 0 else { return }
        Self.keep(&oldBest[i], (j, likeness))
        Self.keep(&newBest[j], (i, likeness))
    }

    private static func keep(_ list: inout [(other: Int, likeness: Double)], _ entry: (other: Int, likeness: Double)) {
        if list.count == kept, let last = list.last, !(entry.likeness > last.likeness) { return }
        let position = list.firstIndex { entry.likeness > $0.likeness } ?? list.count
        list.insert(entry, at: position)
        if list.count > kept { list.removeLast() }
    }

    /// Old position → (new position, likeness), and the reverse, of the matching.
    func matching() -> (old: [Int: (Int, Double)], new: [Int: (Int, Double)]) {
        var edges: [(i: Int, j: Int, likeness: Double)] = []
        for (i, list) in oldBest.enumerated() { for entry in list { edges.append((i, entry.other, entry.likeness)) } }
        for (j, list) in newBest.enumerated() { for entry in list { edges.append((entry.other, j, entry.likeness)) } }
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
