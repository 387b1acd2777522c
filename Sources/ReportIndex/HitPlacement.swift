import ReportKit

/// How a matching piece turns its counted hits into placed ones (`LibraryHit`: line and
/// snippet): already placed when the file was scanned, or from the index's stored folding,
/// mapped back to the piece's text only for the hits asked for.
final class HitPlacement: Sendable {
    enum Source: Sendable {
        case placed([LibraryHit])
        /// Hits in the stored folded bytes; `map` (a serialized `FoldMap`) leads them back to
        /// `text` (UTF-8). Both are kept as the bytes SQLite gave: validating the text and reading
        /// the map wait until a hit of the piece is placed.
        case folded(text: [UInt8], firstLine: Int, hits: FoldedPieceHits, map: [UInt8], query: SearchQuery)
    }

    let source: Source

    init(_ source: Source) {
        self.source = source
    }

    var count: Int {
        switch source {
        case .placed(let hits): hits.count
        case .folded(_, _, let hits, _, _): hits.count
        }
    }

    func hits(limit: Int) -> [LibraryHit] {
        switch source {
        case .placed(let hits):
            return limit >= hits.count ? hits : Array(hits.prefix(limit))
        case .folded(let bytes, let firstLine, let hits, let mapBytes, let query):
            let text = String(decoding: bytes, as: UTF8.self)
            let map = mapBytes.withUnsafeBufferPointer { PieceFoldMap(serialized: $0) }
            if let map, let ranges = hits.originalRanges(map: map, textCount: text.utf8.count, limit: limit) {
                return Self.place(ranges, text: text, firstLine: firstLine)
            }
            // A map that cannot be read or leads outside the text (a damaged index): fold the
            // text, as a scan would. The count stands: it came from the folded bytes.
            var searcher = PieceSearcher(query: query)
            return Self.place(Array(searcher.hits(in: text).prefix(limit)), text: text, firstLine: firstLine)
        }
    }

    private static func place(_ ranges: [Range<Int>], text: String, firstLine: Int) -> [LibraryHit] {
        let piece = PieceText(text: text, firstLine: firstLine)
        let lines = piece.lines(at: ranges.map(\.lowerBound))
        return ranges.indices.map { LibraryHit(line: lines[$0], range: ranges[$0], in: piece.source) }
    }
}
