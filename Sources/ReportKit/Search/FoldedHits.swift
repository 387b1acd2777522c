/// Hits in folded coordinates, in document order, with their sections (-1 = front matter).
struct FoldedHits: Sendable {
    var starts: [Int] = []
    var ends: [Int] = []
    var sections: [Int32] = []

    init() {}

    init(starts: [Int], length: Int, sections: [Int32]) {
        self.starts = starts
        self.ends = starts.map { $0 + length }
        self.sections = sections
    }

    init(starts: [Int], ends: [Int], sections: [Int32]) {
        self.starts = starts
        self.ends = ends
        self.sections = sections
    }

    /// The hits whose section passes `keep`.
    func filtered(_ keep: (Int32) -> Bool) -> FoldedHits {
        var result = FoldedHits()
        for position in starts.indices where keep(sections[position]) {
            result.starts.append(starts[position])
            result.ends.append(ends[position])
            result.sections.append(sections[position])
        }
        return result
    }

    /// Merges two lists into document order (by start, then end). Hits of different terms may
    /// overlap; all are kept.
    func merged(with other: FoldedHits) -> FoldedHits {
        var result = FoldedHits()
        let total = starts.count + other.starts.count
        result.starts.reserveCapacity(total)
        result.ends.reserveCapacity(total)
        result.sections.reserveCapacity(total)
        var left = 0
        var right = 0
        while left < starts.count || right < other.starts.count {
            let takeLeft = right == other.starts.count
                || (left < starts.count && (starts[left], ends[left]) <= (other.starts[right], other.ends[right]))
            if takeLeft {
                result.starts.append(starts[left])
                result.ends.append(ends[left])
                result.sections.append(sections[left])
                left += 1
            } else {
                result.starts.append(other.starts[right])
                result.ends.append(other.ends[right])
                result.sections.append(other.sections[right])
                right += 1
            }
        }
        return result
    }
}

/// One term's scan of the folded text, kept with the results so that the next query, typed by
/// adding characters to this one, can narrow these matches down instead of scanning again.
struct TermScan: Sendable {
    let needle: [UInt8]
    /// The folded range scanned.
    let range: Range<Int>
    /// Leftmost non-overlapping matches, ascending.
    let starts: [Int]
    /// The needle cannot overlap itself, so `starts` holds every match, and every match of a
    /// longer needle that begins with this one is among them.
    let holdsEveryMatch: Bool
    /// Where the needle, read as pinyin, matches (overlapping, every start), once looked for.
    /// A longer pinyin needle that begins with this one matches only among these.
    var pinyinStarts: [Int]? = nil
}
