/// One entry of an alignment: an old section, a new one, or both, and what happened between them.
public struct AlignedPair: Sendable, Hashable {
    /// Index into the old report's `sections`, nil for a new section.
    public let old: Int?
    /// Index into the new report's `sections`, nil for a removed section.
    public let new: Int?
    public let status: AlignmentStatus
    /// 0…1: how much of the two texts they share (1 for identical text, 0 for new/removed).
    public let similarity: Double
}

/// The correspondence of the sections of two reports, in reading order of the new report with
/// removed sections where they stood. Every section of either report occurs in at least one pair.
///
/// Built for two readers that scroll together: `pairs(forOld:)` / `pairs(forNew:)` find the
/// counterpart of the section on screen, `nextChange` / `previousChange` walk the differences.
public struct SectionAlignment: Sendable {
    public let pairs: [AlignedPair]
    private let byOld: [[Int]]
    private let byNew: [[Int]]

    init(pairs: [AlignedPair], oldCount: Int, newCount: Int) {
        self.pairs = pairs
        var byOld = Array(repeating: [Int](), count: oldCount)
        var byNew = Array(repeating: [Int](), count: newCount)
        for (position, pair) in pairs.enumerated() {
            if let old = pair.old { byOld[old].append(position) }
            if let new = pair.new { byNew[new].append(position) }
        }
        self.byOld = byOld
        self.byNew = byNew
    }

    /// Positions in `pairs` that involve the old section.
    public func pairs(forOld index: Int) -> [Int] { byOld.indices.contains(index) ? byOld[index] : [] }

    /// Positions in `pairs` that involve the new section.
    public func pairs(forNew index: Int) -> [Int] { byNew.indices.contains(index) ? byNew[index] : [] }

    /// The first pair after `position` whose status is a change, for `]`.
    public func nextChange(after position: Int) -> Int? {
        var cursor = position + 1
        while cursor < pairs.count {
            if pairs[cursor].status.isChange { return cursor }
            cursor += 1
        }
        return nil
    }

    /// The last pair before `position` whose status is a change, for `[`.
    public func previousChange(before position: Int) -> Int? {
        var cursor = min(position, pairs.count) - 1
        while cursor >= 0 {
            if pairs[cursor].status.isChange { return cursor }
            cursor -= 1
        }
        return nil
    }

    public var isIdentical: Bool { pairs.allSatisfy { $0.status == .same } }

    /// How many pairs have each status.
    public var counts: [AlignmentStatus: Int] {
        var counts: [AlignmentStatus: Int] = [:]
        for pair in pairs { counts[pair.status, default: 0] += 1 }
        return counts
    }
}
