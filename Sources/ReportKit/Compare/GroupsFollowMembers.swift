/// In a law the articles run on across the chapters (第N条 numbered through the whole text), so
/// a chapter is only a grouping of that one sequence, and its counterpart is where its articles
/// went: a revision that moves the investigative powers out of a chapter into a new chapter
/// 调查处置, and retitles the chapter they left, keeps few words in the chapters' own text but
/// says plainly through the articles which chapter became which.
///
/// So, once the articles are aligned, the links between their parents are decided again from
/// the article links, as the tier matcher decides links from shared text: each old group goes
/// to the new group that took the largest share of its members, each new group to the old group
/// most of its members came from, when that share is large enough. A group whose members say
/// nothing (all new, or all deleted) keeps the links its own text gave it.
enum GroupsFollowMembers {
    /// Share of a group's members that its best counterpart must account for.
    static let shareFloor = 0.2

    static func relink(_ old: Report, _ new: Report, memberTier tier: SectionAligner.Tier, into state: inout LinkState) {
        guard let oldGroups = groups(of: tier.old, in: old), let newGroups = groups(of: tier.new, in: new),
            old.sections[oldGroups.first!].style.name == new.sections[newGroups.first!].style.name
        else { return }
        let oldSlot = Dictionary(uniqueKeysWithValues: oldGroups.enumerated().map { ($1, $0) })
        let newSlot = Dictionary(uniqueKeysWithValues: newGroups.enumerated().map { ($1, $0) })
        let members = Set(tier.new)

        // Each member spreads one vote over the groups its counterparts stand in. Sparse: a
        // generated report may have a numbered-through tier under tens of thousands of parents.
        var fromOld: [Int64: Double] = [:]
        var fromNew: [Int64: Double] = [:]
        var oldSizes = Array(repeating: 0.0, count: oldGroups.count)
        var newSizes = Array(repeating: 0.0, count: newGroups.count)
        for member in tier.old {
            let group = oldSlot[old.sections[member].parent!]!
            oldSizes[group] += 1
            let targets = state.oldLinks[member].map(\.new).filter(members.contains)
            for target in targets { fromOld[key(group, newSlot[new.sections[target].parent!]!), default: 0] += 1 / Double(targets.count) }
        }
        let oldMembers = Set(tier.old)
        for member in tier.new {
            let group = newSlot[new.sections[member].parent!]!
            newSizes[group] += 1
            let sources = state.newLinks[member].filter(oldMembers.contains)
            for source in sources { fromNew[key(oldSlot[old.sections[source].parent!]!, group), default: 0] += 1 / Double(sources.count) }
        }

        // Best counterpart of each group on either side; ties go to the first group.
        var bestTarget: [Int: (group: Int, votes: Double)] = [:]
        var bestSource: [Int: (group: Int, votes: Double)] = [:]
        for (pair, votes) in fromOld {
            let (o, n) = split(pair)
            if let current = bestTarget[o], current.votes > votes || (current.votes == votes && current.group < n) { continue }
            bestTarget[o] = (n, votes)
        }
        for (pair, votes) in fromNew {
            let (o, n) = split(pair)
            if let current = bestSource[n], current.votes > votes || (current.votes == votes && current.group < o) { continue }
            bestSource[n] = (o, votes)
        }
        var chosen = Set<Int64>()
        for (o, best) in bestTarget where best.votes >= shareFloor * oldSizes[o] { chosen.insert(key(o, best.group)) }
        for (n, best) in bestSource where best.votes >= shareFloor * newSizes[n] { chosen.insert(key(best.group, n)) }
        let decidedOld = Set(chosen.map { split($0).0 })
        let decidedNew = Set(chosen.map { split($0).1 })
        for (o, oldGroup) in oldGroups.enumerated() {
            for link in state.oldLinks[oldGroup] {
                guard let n = newSlot[link.new], decidedOld.contains(o) || decidedNew.contains(n) else { continue }
                if !chosen.contains(key(o, n)) { state.remove(oldGroup, link.new) }
            }
        }
        for pair in chosen.sorted() {
            let (o, n) = split(pair)
            guard !state.isLinked(oldGroups[o], newGroups[n]) else { continue }
            let share = ((fromOld[pair] ?? 0) / max(1, oldSizes[o]) * (fromNew[pair] ?? 0) / max(1, newSizes[n])).squareRoot()
            state.add(oldGroups[o], newGroups[n], similarity: share)
        }
    }

    private static func key(_ o: Int, _ n: Int) -> Int64 { Int64(o) << 32 | Int64(n) }
    private static func split(_ key: Int64) -> (Int, Int) { (Int(key >> 32), Int(key & 0xFFFF_FFFF)) }

    /// The parents of a tier's members, in document order, when every member has one and all
    /// of them are of one numbering style (articles directly under chapters, not some under 节).
    private static func groups(of members: [Int], in report: Report) -> [Int]? {
        var parents: [Int] = []
        var seen = Set<Int>()
        for member in members {
            guard let parent = report.sections[member].parent else { return nil }
            if seen.insert(parent).inserted { parents.append(parent) }
        }
        guard let first = parents.first else { return nil }
        let style = report.sections[first].style.name
        guard parents.allSatisfy({ report.sections[$0].style.name == style }) else { return nil }
        return parents.sorted()
    }
}
