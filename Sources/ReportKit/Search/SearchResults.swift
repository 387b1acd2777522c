/// One occurrence of a term (or of the pattern) in the report.
public struct SearchHit: Sendable, Hashable {
    /// UTF-8 byte range in `Report.text`, covering whole original characters. A hit of
    /// `法治政府` in a hard-wrapped `法治\n政府` includes the line break.
    public let range: Range<Int>
    /// Innermost section whose own text holds the hit; nil in the front matter.
    public let section: Int?
    /// 1-based line of the hit's first byte.
    public let line: Int
}

/// A section (or the front matter) that matched, with its share of the hits.
public struct SectionMatch: Sendable, Hashable {
    /// nil for the front matter, which matches like a section of its own.
    public let section: Int?
    /// Hits inside the section's own text, excluding its children.
    public let count: Int
    /// Index in `SearchResults.hits` of the section's first hit.
    public let firstHit: Int

    public var hitIndices: Range<Int> { firstHit..<firstHit + count }
}

/// The hits of a query in document order (by start, then end). Hits of one term never overlap
/// (matching is leftmost and non-overlapping: `aa` is found once in `aaa`), hits of different
/// terms may. Elements are mapped back to the original text when read, so a query with a
/// million hits costs no more than the scan until the hits are looked at.
public struct SearchHits: RandomAccessCollection, Sendable {
    let searchIndex: SearchIndex
    let folded: FoldedHits

    public var startIndex: Int { 0 }
    public var endIndex: Int { folded.starts.count }

    public subscript(position: Int) -> SearchHit {
        let range = searchIndex.map.originalRange(of: folded.starts[position]..<folded.ends[position])
        let section = folded.sections[position]
        return SearchHit(
            range: range,
            section: section < 0 ? nil : Int(section),
            line: searchIndex.report.lines.line(at: range.lowerBound)
        )
    }
}

public struct SearchResults: Sendable {
    public let query: SearchQuery
    public let hits: SearchHits
    /// Sections that matched, in document order, the front matter first: in keyword mode those
    /// whose own text contains every term, in regex mode those with a match.
    public let sections: [SectionMatch]
    /// For every section index of the report, the number of hits in its subtree (own text and
    /// all descendants), for showing counts on the tree.
    public let countsIncludingDescendants: SubtreeHitCounts
    /// The keyword scans behind the hits, for refining by the next query; empty for a regex.
    let termScans: [TermScan]

    init(query: SearchQuery, index: SearchIndex, hits: FoldedHits, termScans: [TermScan] = []) {
        self.query = query
        self.termScans = termScans
        self.hits = SearchHits(searchIndex: index, folded: hits)
        var matches: [SectionMatch] = []
        var runStart = 0
        for position in hits.sections.indices {
            let section = hits.sections[position]
            if position + 1 == hits.sections.count || hits.sections[position + 1] != section {
                matches.append(SectionMatch(
                    section: section < 0 ? nil : Int(section),
                    count: position + 1 - runStart,
                    firstHit: runStart
                ))
                runStart = position + 1
            }
        }
        sections = matches
        countsIncludingDescendants = SubtreeHitCounts(
            own: matches.compactMap { match in match.section.map { ($0, match.count) } },
            tree: index.sectionTree)
    }

    public var totalCount: Int { hits.count }
    public var isEmpty: Bool { hits.isEmpty }

    /// Hits in the front matter.
    public var frontMatterCount: Int {
        sections.first.flatMap { $0.section == nil ? $0.count : nil } ?? 0
    }

    /// Index of the first hit starting at or after an offset of the original text, for
    /// "next hit from here"; nil when there is none (callers wrap round to 0).
    public func firstHit(atOrAfter offset: Int) -> Int? {
        let low = hits.partitioningIndex(where: { $0.range.lowerBound >= offset })
        return low < hits.count ? low : nil
    }

    /// Index of the last hit starting before an offset, for "previous hit from here".
    public func lastHit(before offset: Int) -> Int? {
        let next = firstHit(atOrAfter: offset) ?? hits.count
        return next > 0 ? next - 1 : nil
    }
}
