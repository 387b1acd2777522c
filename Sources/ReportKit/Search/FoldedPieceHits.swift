/// A piece's hits found in its stored folded bytes: counted at once, mapped back to the text
/// only when they are placed. A common bigram hits hundreds of thousands of times across a
/// library, and a result list needs the counts of all of them but the places of one screen.
public struct FoldedPieceHits: Sendable {
    /// Folded byte ranges, in document order (by start, then end).
    let starts: [Int]
    let ends: [Int]

    public var count: Int { starts.count }

    /// The text ranges of the first `limit` hits; nil when `map` leads outside a text of
    /// `textCount` bytes (a damaged index: the caller folds the text itself).
    public func originalRanges(map: PieceFoldMap, textCount: Int, limit: Int = .max) -> [Range<Int>]? {
        let count = min(limit, starts.count)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(count)
        for index in 0..<count {
            let range = map.map.originalRange(of: starts[index]..<ends[index])
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
        guard !needles.isEmpty, let merged = foldedMatches(in: folded) else { return nil }
        return FoldedPieceHits(starts: merged.starts, ends: merged.ends)
    }
}

extension FoldedPieceHits {
    /// The last hit's text range; nil when there is none or it lies outside the text.
    public func lastOriginalRange(map: PieceFoldMap, textCount: Int) -> Range<Int>? {
        guard let start = starts.last, let end = ends.last else { return nil }
        let range = map.map.originalRange(of: start..<end)
        return range.lowerBound >= 0 && range.upperBound <= textCount ? range : nil
    }
}
