#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The parser's scan of a file's bytes with its sections kept lean (`LeanSectionStore`), and
/// the file's line starts.
struct LeanScan {
    let front: FrontMatter
    let store: LeanSectionStore
    let lines: LineTable
}

extension LineScan where Tree == LeanSectionStore {
    mutating func runLean() -> LeanScan {
        let (front, store, starts, _) = scan()
        return LeanScan(front: front, store: store, lines: LineTable(starts: starts, byteCount: bytes.count))
    }
}

/// One matching section of a report (or its front matter), as a search prints it: what
/// `UnindexedSearch.sections(in:candidates:)` and the rows made of its result give, made from a
/// file's bytes and a lean scan of them instead of a `Report`.
public struct LeanSectionHits: Sendable {
    public struct Hit: Sendable {
        public let line: Int
        public let snippet: SearchSnippet
    }

    /// nil for the front matter.
    public let section: Int?
    /// `Section.address`; empty for the front matter.
    public let address: String
    /// `OutlineExport.displayHeading` of the section; the report's title for the front matter.
    public let heading: String
    public let hits: [Hit]
}

/// A one-off search of a large file of clean UTF-8 answered without the whole-file `String`
/// (its validation and copy are a quarter of the work, and the lines are scanned anyway) and
/// without a `Section` per section: the hits need only their pieces' text, their lines, and
/// the sections that hold them. Everything else falls back to the usual path, which decodes
/// and parses (`BytesFirstParse`).
public enum LeanFileSearch {
    /// Whether a file is large enough to gain and small enough for the store's offsets. Smaller
    /// files take the usual path, which reads them differently (`MappedUTF8Reading.minimumSize`).
    public static func suits(_ file: MappedFile) -> Bool {
        (MappedUTF8Reading.minimumSize...LeanSectionStore.maximumByteCount).contains(file.bytes.count)
    }

    /// Whether the reader's text of this file is its bytes as they are, with no warnings: what
    /// `MappedUTF8Reading.decode` accepts (no byte order mark, NUL or CR, valid UTF-8), checked
    /// with the vector validation instead of building the `String`; and a text that is not
    /// blank, which reading would call empty.
    static func readsAsItIs(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, case nil = ByteOrderMark.detect(bytes),
              memchr(base, 0, bytes.count) == nil, memchr(base, 0x0D, bytes.count) == nil,
              UnindexedSearch.holdsVisibleText(bytes)
        else { return false }
        return UTF8Validation.isValid(bytes)
    }
}

extension UnindexedSearch {
    /// The query's matching sections in `bytes` (the text as it is), from a lean scan of them:
    /// the same pieces, hits, lines, addresses, headings and snippets as the search of the
    /// parsed report. nil when a section's ranges leave its own text (never for the parser's).
    func leanSections(
        in bytes: UnsafeBufferPointer<UInt8>, scan: LeanScan, candidates: Candidates
    ) -> (total: Int, sections: [LeanSectionHits])? {
        guard !candidates.excludeEveryHit else { return (0, []) }
        let store = scan.store
        let end = bytes.count
        // `PieceLookup` over the store's starts: position 0 is the front matter, `i + 1` the own
        // text of section `i`.
        func start(_ position: Int) -> Int { position == 0 ? 0 : min(store.start(of: position - 1), end) }
        func holding(_ offset: Int) -> Int { store.position(holding: offset, end: end) }
        var chosen: [Int]?
        for offsets in candidates.perTerm {
            var pieces: [Int] = []
            for offset in offsets {
                let piece = holding(offset)
                if pieces.last != piece { pieces.append(piece) }
            }
            chosen = chosen.map { $0.sortedIntersection(pieces) } ?? pieces
        }
        var searcher = PieceSearcher(query: query)
        var total = 0
        var result: [LeanSectionHits] = []
        for position in chosen ?? [] {
            let lower = start(position)
            let upper = position < store.count ? start(position + 1) : end
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
            let ranges = searcher.hits(in: text)
            guard !ranges.isEmpty else { continue }
            // The piece is the snippet's bounds too (the section's own text, or the front
            // matter), so a report of the piece alone cuts the same snippets.
            let piece = Report(
                text: text, lines: LineTable(starts: [0], byteCount: text.utf8.count), title: "", metadata: [],
                frontRange: 0..<text.utf8.count, preambleStart: 0, sections: [], roots: [])
            let hits = ranges.map { range in
                LeanSectionHits.Hit(line: scan.lines.line(at: range.lowerBound + lower), snippet: piece.snippet(around: range))
            }
            total += hits.count
            guard position > 0 else {
                result.append(LeanSectionHits(section: nil, address: "", heading: scan.front.title, hits: hits))
                continue
            }
            let index = position - 1
            guard store.start(of: index) == lower, store.end(of: index, byteCount: end) == upper,
                  let section = store.section(index, byteCount: end, text: text)
            else { return nil }
            result.append(LeanSectionHits(
                section: index, address: section.address, heading: OutlineExport.displayHeading(section), hits: hits))
        }
        return (total, result)
    }
}
