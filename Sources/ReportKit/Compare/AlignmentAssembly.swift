/// Turns links into the pairs of an alignment: a status for each, and the order a reader goes
/// through them (the new report's order, each removed section after its predecessor's pairs).
enum AlignmentAssembly {
    static func assemble(_ state: LinkState, _ old: SectionAligner.Side, _ new: SectionAligner.Side) -> SectionAlignment {
        struct Keyed {
            let anchor: Int
            let rank: Int
            let old: Int
            let pair: AlignedPair
        }
        var keyed: [Keyed] = []
        keyed.reserveCapacity(max(old.report.sections.count, new.report.sections.count))
        for newIndex in new.report.sections.indices {
            let sources = state.newLinks[newIndex].sorted()
            if sources.isEmpty {
                keyed.append(Keyed(anchor: newIndex, rank: 0, old: -1, pair: AlignedPair(old: nil, new: newIndex, status: .new, similarity: 0)))
                continue
            }
            for oldIndex in sources {
                let pair = pairFor(oldIndex, newIndex, state, old, new)
                keyed.append(Keyed(anchor: newIndex, rank: 0, old: oldIndex, pair: pair))
            }
        }
        // A removed section follows whatever its nearest linked predecessor became.
        var anchor = -1
        for oldIndex in old.report.sections.indices {
            let targets = state.oldLinks[oldIndex]
            if let last = targets.map(\.new).max() {
                anchor = max(anchor, last)
                continue
            }
            keyed.append(Keyed(anchor: anchor, rank: 1, old: oldIndex, pair: AlignedPair(old: oldIndex, new: nil, status: .removed, similarity: 0)))
        }
        keyed.sort { left, right in
            if left.anchor != right.anchor { return left.anchor < right.anchor }
            if left.rank != right.rank { return left.rank < right.rank }
            return left.old < right.old
        }
        return SectionAlignment(pairs: keyed.map(\.pair), oldCount: old.report.sections.count, newCount: new.report.sections.count)
    }

    private static func pairFor(
        _ oldIndex: Int, _ newIndex: Int, _ state: LinkState, _ old: SectionAligner.Side, _ new: SectionAligner.Side
    ) -> AlignedPair {
        // A chapter whose title stayed but whose articles changed is modified, not the same.
        let identical = old.folded.subtree(oldIndex, of: old.report, equals: newIndex, of: new.report, in: new.folded)
        let similarity = identical ? 1 : state.similarity(oldIndex, newIndex)
        let status: AlignmentStatus
        if state.newLinks[newIndex].count > 1 {
            status = .merged
        } else if state.oldLinks[oldIndex].count > 1 {
            status = .split
        } else if identical {
            status = old.samePath(oldIndex, as: newIndex, in: new) ? .same : .moved
        } else {
            status = .modified
        }
        return AlignedPair(old: oldIndex, new: newIndex, status: status, similarity: similarity)
    }
}
