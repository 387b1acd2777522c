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
    /// Parents and subtree ends of `report.sections`, kept apart so that summing counts per
    /// query does not copy every `Section` value.
    let sectionTree: SectionTree
    /// How common each byte is in `folded`, for picking the byte a scan looks for.
    let byteFrequencies: ByteFrequencies

    public init(report: Report) {
        self.report = report
        sectionTree = SectionTree(parents: report.sections.map { Int32($0.parent ?? -1) })
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
        byteFrequencies = folded.withUnsafeBufferPointer { ByteFrequencies(of: $0) }
    }

    /// Size of the folded copy in bytes.
    public var foldedByteCount: Int { folded.count }

    /// Approximate memory held beyond the report itself, for benchmarks.
    public var memoryFootprint: Int { folded.count + map.byteCount + sectionStarts.count * 12 }

    /// Runs a query. An empty query gives empty results; only an invalid regular expression or
    /// an out-of-range scope throw.
    public func search(_ query: SearchQuery) throws(SearchError) -> SearchResults {
        try search(query, refining: nil)
    }

    /// Runs a query, using what `previous` (earlier results from this index) already found:
    /// a term that extends an earlier term, as typing a query does, is checked only where the
    /// earlier one matched, instead of scanning the whole text again. The results are exactly
    /// those of `search(query)`.
    public func search(_ query: SearchQuery, refining previous: SearchResults?) throws(SearchError) -> SearchResults {
        // Without a cancellation nothing can stop the search half-way.
        try search(query, refining: previous, cancellation: nil)!
    }

    /// The same, given up (nil) once `cancellation` is cancelled: a search on another thread
    /// that a newer query has replaced stops instead of finishing for nobody.
    public func search(
        _ query: SearchQuery, refining previous: SearchResults?, cancellation: SearchCancellation?
    ) throws(SearchError) -> SearchResults? {
        let scope = try foldedRange(ofScope: query.scope)
        if query.isEmpty {
            return SearchResults(query: query, index: self, hits: FoldedHits())
        }
        if query.isRegex {
            return SearchResults(query: query, index: self, hits: try regexHits(pattern: query.terms[0], in: scope))
        }
        let earlier = previous.flatMap { $0.hits.searchIndex === self ? $0.termScans : nil } ?? []
        let reusable = earlier.filter { $0.range == scope }
        var scans = termScans(of: query.terms, in: scope, reusing: reusable)
        let literal = scans.map {
            FoldedHits(starts: $0.starts, length: $0.needle.count, sections: sectionsOfSorted($0.starts))
        }
        guard
            let perTerm = addingPinyinHits(
                to: literal, of: &scans, reusing: reusable, matching: query.pinyin, in: scope, cancellation: cancellation)
        else { return nil }
        return SearchResults(query: query, index: self, hits: keywordHits(perTerm), termScans: scans)
    }

    /// Folds a string the way the index folds the report (without section separators), for
    /// callers that compare text loosely, such as address or heading matching.
    public static func fold(_ text: String) -> String {
        String(decoding: TextFolder.foldedBytes(text), as: UTF8.self)
    }

    // MARK: - Keywords

    /// Scans for each distinct folded term, taken from `earlier` when it has the same term and
    /// narrowed down from its matches when it has a prefix of the term.
    private func termScans(of terms: [String], in scope: Range<Int>, reusing earlier: [TermScan]) -> [TermScan] {
        var needles: [[UInt8]] = []
        for term in terms {
            let needle = TextFolder.foldedBytes(term)
            if !needle.isEmpty, !needles.contains(needle) { needles.append(needle) }
        }
        return folded.withUnsafeBufferPointer { haystack in
            needles.map { needle in
                if let same = earlier.first(where: { $0.needle == needle }) { return same }
                let searcher = ByteSearcher(needle: needle, frequencies: byteFrequencies)
                let prefix = earlier
                    .filter { $0.holdsEveryMatch && $0.needle.count < needle.count && needle.starts(with: $0.needle) }
                    .max { $0.needle.count < $1.needle.count }
                let starts =
                    prefix.map { searcher.matches(in: haystack, range: scope, amongStarts: $0.starts) }
                    ?? searcher.matches(in: haystack, range: scope)
                return TermScan(
                    needle: needle, range: scope, starts: starts, holdsEveryMatch: searcher.cannotOverlapItself)
            }
        }
    }

    /// Hits of every term, restricted to the sections that contain all the terms.
    func keywordHits(_ perTerm: [FoldedHits]) -> FoldedHits {
        guard !perTerm.isEmpty else { return FoldedHits() }
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
    /// Gallops forward from one offset's section to the next, so sparse hits cost a few steps
    /// each rather than a walk over every section in between.
    func sectionsOfSorted(_ offsets: [Int]) -> [Int32] {
        guard let first = offsets.first else { return [] }
        var section = section(ofFolded: first)
        var sections: [Int32] = []
        sections.reserveCapacity(offsets.count)
        for offset in offsets {
            if section + 1 < sectionStarts.count, sectionStarts[section + 1] <= offset {
                // The answer is the last section starting at or before `offset`: find a bound
                // past it by doubling, then bisect.
                var low = section + 1
                var step = 1
                var high = low + step
                while high < sectionStarts.count, sectionStarts[high] <= offset {
                    low = high
                    step *= 2
                    high = low + step
                }
                high = min(high, sectionStarts.count)
                section = sectionStarts[low..<high].partitioningIndex(where: { $0 > offset }) - 1
            }
            sections.append(Int32(section))
        }
        return sections
    }

    /// The innermost section whose own text holds the folded offset, -1 in the front matter.
    private func section(ofFolded offset: Int) -> Int {
        sectionStarts.partitioningIndex(where: { $0 > offset }) - 1
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
