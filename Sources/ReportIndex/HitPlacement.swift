import ReportKit

/// How a matching piece turns its counted hits into placed ones (`LibraryHit`: line and
/// snippet): already placed when the file was scanned, or from the index's stored folding,
/// mapped back to the piece's text only for the hits asked for.
final class HitPlacement: Sendable {
    enum Source: Sendable {
        case placed([LibraryHit])
        /// Hits in the stored folded bytes; `map` leads them back to `text`.
        case folded(text: String, firstLine: Int, hits: FoldedPieceHits, map: PieceFoldMap, query: SearchQuery)
        /// Text ranges already known (the piece was folded again: its stored folding could not be used).
        case ranges(text: String, firstLine: Int, ranges: [Range<Int>])
    }

    let source: Source

    init(_ source: Source) {
        self.source = source
    }

    var count: Int {
        switch source {
        case .placed(let hits): hits.count
        case .folded(_, _, let hits, _, _): hits.count
        case .ranges(_, _, let ranges): ranges.count
        }
    }

    func hits(limit: Int) -> [LibraryHit] {
        switch source {
        case .placed(let hits):
            return limit >= hits.count ? hits : Array(hits.prefix(limit))
        case .folded(let text, let firstLine, let hits, let map, let query):
            let textCount = text.utf8.count
            if let ranges = hits.originalRanges(map: map, textCount: textCount, limit: limit) {
                return Self.place(ranges, text: text, firstLine: firstLine)
            }
            // The map read back but leads outside the text: fold the text, as a scan would.
            var searcher = PieceSearcher(query: query)
            return Self.place(Array(searcher.hits(in: text).prefix(limit)), text: text, firstLine: firstLine)
        case .ranges(let text, let firstLine, let ranges):
            return Self.place(Array(ranges.prefix(limit)), text: text, firstLine: firstLine)
        }
    }

    private static func place(_ ranges: [Range<Int>], text: String, firstLine: Int) -> [LibraryHit] {
        let piece = PieceText(text: text, firstLine: firstLine)
        let lines = piece.lines(at: ranges.map(\.lowerBound))
        return ranges.indices.map { LibraryHit(line: lines[$0], range: ranges[$0], in: piece.source) }
    }
}
