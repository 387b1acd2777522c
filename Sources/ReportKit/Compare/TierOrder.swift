/// Where a tier's links put each section's neighbours, for judging whether one more link keeps
/// the order around it (see `TierRefinement.dropUnsupportedMoves`). Places are positions in the
/// whole tier, both versions.
struct TierOrder {
    /// Places apart within which two links support each other's order.
    static let neighbourhood = 2

    private var byOldPlace: [Int: [Int]] = [:]
    private var linkedNewPlaces = Set<Int>()

    init<Links: Sequence>(_ links: Links) where Links.Element == (old: Int, new: Int) {
        for link in links { add(old: link.old, new: link.new) }
    }

    /// Whether order is evidence in a tier: its sections are numbered through the whole
    /// document on both sides (a law's 第N条 run on across chapters), so their order is the
    /// document's. Numbers that restart under each parent (a report's （一）… under each part, a
    /// law's items under each article) make lists a new year reorders freely.
    static func isNumberedThroughout(old oldTier: [Int], in old: Report, new newTier: [Int], in new: Report) -> Bool {
        func unique(_ tier: [Int], _ report: Report) -> Bool {
            var seen = Set<Substring>()
            return tier.allSatisfy { seen.insert(report.sections[$0].markerText).inserted }
        }
        return unique(oldTier, old) && unique(newTier, new)
    }

    /// The order of a tier's links as they stand in `state`.
    static func of(oldTier: [Int], newTier: [Int], _ state: LinkState, newPosition: [Int: Int]) -> TierOrder {
        TierOrder(oldTier.enumerated().flatMap { place, index in
            state.oldLinks[index].compactMap { link in newPosition[link.new].map { (old: place, new: $0) } }
        })
    }

    var isEmpty: Bool { byOldPlace.isEmpty }

    mutating func add(old: Int, new: Int) {
        byOldPlace[old, default: []].append(new)
        linkedNewPlaces.insert(new)
    }

    /// Whether a link between these places would be a move: no other link stands near it on
    /// both sides, while sections near it on both sides are linked (elsewhere). Where nothing
    /// around is aligned (a chapter inserted or dropped whole), order says nothing.
    func isUnsupportedMove(old oldPlace: Int, new newPlace: Int) -> Bool {
        let reach = Self.neighbourhood
        var oldNeighbourLinked = false
        for offset in -reach...reach {
            guard let others = byOldPlace[oldPlace + offset] else { continue }
            if offset != 0 { oldNeighbourLinked = true }
            if others.contains(where: { ($0 != newPlace || offset != 0) && abs($0 - newPlace) <= reach }) { return false }
        }
        let newNeighbourLinked = (-reach...reach).contains { $0 != 0 && linkedNewPlaces.contains(newPlace + $0) }
        return oldNeighbourLinked && newNeighbourLinked
    }
}
