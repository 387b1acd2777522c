/// Aligns the sections of two versions of a report, tier by tier (all chapters, then all
/// articles, then their items …), so that renumbered, moved, inserted, deleted, split and merged
/// sections are followed. Deterministic: the same two reports always give the same pairs.
public enum SectionAligner {
    /// Weight of a pair whose parents were aligned to other sections: moving between parents
    /// happens (a task list reordered under a renamed part) but is less likely than staying.
    static let foreignParentFactor = 0.5

    public static func align(_ old: Report, _ new: Report) -> SectionAlignment {
        let oldSide = Side(old)
        let newSide = Side(new)
        var state = links(oldSide, newSide)
        // An article whose only change is a renumbered citation reads as changed, and can read
        // as another article (see `CitationRenumbering`); that needs the first pass's links.
        let settled = CitationRenumbering.identicalOnceRenumbered(oldSide, newSide, links: state)
        if !settled.isEmpty { state = links(oldSide, newSide, settled: settled) }
        return AlignmentAssembly.assemble(state, oldSide, newSide)
    }

    /// Every pass, tier by tier, on the two versions as given, after the `settled` pairs.
    static func links(_ oldSide: Side, _ newSide: Side, settled: [(old: Int, new: Int)] = []) -> LinkState {
        let old = oldSide.report
        let new = newSide.report
        let rate = GramProfile.samplingRate(totalFoldedBytes: max(oldSide.folded.bytes.count, newSide.folded.bytes.count))
        var oldGrams = GramProfile(old, folded: oldSide.folded, keepOneIn: rate)
        var newGrams = GramProfile(new, folded: newSide.folded, keepOneIn: rate)

        var state = LinkState(oldCount: old.sections.count, newCount: new.sections.count)
        for pair in settled { state.add(pair.old, pair.new, similarity: 1) }
        linkIdentical(oldSide, newSide, into: &state)

        let clauses = ClauseLinker(old: old, oldFolded: oldSide.folded, new: new, newFolded: newSide.folded, keepOneIn: rate)
        let allTiers = tiers(old, new)
        for tier in allTiers {
            // Places in the whole tier, unchanged sections included, tell which members stand together.
            let oldPlaces = tier.old.indices.filter { state.oldLinks[tier.old[$0]].isEmpty }
            let newPlaces = tier.new.indices.filter { state.newLinks[tier.new[$0]].isEmpty }
            let oldMembers = oldPlaces.map { tier.old[$0] }
            let newMembers = newPlaces.map { tier.new[$0] }
            let oldSets = oldMembers.map { oldGrams.subtree($0) }
            let newSets = newMembers.map { newGrams.subtree($0) }
            var matcher = TierMatcher(
                oldMembers: oldMembers, newMembers: newMembers,
                oldGrams: oldSets,
                newGrams: newSets,
                oldOwnGrams: oldMembers.map { old.sections[$0].children.isEmpty ? nil : oldGrams.own($0) },
                context: { o, n in
                    guard let oldParent = old.sections[o].parent, let newParent = new.sections[n].parent,
                        state.oldDone[oldParent], state.newDone[newParent]
                    else { return 1 }
                    return state.isLinked(oldParent, newParent) ? 1 : foreignParentFactor
                },
                samePlace: { o, n in
                    guard old.sections[o].markerText == new.sections[n].markerText else { return false }
                    switch (old.sections[o].parent, new.sections[n].parent) {
                    case (nil, nil): return true
                    case (let oldParent?, let newParent?): return state.isLinked(oldParent, newParent)
                    default: return false
                    }
                },
                oldPlaces: oldPlaces, newPlaces: newPlaces)
            matcher.keepsOrder = TierOrder.isNumberedThroughout(old: tier.old, in: old, new: tier.new, in: new)
            if matcher.keepsOrder { matcher.fixedPlaces = fixedPlaces(tier, state) }
            for link in matcher.links() { state.add(link.old, link.new, similarity: link.similarity) }
            linkInPlace(old, oldMembers, oldSets, new, newMembers, newSets, into: &state)
            for index in tier.old { state.oldDone[index] = true }
            for index in tier.new { state.newDone[index] = true }
        }
        linkByHeading(old, new, into: &state)
        for tier in allTiers { clauses.link(oldTier: tier.old, newTier: tier.new, into: &state) }
        for tier in allTiers { clauses.anchor(oldTier: tier.old, newTier: tier.new, into: &state) }
        CrossLevelHeadings.link(old, new, into: &state)
        for tier in allTiers where TierOrder.isNumberedThroughout(old: tier.old, in: old, new: tier.new, in: new) {
            GroupsFollowMembers.relink(old, new, memberTier: tier, into: &state)
        }
        return state
    }

    /// (old place, new place) in the tier of the pairs made before its first pass.
    private static func fixedPlaces(_ tier: Tier, _ state: LinkState) -> [(old: Int, new: Int)] {
        guard tier.old.contains(where: { !state.oldLinks[$0].isEmpty }) else { return [] }
        let newPlace = Dictionary(uniqueKeysWithValues: tier.new.enumerated().map { ($1, $0) })
        return tier.old.enumerated().flatMap { place, index in
            state.oldLinks[index].compactMap { link in newPlace[link.new].map { (old: place, new: $0) } }
        }
    }

    /// Sections whose folded text, descendants included, is the same under the same markers pair up first, when neither
    /// version has a second section like them: the common case of an unchanged section costs
    /// one hash.
    private static func linkIdentical(_ old: Side, _ new: Side, into state: inout LinkState) {
        var oldByKey: [Int: Int] = [:]
        var duplicate = Set<Int>()
        for index in old.report.sections.indices {
            let key = old.identityKey(index)
            if oldByKey.updateValue(index, forKey: key) != nil { duplicate.insert(key) }
        }
        var seenInNew = Set<Int>()
        let newKeys = new.report.sections.indices.map(new.identityKey)
        for key in newKeys where !seenInNew.insert(key).inserted { duplicate.insert(key) }
        for index in new.report.sections.indices {
            let key = newKeys[index]
            guard !duplicate.contains(key), let match = oldByKey[key],
                state.oldLinks[match].isEmpty, state.newLinks[index].isEmpty,
                old.samePath(match, as: index, in: new),
                old.folded.subtree(match, of: old.report, equals: index, of: new.report, in: new.folded)
            else { continue }
            state.add(match, index, similarity: 1)
        }
    }

    /// Dice coefficient of heading bigrams above which a section of a style the other version
    /// lacks is taken for a continuation (a chapter 行政复议范围 demoted to 第一节 行政复议范围).
    static let headingThreshold = 0.8
    /// Comparing every heading with every other is quadratic; beyond this many comparisons the
    /// pass is skipped.
    static let headingComparisonLimit = 4_000_000

    /// Sections of a numbering style only one version has (节 added to a law) cannot be
    /// compared tier against tier; they are linked to the section of the other version whose
    /// heading they share, if one clearly does.
    private static func linkByHeading(_ old: Report, _ new: Report, into state: inout LinkState) {
        let oldStyles = Set(old.sections.map(\.style.name))
        let newStyles = Set(new.sections.map(\.style.name))
        let newOnly = new.sections.filter { !oldStyles.contains($0.style.name) && state.newLinks[$0.index].isEmpty }
        let oldOnly = old.sections.filter { !newStyles.contains($0.style.name) && state.oldLinks[$0.index].isEmpty }
        guard !newOnly.isEmpty || !oldOnly.isEmpty,
            newOnly.count * old.sections.count + oldOnly.count * new.sections.count <= headingComparisonLimit
        else { return }
        let oldHeadings = old.sections.map { HeadingBigrams.of($0.headingText) }
        let newHeadings = new.sections.map { HeadingBigrams.of($0.headingText) }
        for section in newOnly {
            if let match = bestHeading(newHeadings[section.index], among: oldHeadings) {
                state.add(match.index, section.index, similarity: match.score)
            }
        }
        for section in oldOnly {
            if let match = bestHeading(oldHeadings[section.index], among: newHeadings) {
                state.add(section.index, match.index, similarity: match.score)
            }
        }
    }

    /// The one heading most like `heading`, if it is above the threshold and not tied.
    private static func bestHeading(_ heading: Set<String>, among others: [Set<String>]) -> (index: Int, score: Double)? {
        var best: (index: Int, score: Double)?
        var tied = false
        for (index, other) in others.enumerated() {
            let score = HeadingBigrams.dice(heading, other)
            guard score >= headingThreshold else { continue }
            if let current = best, score <= current.score {
                if score == current.score { tied = true }
                continue
            }
            best = (index, score)
            tied = false
        }
        return tied ? nil : best
    }

    private struct Place: Hashable {
        let parent: Int
        let marker: Substring
    }

    /// Sections still unpaired that keep their marker under paired parents pair up if their
    /// texts overlap at all: the candidate search skips trigrams that are common in a large
    /// tier, and a long report written from stock phrases can have little else.
    private static func linkInPlace(
        _ old: Report, _ oldMembers: [Int], _ oldSets: [[UInt32]],
        _ new: Report, _ newMembers: [Int], _ newSets: [[UInt32]], into state: inout LinkState
    ) {
        var waiting: [Place: Int] = [:]
        for (position, index) in oldMembers.enumerated() where state.oldLinks[index].isEmpty {
            waiting[Place(parent: old.sections[index].parent ?? -1, marker: old.sections[index].markerText)] = position
        }
        guard !waiting.isEmpty else { return }
        for (position, index) in newMembers.enumerated() where state.newLinks[index].isEmpty {
            let section = new.sections[index]
            let parents = section.parent.map { state.newLinks[$0] } ?? [-1]
            for parent in parents {
                guard let oldPosition = waiting[Place(parent: parent, marker: section.markerText)],
                    state.oldLinks[oldMembers[oldPosition]].isEmpty
                else { continue }
                let overlap = jaccard(oldSets[oldPosition], newSets[position])
                guard overlap >= TierMatcher.positionalThreshold else { continue }
                state.add(oldMembers[oldPosition], index, similarity: overlap)
                break
            }
        }
    }

    /// |A∩B| / |A∪B| of two sorted sets.
    static func jaccard(_ a: [UInt32], _ b: [UInt32]) -> Double {
        var i = 0
        var j = 0
        var common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                common += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        let union = a.count + b.count - common
        return union == 0 ? 0 : Double(common) / Double(union)
    }

    struct Tier {
        var old: [Int] = []
        var new: [Int] = []
        var depthSum = 0
    }

    /// Sections grouped by numbering style, shallowest tier first so parents are aligned before
    /// their children are compared. Styles found in one version only have nothing to pair with.
    static func tiers(_ old: Report, _ new: Report) -> [Tier] {
        var byStyle: [String: Tier] = [:]
        for section in old.sections {
            byStyle[section.style.name, default: Tier()].old.append(section.index)
            byStyle[section.style.name, default: Tier()].depthSum += section.depth
        }
        for section in new.sections {
            byStyle[section.style.name, default: Tier()].new.append(section.index)
            byStyle[section.style.name, default: Tier()].depthSum += section.depth
        }
        return byStyle
            .filter { !$0.value.old.isEmpty && !$0.value.new.isEmpty }
            .sorted { left, right in
                let leftDepth = Double(left.value.depthSum) / Double(left.value.old.count + left.value.new.count)
                let rightDepth = Double(right.value.depthSum) / Double(right.value.old.count + right.value.new.count)
                return leftDepth != rightDepth ? leftDepth < rightDepth : left.key < right.key
            }
            .map(\.value)
    }

    /// One report with what the aligner derives from it.
    struct Side {
        let report: Report
        let folded: FoldedSections
        /// A hash of the markers from the root down to each section, built parent first.
        let pathHashes: [Int]

        init(_ report: Report) {
            self.report = report
            self.folded = FoldedSections(report)
            var hashes: [Int] = []
            hashes.reserveCapacity(report.sections.count)
            for section in report.sections {
                var hasher = Hasher()
                hasher.combine(section.parent.map { hashes[$0] } ?? 0)
                hasher.combine(section.markerText)
                hashes.append(hasher.finalize())
            }
            pathHashes = hashes
        }

        func identityKey(_ index: Int) -> Int {
            var hasher = Hasher()
            hasher.combine(pathHashes[index])
            hasher.combine(folded.contentHash(folded.subtreeRange(index, in: report)))
            return hasher.finalize()
        }

        /// Whether the two sections have the same markers all the way up to the root.
        func samePath(_ index: Int, as other: Int, in others: Side) -> Bool {
            guard pathHashes[index] == others.pathHashes[other] else { return false }
            var mine: Int? = index
            var theirs: Int? = other
            while let left = mine, let right = theirs {
                guard report.sections[left].markerText == others.report.sections[right].markerText else { return false }
                mine = report.sections[left].parent
                theirs = others.report.sections[right].parent
            }
            return mine == nil && theirs == nil
        }
    }
}

/// The links found so far, both ways.
struct LinkState {
    /// For each old section, the new sections it is linked to and the pair's similarity.
    var oldLinks: [[(new: Int, similarity: Double)]]
    var newLinks: [[Int]]
    var oldDone: [Bool]
    var newDone: [Bool]

    init(oldCount: Int, newCount: Int) {
        oldLinks = Array(repeating: [], count: oldCount)
        newLinks = Array(repeating: [], count: newCount)
        oldDone = Array(repeating: false, count: oldCount)
        newDone = Array(repeating: false, count: newCount)
    }

    mutating func add(_ old: Int, _ new: Int, similarity: Double) {
        guard !isLinked(old, new) else { return }
        oldLinks[old].append((new, similarity))
        newLinks[new].append(old)
        oldDone[old] = true
        newDone[new] = true
    }

    /// Undoes a link (`GroupsFollowMembers` decides a law's chapters again from its articles).
    mutating func remove(_ old: Int, _ new: Int) {
        oldLinks[old].removeAll { $0.new == new }
        newLinks[new].removeAll { $0 == old }
    }

    func isLinked(_ old: Int, _ new: Int) -> Bool {
        oldLinks[old].contains { $0.new == new }
    }

    func similarity(_ old: Int, _ new: Int) -> Double {
        oldLinks[old].first { $0.new == new }?.similarity ?? 0
    }
}
