/// Order as evidence, the way `diff` trusts the lines between common ones: a revision keeps its
/// sections' order except where it moves one on purpose, so a link whose neighbours on both
/// sides were aligned, but not near it, is a move, and a move has no order to support it. It
/// must stand on its text alone, at the first pass's strongest bar in both directions: each
/// side takes at least `moveShare` of its text from the other. A weak link out of order (a
/// deleted article that shares a stock phrase with one far away, a new article echoing the
/// subject of an old one whose successor stands elsewhere) is dropped.
extension TierRefinement {
    /// Share of each side's text a link without neighbours in order must account for: the
    /// first pass's bar for a new section's source (`TierMatcher.newShareThreshold`), both ways.
    static let moveShare = TierMatcher.newShareThreshold

    /// - Parameter fixed: (old place, new place) of the tier's links made before the first
    ///   pass (unchanged sections), which support order as much as any.
    mutating func dropUnsupportedMoves(fixed: [(old: Int, new: Int)]) {
        let current = links
        guard current.count + fixed.count >= 3 else { return }
        let order = TierOrder(current.map { (old: oldPlaces[$0.0], new: newPlaces[$0.1]) } + fixed)
        var unsupported: [(Int, Int)] = []
        for (i, j, common) in current where !samePlace(i, j) && order.isUnsupportedMove(old: oldPlaces[i], new: newPlaces[j]) {
            let oldShare = oldTotals[i] > 0 ? common / oldTotals[i] : 0
            let newShare = newTotals[j] > 0 ? common / newTotals[j] : 0
            if min(oldShare, newShare) < Self.moveShare { unsupported.append((i, j)) }
        }
        for (i, j) in unsupported { remove(i, j) }
    }
}
