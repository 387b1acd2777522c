/// A folded copy of a report's text, built once, that answers queries by scanning bytes.
///
/// Folding (NFKC, case, full-width forms, whitespace between CJK characters) happens once, in
/// `init`; a query only folds its own terms and runs a byte search over the copy, then maps the
/// hits back to exact byte ranges of `report.text`. A line feed separates sections in the
/// copy, so no hit spans two sections.
///
/// Memory: the folded bytes (about the size of the text) plus a sparse offset map (about 4 bytes
/// per character whose folded form has another length).
public final class SearchIndex: Sendable {
    public let report: Report
    let folded: [UInt8]
    let map: FoldMap
    /// Folded offset where the own text of `report.sections[i]` starts (just after its separator).
    let sectionStarts: [Int]
    /// `report.sections[i].parent`, or -1, kept apart so that summing counts per query does not
    /// copy every `Section` value.
    let sectionParents: [Int32]

    public init(report: Report) {
        self.report = report
        sectionParents = report.sections.map { Int32($0.parent ?? -1) }
        // Defensive against a malformed tree: one separator per section, in order, inside the
        // text, so that `sectionStarts` always lines up with `report.sections`.
        var boundaries = report.sections.map { min($0.ownRange.lowerBound, report.text.utf8.count) }
        for index in boundaries.indices.dropFirst() where boundaries[index] < boundaries[index - 1] {
            boundaries[index] = boundaries[index - 1]
        }
        let foldedText = TextFolder.fold(report.text, boundaries: boundaries, forLargeText: true)
        folded = foldedText.bytes
        map = foldedText.map
        sectionStarts = foldedText.boundaryOffsets
    }

    /// Size of the folded copy in bytes.
    public var foldedByteCount: Int { folded.count }

    /// Approximate memory held beyond the report itself, for benchmarks.
    public var memoryFootprint: Int { folded.count + map.byteCount + sectionStarts.count * 12 }

    /// Runs a query. An empty query gives empty results; only an invalid regular expression or
    /// an out-of-range scope throw.
    public func search(_ query: SearchQuery) throws(SearchError) -> SearchResults {
        let scope = try foldedRange(ofScope: query.scope)
        let hits: FoldedHits
        if query.isEmpty {
            hits = FoldedHits()
        } else if query.isRegex {
            hits = try regexHits(pattern: query.terms[0], in: scope)
        } else {
            hits = keywordHits(terms: query.terms, in: scope)
        }
        return SearchResults(query: query, index: self, hits: hits)
    }

    /// Folds a string the way the index folds the report (without section separators), for
    /// callers that compare text loosely, such as address or heading matching.
    public static func fold(_ text: String) -> String {
        String(decoding: TextFolder.foldedBytes(text), as: UTF8.self)
    }

    // MARK: - Keywords

    /// Hits of every term, restricted to the sections that contain all the terms.
    private func keywordHits(terms: [String], in scope: Range<Int>) -> FoldedHits {
        var needles: [[UInt8]] = []
        for term in terms {
            let needle = TextFolder.foldedBytes(term)
            if !needle.isEmpty, !needles.contains(needle) { needles.append(needle) }
        }
        guard !needles.isEmpty else { return FoldedHits() }
        let perTerm: [FoldedHits] = folded.withUnsafeBufferPointer { haystack in
            needles.map { needle in
                let starts = ByteSearcher(needle: needle).matches(in: haystack, range: scope)
                return FoldedHits(starts: starts, length: needle.count, sections: sectionsOfSorted(starts))
            }
        }
        guard perTerm.count > 1 else { return perTerm[0] }
        let matching = sectionsContainingAll(perTerm)
        return perTerm
            .map { $0.filtered { matching[Int($0) + 1] } }
            .reduce(FoldedHits()) { $0.merged(with: $1) }
    }

    /// `result[s + 1]` tells whether section `s` (or the front matter, `s == -1`) has a hit of
    /// every term.
    private func sectionsContainingAll(_ perTerm: [FoldedHits]) -> [Bool] {
        var termsPresent = [Int32](repeating: 0, count: sectionStarts.count + 1)
        for hits in perTerm {
            var previous: Int32 = -2
            for section in hits.sections where section != previous {
                termsPresent[Int(section) + 1] += 1
                previous = section
            }
        }
        return termsPresent.map { Int($0) == perTerm.count }
    }

    // MARK: - Sections

    /// The section (-1 for the front matter) of each folded offset, which must be ascending.
    func sectionsOfSorted(_ offsets: [Int]) -> [Int32] {
        guard let first = offsets.first else { return [] }
        var section = section(ofFolded: first)
        var sections: [Int32] = []
        sections.reserveCapacity(offsets.count)
        for offset in offsets {
            while section + 1 < sectionStarts.count, sectionStarts[section + 1] <= offset {
                section += 1
            }
            sections.append(Int32(section))
        }
        return sections
    }

    /// The innermost section whose own text holds the folded offset, -1 in the front matter.
    private func section(ofFolded offset: Int) -> Int {
        var low = 0
        var high = sectionStarts.count
        while low < high {
            let mid = (low + high) / 2
            if sectionStarts[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return low - 1
    }

    /// The folded bytes covered by a section's subtree, or everything without a scope.
    private func foldedRange(ofScope scope: Int?) throws(SearchError) -> Range<Int> {
        guard let scope else { return 0..<folded.count }
        guard report.sections.indices.contains(scope), scope < sectionStarts.count else {
            throw .invalidScope(scope)
        }
        let subtreeEnd = report.sections[scope].subtreeRange.upperBound
        var next = scope + 1
        while next < report.sections.count, report.sections[next].ownRange.lowerBound < subtreeEnd {
            next += 1
        }
        // The next section's separator is not part of the scope.
        let end = next < sectionStarts.count ? sectionStarts[next] - 1 : folded.count
        return sectionStarts[scope]..<max(sectionStarts[scope], end)
    }
}
