/// One stretch of a report that search treats as a unit: the front matter or the own text of
/// one section. A report's pieces partition its text exactly where `SearchIndex` puts its
/// section separators, so searching the pieces one by one finds what the index finds.
public struct SearchPiece: Sendable, Hashable {
    /// nil for the front matter.
    public let section: Int?
    /// UTF-8 byte range in `Report.text`.
    public let range: Range<Int>
}

extension Report {
    /// The front matter, then every section, in order; empty pieces are kept so that the
    /// positions line up with `sections`.
    public var searchPieces: [SearchPiece] {
        // The same defensive clamping as `SearchIndex.init`: boundaries ascend and stay inside.
        let end = text.utf8.count
        var boundaries = sections.map { min($0.ownRange.lowerBound, end) }
        for index in boundaries.indices.dropFirst() where boundaries[index] < boundaries[index - 1] {
            boundaries[index] = boundaries[index - 1]
        }
        var pieces = [SearchPiece(section: nil, range: 0..<(boundaries.first ?? end))]
        pieces.reserveCapacity(sections.count + 1)
        for index in boundaries.indices {
            let upper = index + 1 < boundaries.count ? boundaries[index + 1] : end
            pieces.append(SearchPiece(section: index, range: boundaries[index]..<upper))
        }
        return pieces
    }
}

/// Folds pieces of text the way `SearchIndex` folds a section, keeping its cache of scalar
/// folds from one piece to the next (a fresh cache per piece would ask Foundation again for
/// every `，` of every piece).
public struct PieceFolder {
    var table: ScalarFoldTable

    /// - Parameter forLargeText: a flat cache for the whole BMP, for folding a library.
    public init(forLargeText: Bool = false) {
        table = ScalarFoldTable(forLargeText: forLargeText)
    }

    /// The folded UTF-8 bytes of a piece.
    public mutating func foldedBytes(_ text: String) -> [UInt8] {
        TextFolder.fold(text, table: &table).bytes
    }

    mutating func fold(_ text: String) -> FoldedText {
        TextFolder.fold(text, table: &table)
    }

    /// A piece's folded bytes with its offset map, for an index to store, so that a query
    /// searches the bytes and maps hits back without folding the piece again.
    public mutating func foldedPiece(_ text: String) -> FoldedPiece {
        let folded = fold(text)
        return FoldedPiece(bytes: folded.bytes, map: folded.map.serialized)
    }
}

/// A piece folded once, when it was indexed: the folded UTF-8 bytes and the serialized map from
/// them back to the piece's own text.
public struct FoldedPiece: Sendable {
    public let bytes: [UInt8]
    public let map: [UInt8]
}

/// Finds a keyword query's hits in one piece at a time, exactly as `SearchIndex.search` finds
/// them in that piece of a whole report: every distinct folded term is looked for, leftmost
/// and non-overlapping, and the piece has hits only when every term occurs in it.
public struct PieceSearcher {
    public let query: SearchQuery
    /// The distinct non-empty folded terms, in the query's order.
    public let needles: [[UInt8]]
    private var folder = PieceFolder()

    /// - Precondition: a keyword query (regular expressions are matched against a whole report).
    public init(query: SearchQuery) {
        precondition(!query.isRegex, "PieceSearcher matches keywords only")
        self.query = query
        var needles: [[UInt8]] = []
        for term in query.terms {
            let needle = TextFolder.foldedBytes(term)
            if !needle.isEmpty, !needles.contains(needle) { needles.append(needle) }
        }
        self.needles = needles
    }

    /// UTF-8 byte ranges of the hits in `text`, in document order (by start, then end); empty
    /// unless every term occurs.
    public mutating func hits(in text: String) -> [Range<Int>] {
        guard !needles.isEmpty else { return [] }
        let folded = folder.fold(text)
        guard let merged = folded.bytes.withUnsafeBufferPointer({ foldedMatches(in: $0) }) else { return [] }
        return merged.starts.indices.map { folded.map.originalRange(of: merged.starts[$0]..<merged.ends[$0]) }
    }

    /// The same as `hits(in:)` on a piece folded beforehand (`PieceFolder.foldedPiece`), without
    /// folding it: `folded` and `map` are what it gave for that text. nil when `map` cannot be
    /// read or leads outside a text of `textCount` bytes (a damaged index): the caller then
    /// folds the text itself.
    public func hits(
        inFolded folded: UnsafeBufferPointer<UInt8>, map: UnsafeBufferPointer<UInt8>, textCount: Int
    ) -> [Range<Int>]? {
        guard !needles.isEmpty else { return [] }
        guard let hits = foldedHits(inFolded: folded) else { return [] }
        guard let foldMap = PieceFoldMap(serialized: map) else { return nil }
        return hits.originalRanges(map: foldMap, textCount: textCount)
    }

    /// Every term's leftmost non-overlapping matches merged in document order; nil unless every
    /// term occurs.
    func foldedMatches(in folded: UnsafeBufferPointer<UInt8>) -> FoldedHits? {
        let whole = 0..<folded.count
        // One term, the usual query: its matches are the hits, nothing to merge.
        if needles.count == 1 {
            let length = needles[0].count
            let starts = ByteSearcher(needle: needles[0]).matches(in: folded, range: whole)
            return starts.isEmpty ? nil : FoldedHits(starts: starts, ends: starts.map { $0 + length }, sections: [])
        }
        var merged = FoldedHits()
        for needle in needles {
            let starts = ByteSearcher(needle: needle).matches(in: folded, range: whole)
            guard !starts.isEmpty else { return nil }
            let term = FoldedHits(starts: starts, length: needle.count, sections: [Int32](repeating: 0, count: starts.count))
            merged = merged.merged(with: term)
        }
        return merged
    }
}
