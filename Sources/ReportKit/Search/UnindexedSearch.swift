/// Answers a keyword query on one report without building its `SearchIndex`, with exactly the
/// index's results, for a command that searches a report once and exits.
///
/// The index folds the whole text (170 ms at 100 MB) before it can scan. Here each term is
/// looked for first in the unfolded text, by the byte strings that can fold into one of its
/// ideographs (`FoldSources`): a term none of whose sources occur has no hit at all, so the
/// caller needs neither the parse nor the fold. Otherwise the parsed report's pieces that hold a
/// source of every term are folded and searched one by one (`PieceSearcher`, which finds in a
/// piece what the index finds there); every other piece cannot contain all the terms.
///
/// Only for queries whose every term has an ideograph that folds to itself (U+4000–U+9FFF, not
/// traditional-only): `init` is nil otherwise (a regex, a scope, letters or digits alone, which
/// fold from too many forms to scan for), and the caller uses the index.
public struct UnindexedSearch {
    /// Hits of one section (nil: the front matter), in document order.
    public struct SectionHits: Sendable {
        public let section: Int?
        public let hits: [SearchHit]
    }

    /// Where each term may occur: ascending offsets in the unfolded text of a scalar that can
    /// fold into the term's anchor ideograph.
    public struct Candidates: Sendable {
        let perTerm: [[Int]]

        /// True when some term has no candidate, hence no hit: the report has no matching
        /// section.
        public var excludeEveryHit: Bool { perTerm.contains(where: \.isEmpty) }
    }

    struct Term {
        let needle: [UInt8]
        /// Ideographs of the needle that fold to themselves; the rarest becomes the anchor.
        let anchorChoices: [UInt32]
    }

    public let query: SearchQuery
    let terms: [Term]

    /// Each term folded, as UTF-8: where a report has hits, it usually has these bytes as they
    /// are (a hint only, for starting work early; candidates decide).
    public var foldedTerms: [[UInt8]] { terms.map(\.needle) }
    /// How many candidates of one term `mayHaveHits` folds around before it leaves the answer
    /// to the full search.
    static let confirmationLimit = 4096

    public init?(query: SearchQuery) {
        guard !query.isRegex, query.scope == nil else { return nil }
        var terms: [Term] = []
        for term in query.terms {
            let needle = TextFolder.foldedBytes(term)
            guard !needle.isEmpty else { continue }
            if terms.contains(where: { $0.needle == needle }) { continue }
            let choices = String(decoding: needle, as: UTF8.self).unicodeScalars.map(\.value).filter(FoldSources.foldsToItself)
            guard !choices.isEmpty else { return nil }
            terms.append(Term(needle: needle, anchorChoices: choices))
        }
        guard !terms.isEmpty else { return nil }
        self.query = query
        self.terms = terms
    }

    /// Scans the unfolded text once per source byte string of each term's anchor, plus once
    /// for compatibility characters.
    public func candidates(in text: String) -> Candidates {
        var text = text
        return text.withUTF8 { candidates(inBytes: $0) }
    }

    /// The same over UTF-8 bytes; malformed bytes are safe (they cannot hold a source).
    func candidates(inBytes bytes: UnsafeBufferPointer<UInt8>) -> Candidates {
        let compatibility = CompatibilityScan.offsets(in: bytes)
        let frequencies = ByteFrequencies(of: bytes)
        var foldsCache: [UInt32: [UInt8]] = [:]
        let perTerm = terms.map { term -> [Int] in
            let anchor = Self.rarest(term.anchorChoices, in: bytes)
            var lists = FoldSources.plainSources(of: anchor).map { source -> [Int] in
                ByteSearcher(needle: Array(String(Unicode.Scalar(source)!).utf8), frequencies: frequencies)
                    .matches(in: bytes, range: 0..<bytes.count)
            }
            let anchorBytes = Array(String(Unicode.Scalar(anchor)!).utf8)
            lists.append(compatibility.filter { offset in
                let scalar = UTF8Scalars.decode(bytes, at: offset).0.value
                let folded = foldsCache[scalar] ?? {
                    let value = TextFolder.foldedBytes(String(Character(Unicode.Scalar(scalar)!)))
                    foldsCache[scalar] = value
                    return value
                }()
                return Self.contains(folded, anchorBytes)
            })
            return lists.count == 1 ? lists[0] : lists.joined().sorted()
        }
        return Candidates(perTerm: perTerm)
    }

    /// False only when no term-by-term match exists anywhere in the text, which is certain
    /// after folding a stretch around candidates: every term needs one confirmed candidate.
    /// True may still give no hits (a match across a section boundary, terms in different
    /// sections); `sections(in:candidates:)` decides.
    public func mayHaveHits(_ candidates: Candidates, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { mayHaveHits(candidates, inBytes: $0) }
    }

    func mayHaveHits(_ candidates: Candidates, inBytes bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !candidates.excludeEveryHit else { return false }
        var folder = PieceFolder()
        for (term, offsets) in zip(terms, candidates.perTerm) {
            var confirmed = false
            for offset in offsets.prefix(Self.confirmationLimit) {
                guard let stretch = Self.stretch(around: offset, reaching: term.needle.count, in: bytes) else {
                    confirmed = true
                    break
                }
                let folded = folder.foldedBytes(String(decoding: UnsafeBufferPointer(rebasing: bytes[stretch]), as: UTF8.self))
                if Self.contains(folded, term.needle) {
                    confirmed = true
                    break
                }
            }
            if !confirmed, offsets.count <= Self.confirmationLimit { return false }
        }
        return true
    }

    /// The hits of the query in a parsed `report` of the same text, grouped by section, as
    /// `SearchIndex(report:).search(query)` gives them.
    public func sections(in report: Report, candidates: Candidates) -> [SectionHits] {
        guard !candidates.excludeEveryHit else { return [] }
        // The pieces are `report.searchPieces`, looked up where a candidate falls instead of
        // listed: a list of every section's piece cost a tenth of a 100 MB search in first-touch
        // pages, for the few pieces that hold a candidate.
        let pieces = PieceLookup(report: report)
        // Pieces holding a candidate of every term, ascending.
        var chosen: [Int]?
        for offsets in candidates.perTerm {
            var holding: [Int] = []
            for offset in offsets {
                // Empty pieces share their start with the next one; the offset lies in the last.
                let piece = pieces.position(holding: offset)
                if holding.last != piece { holding.append(piece) }
            }
            chosen = chosen.map { $0.sortedIntersection(holding) } ?? holding
        }
        var searcher = PieceSearcher(query: query)
        var result: [SectionHits] = []
        for position in chosen ?? [] {
            let piece = pieces.piece(at: position)
            let ranges = searcher.hits(in: String(report.text[utf8Range: piece.range]))
            guard !ranges.isEmpty else { continue }
            let shift = piece.range.lowerBound
            let hits = ranges.map { range in
                SearchHit(
                    range: range.lowerBound + shift..<range.upperBound + shift, section: piece.section,
                    line: report.lines.line(at: range.lowerBound + shift))
            }
            result.append(SectionHits(section: piece.section, hits: hits))
        }
        return result
    }

    // MARK: - Pieces of the work

    /// The byte range around the scalar at `offset` that holds every match of a needle of
    /// `length` folded bytes through it: `length + 1` plain scalars (ASCII other than
    /// whitespace, or ideographs of U+4000–U+9FFF) each way. Each plain scalar begins a folding
    /// unit of its own and folds to at least one byte, so a match cannot reach past them, and
    /// the stretch folds as it does inside the whole text. Nil when the stretch would exceed
    /// 64 KB (text of few plain scalars): the caller cannot decide cheaply.
    static func stretch(around offset: Int, reaching length: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let limit = 64 << 10
        func isPlain(_ position: Int) -> Bool {
            let byte = bytes[position]
            if byte < 0x80 { return !(byte == 0x20 || byte &- 0x09 < 5) }
            return byte &- 0xE4 < 6
        }
        var lower = offset
        var plain = 0
        while lower > 0, plain <= length {
            lower -= 1
            while lower > 0, bytes[lower] & 0xC0 == 0x80 { lower -= 1 }
            if isPlain(lower) { plain += 1 }
            if offset - lower > limit { return nil }
        }
        var upper = offset + UTF8Scalars.decode(bytes, at: offset).1
        plain = 0
        while upper < bytes.count, plain <= length {
            if isPlain(upper) { plain += 1 }
            upper += UTF8Scalars.decode(bytes, at: upper).1
            if upper - offset > limit { return nil }
        }
        return lower..<upper
    }

    /// The choice whose UTF-8 occurs least often in samples of the text (a few hundred KB).
    static func rarest(_ choices: [UInt32], in bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard choices.count > 1 else { return choices[0] }
        let sampleLength = 32 << 10
        let sampleCount = 8
        var ranges: [Range<Int>] = []
        if bytes.count <= sampleLength * sampleCount {
            ranges = [0..<bytes.count]
        } else {
            let step = bytes.count / sampleCount
            ranges = (0..<sampleCount).map { $0 * step..<$0 * step + sampleLength }
        }
        return choices.min { first, second in
            count(first, in: bytes, ranges) < count(second, in: bytes, ranges)
        }!
    }

    private static func count(_ scalar: UInt32, in bytes: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>]) -> Int {
        let searcher = ByteSearcher(needle: Array(String(Unicode.Scalar(scalar)!).utf8))
        return ranges.reduce(0) { $0 + searcher.matches(in: bytes, range: $1).count }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { buffer in
            !ByteSearcher(needle: needle).matches(in: buffer, range: 0..<buffer.count).isEmpty
        }
    }
}
