/// A piece's hits found in its stored folded bytes: counted at once, mapped back to the text
/// only when they are placed. A common bigram hits hundreds of thousands of times across a
/// library, and a result list needs the counts of all of them but the places of one screen.
public struct FoldedPieceHits: Sendable {
    /// Folded byte ranges, in document order (by start, then end).
    let starts: [Int]
    /// Empty when every hit is `length` bytes long, as a one-term query's are: one array less
    /// to allocate for every piece that hits.
    private let ends: [Int]
    private let length: Int

    init(starts: [Int], ends: [Int]) {
        self.starts = starts
        self.ends = ends
        length = 0
    }

    init(starts: [Int], length: Int) {
        self.starts = starts
        ends = []
        self.length = length
    }

    public var count: Int { starts.count }

    func end(_ index: Int) -> Int { ends.isEmpty ? starts[index] + length : ends[index] }

    /// The text ranges of the first `limit` hits; nil when `map` leads outside a text of
    /// `textCount` bytes (a damaged index: the caller folds the text itself).
    public func originalRanges(map: PieceFoldMap, textCount: Int, limit: Int = .max) -> [Range<Int>]? {
        let count = min(limit, starts.count)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(count)
        for index in 0..<count {
            let range = map.map.originalRange(of: starts[index]..<end(index))
            guard range.lowerBound >= 0, range.upperBound <= textCount else { return nil }
            ranges.append(range)
        }
        return ranges
    }
}

/// A piece's stored offset map (`FoldedPiece.map`) read back, for placing its hits.
public struct PieceFoldMap: Sendable {
    let map: FoldMap

    /// nil for bytes `FoldedPiece` could not have written.
    public init?(serialized: UnsafeBufferPointer<UInt8>) {
        guard let map = FoldMap(serialized: serialized) else { return nil }
        self.map = map
    }
}

extension PieceSearcher {
    /// The hits in a piece's stored folded bytes, without mapping them back; nil unless every
    /// term occurs. The count is final: mapping never adds or drops a hit.
    public func foldedHits(inFolded folded: UnsafeBufferPointer<UInt8>) -> FoldedPieceHits? {
        guard !needles.isEmpty else { return nil }
        if needles.count == 1 {
            let starts = ByteSearcher(needle: needles[0]).matches(in: folded, range: 0..<folded.count)
            return starts.isEmpty ? nil : FoldedPieceHits(starts: starts, length: needles[0].count)
        }
        guard let merged = foldedMatches(in: folded) else { return nil }
        return FoldedPieceHits(starts: merged.starts, ends: merged.ends)
    }
}

extension FoldedPieceHits {
    /// The last hit's text range; nil when there is none or it lies outside the text.
    public func lastOriginalRange(map: PieceFoldMap, textCount: Int) -> Range<Int>? {
        guard let start = starts.last else { return nil }
        let range = map.map.originalRange(of: start..<end(starts.count - 1))
        return range.lowerBound >= 0 && range.upperBound <= textCount ? range : nil
    }
}
