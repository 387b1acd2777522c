/// Second thoughts on the links of one tier, from what the first pass cannot see: which part of
/// a text each link accounts for, and where the other links put a section's neighbours.
///
/// A revision keeps most sections in order; a section it splits becomes neighbouring pieces,
/// and each piece takes a different part of the old text. So a second new section that only
/// repeats what a better one already took from the same source is a copy of a template, not a
/// piece; a weakly similar section standing between two pieces of one source is a piece; and
/// an unpaired run of old sections between two pairs is matched, in order, against the unpaired
/// new sections between their counterparts.
struct TierRefinement {
    /// Sorted trigram hashes of each member, by position in the tier.
    let oldGrams: [[UInt32]]
    let newGrams: [[UInt32]]
    /// Rarity-weighted size of each member's trigram set.
    let oldTotals: [Double]
    let newTotals: [Double]
    let weightOf: (UInt32) -> Double
    /// Whether old position i and new position j keep their marker under paired parents.
    let samePlace: (Int, Int) -> Bool
    /// How much the parents of old position i and new position j support the pair (1 when
    /// aligned with each other, as in the first pass).
    var context: (Int, Int) -> Double = { _, _ in 1 }
    /// Each member's place in the whole tier, unchanged sections included.
    let oldPlaces: [Int]
    let newPlaces: [Int]
    /// (old position, new position, weighted common trigrams).
    private var found: [(Int, Int, Double)] = []
    private var removed = Set<Int64>()
    private var targets: [[Int]]
    private var sources: [[Int]]

    /// Share of what a further piece takes from its source that no better piece took already,
    /// below which it is a copy.
    static let novelShare = 0.3
    /// Share of a new section's text that must come from the source of its neighbours.
    static let runThreshold = 0.08
    /// Share of what such a section takes from the source that its pieces have not taken.
    static let runNovelShare = 0.5
    /// Share of the smaller text two sections between the same pairs must have in common.
    static let gapThreshold = 0.1
    /// Gaps with more candidate pairs than this are left as they are (bounded time).
    static let gapCellLimit = 4096
    static let gapWindowLimit = 512
    /// A piece is compared only with better pieces at most this many times its size.
    static let comparableSize = 3.0
    /// Sections with more pieces than this are not checked for copies (bounded time).
    static let pieceLimit = 32
    /// Members at most this many places apart in a tier stand together.
    static let neighbourhood = 2
    /// Share of a piece's own text its source must account for before a repeat of what a
    /// neighbouring piece took counts as the same rule written out again.
    static let repeatedShare = 0.4

    init(
        oldGrams: [[UInt32]], newGrams: [[UInt32]], oldTotals: [Double], newTotals: [Double],
        weightOf: @escaping (UInt32) -> Double, samePlace: @escaping (Int, Int) -> Bool,
        oldPlaces: [Int], newPlaces: [Int], links: [(Int, Int, Double)]
    ) {
        self.oldGrams = oldGrams
        self.newGrams = newGrams
        self.oldTotals = oldTotals
        self.newTotals = newTotals
        self.weightOf = weightOf
        self.samePlace = samePlace
        self.oldPlaces = oldPlaces
        self.newPlaces = newPlaces
        targets = Array(repeating: [], count: oldGrams.count)
        sources = Array(repeating: [], count: newGrams.count)
        for (i, j, common) in links { add(i, j, common) }
    }

    var links: [(Int, Int, Double)] { found.filter { !removed.contains(Self.key($0.0, $0.1)) } }

    private static func key(_ i: Int, _ j: Int) -> Int64 { Int64(i) << 32 | Int64(j) }

    private mutating func add(_ i: Int, _ j: Int, _ common: Double) {
        guard !targets[i].contains(j) else { return }
        if removed.remove(Self.key(i, j)) == nil { found.append((i, j, common)) }
        targets[i].append(j)
        sources[j].append(i)
    }

    mutating func remove(_ i: Int, _ j: Int) {
        removed.insert(Self.key(i, j))
        targets[i].removeAll { $0 == j }
        sources[j].removeAll { $0 == i }
    }

    /// Drops a split piece (or merge source) whose share of the text is already accounted for
    /// by a better one of the same source (target) that is not much larger: a large section
    /// shares every stock phrase, so only a comparable one can show that a piece is a copy.
    mutating func dropCopies() {
        for i in targets.indices where (2...Self.pieceLimit).contains(targets[i].count) {
            let pieces = targets[i].map { (position: $0, grams: newGrams[$0], total: newTotals[$0], placed: samePlace(i, $0)) }
            for j in copies(of: oldGrams[i], among: pieces, places: newPlaces) { remove(i, j) }
        }
        for j in sources.indices where (2...Self.pieceLimit).contains(sources[j].count) {
            let pieces = sources[j].map { (position: $0, grams: oldGrams[$0], total: oldTotals[$0], placed: samePlace($0, j)) }
            for i in copies(of: newGrams[j], among: pieces, places: oldPlaces) { remove(i, j) }
        }
    }

    /// The pieces that are copies; one that kept its marker and place never is (markers that
    /// still agree decide between near-equal texts).
    private func copies(
        of grams: [UInt32], among pieces: [(position: Int, grams: [UInt32], total: Double, placed: Bool)], places: [Int]
    ) -> [Int] {
        let ranked = pieces
            .map { (position: $0.position, total: $0.total, placed: $0.placed, shared: grams.sortedIntersection($0.grams)) }
            .map { (position: $0.position, total: $0.total, placed: $0.placed, shared: $0.shared, weight: weight($0.shared)) }
            .sorted { left, right in
                if left.placed != right.placed { return left.placed }
                return left.weight != right.weight ? left.weight > right.weight : left.position < right.position
            }
        var kept = [ranked[0]]
        var dropped: [Int] = []
        for piece in ranked.dropFirst() {
            // Pieces standing together may well repeat a part of their source (one rule written
            // out for two authorities); a repeat far away is a template reused. So is a repeat
            // near by that makes up less than `repeatedShare` of its own text: new articles on the
            // source's opening formula (经…批准，可以…) around new content.
            let largelySource = piece.total > 0 && piece.weight >= Self.repeatedShare * piece.total
            guard !piece.placed,
                !(largelySource && kept.contains(where: { abs(places[$0.position] - places[piece.position]) <= Self.neighbourhood }))
            else {
                kept.append(piece)
                continue
            }
            let comparable = kept.filter { $0.total <= Self.comparableSize * piece.total }
            if !comparable.isEmpty, novelShare(of: piece.shared, weight: piece.weight, beside: comparable.map(\.shared)) < Self.novelShare {
                dropped.append(piece.position)
            } else {
                kept.append(piece)
            }
        }
        return dropped
    }

    /// The weighted share of `shared` that none of `others` contains.
    private func novelShare(of shared: [UInt32], weight sharedWeight: Double, beside others: [[UInt32]]) -> Double {
        guard sharedWeight > 0 else { return 0 }
        var novel = shared
        for other in others { novel = Self.difference(novel, other) }
        return weight(novel) / sharedWeight
    }

    /// Links an unpaired section to a counterpart of its nearest paired neighbour on either
    /// side, even when they share little, if it takes a part of that counterpart the other
    /// pieces have not: the pieces of a split stand together. Of two such counterparts the one
    /// more like it overall wins (a long neighbour shares something with everything).
    mutating func extendRuns() {
        var newView = sources
        for (i, j, common) in extend(&newView, isNewSide: true) { add(i, j, common) }
        var oldView = targets
        for (j, i, common) in extend(&oldView, isNewSide: false) { add(i, j, common) }
    }

    /// One side's pass of `extendRuns`: `links[k]` are the counterparts of member k, updated as
    /// pieces are found so that a run grows one piece at a time. Returns (counterpart, member,
    /// common weight).
    private func extend(_ links: inout [[Int]], isNewSide: Bool) -> [(Int, Int, Double)] {
        let memberGrams = isNewSide ? newGrams : oldGrams
        let memberTotals = isNewSide ? newTotals : oldTotals
        let otherGrams = isNewSide ? oldGrams : newGrams
        let otherTotals = isNewSide ? oldTotals : newTotals
        let otherLinks = isNewSide ? targets : sources
        var nextLinked = Array(repeating: -1, count: links.count)
        var following = -1
        for k in links.indices.reversed() {
            nextLinked[k] = following
            if !links[k].isEmpty { following = k }
        }
        var previous = -1
        var found: [(Int, Int, Double)] = []
        var addedPieces: [Int: [Int]] = [:]
        for k in links.indices {
            defer { if !links[k].isEmpty { previous = k } }
            guard links[k].isEmpty, memberTotals[k] > 0 else { continue }
            let candidates = Set([previous, nextLinked[k]].filter { $0 >= 0 }.flatMap { links[$0] })
            var best: (other: Int, likeness: Double, common: Double)?
            // Pieces of a split stand together, under the parent their source's parent became.
            for other in candidates.sorted() where otherLinks[other].count < Self.pieceLimit
                && (isNewSide ? context(other, k) : context(k, other)) >= 1 {
                let common = weight(otherGrams[other].sortedIntersection(memberGrams[k]))
                guard common / memberTotals[k] >= Self.runThreshold else { continue }
                let likeness = common / (otherTotals[other] + memberTotals[k] - common)
                if likeness > (best?.likeness ?? 0) { best = (other, likeness, common) }
            }
            guard let best else { continue }
            let siblings = otherLinks[best.other] + (addedPieces[best.other] ?? [])
            guard bringsSomethingNew(k, from: best.other, beside: siblings, isNewSide: isNewSide) else { continue }
            links[k].append(best.other)
            addedPieces[best.other, default: []].append(k)
            found.append((best.other, k, best.common))
        }
        return found
    }

    /// Whether member k (of the new side, or the old) would take a part of `other` that the
    /// pieces `siblings` have not taken already.
    private func bringsSomethingNew(_ k: Int, from other: Int, beside siblings: [Int], isNewSide: Bool) -> Bool {
        guard siblings.count <= Self.pieceLimit else { return false }
        let source = isNewSide ? oldGrams[other] : newGrams[other]
        let piece = { (position: Int) in isNewSide ? newGrams[position] : oldGrams[position] }
        let shared = source.sortedIntersection(piece(k))
        let others = siblings.map { source.sortedIntersection(piece($0)) }
        return novelShare(of: shared, weight: weight(shared), beside: others) >= Self.runNovelShare
    }

    /// Each run of unpaired old sections between two paired ones is aligned, order kept, with
    /// the unpaired new sections between the counterparts of those two.
    mutating func fillGaps() {
        var start = 0
        while start < targets.count {
            guard targets[start].isEmpty else {
                start += 1
                continue
            }
            var end = start
            while end < targets.count && targets[end].isEmpty { end += 1 }
            let low = start > 0 ? targets[start - 1].max()! : -1
            let high = end < targets.count ? targets[end].min()! : sources.count
            if low + 1 < high, high - low - 1 <= Self.gapWindowLimit {
                let candidates = (low + 1..<high).filter { sources[$0].isEmpty }
                alignGap(Array(start..<end), candidates)
            }
            start = end
        }
    }

    private mutating func alignGap(_ olds: [Int], _ news: [Int]) {
        guard !olds.isEmpty, !news.isEmpty, olds.count * news.count <= Self.gapCellLimit else { return }
        var score = Array(repeating: Array(repeating: 0.0, count: news.count), count: olds.count)
        var common = score
        for (a, i) in olds.enumerated() {
            for (b, j) in news.enumerated() {
                let shared = weight(oldGrams[i].sortedIntersection(newGrams[j]))
                let smaller = min(oldTotals[i], newTotals[j])
                let share = smaller > 0 ? shared / smaller : 0
                common[a][b] = shared
                score[a][b] = share >= Self.gapThreshold ? share : 0
            }
        }
        // Heaviest order-keeping matching: best[a][b] over the first a olds and b news.
        var best = Array(repeating: Array(repeating: 0.0, count: news.count + 1), count: olds.count + 1)
        for a in 1...olds.count {
            for b in 1...news.count {
                let pair = score[a - 1][b - 1] > 0 ? best[a - 1][b - 1] + score[a - 1][b - 1] : 0
                best[a][b] = max(best[a - 1][b], best[a][b - 1], pair)
            }
        }
        var a = olds.count
        var b = news.count
        while a > 0 && b > 0 {
            if best[a][b] == best[a - 1][b] {
                a -= 1
            } else if best[a][b] == best[a][b - 1] {
                b -= 1
            } else {
                add(olds[a - 1], news[b - 1], common[a - 1][b - 1])
                a -= 1
                b -= 1
            }
        }
    }

    private func weight(_ grams: [UInt32]) -> Double { grams.reduce(0) { $0 + weightOf($1) } }

    static func difference(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        var j = 0
        for value in a {
            while j < b.count && b[j] < value { j += 1 }
            if j >= b.count || b[j] != value { result.append(value) }
        }
        return result
    }

    static func union(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        GramProfile.unique((a + b).sorted())
    }
}
