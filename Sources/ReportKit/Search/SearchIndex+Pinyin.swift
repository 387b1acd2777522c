extension SearchIndex {
    /// Adds, to the literal hits of each term, the Han text its letters spell in pinyin, as
    /// `matching` asks: always, or only when the literal query found nothing. The scans keep
    /// where each pinyin term matched, so that the next query, typed by adding letters, looks
    /// only there. nil when `cancellation` was cancelled before the scans were done.
    func addingPinyinHits(
        to literal: [FoldedHits], of scans: inout [TermScan], reusing earlier: [TermScan],
        matching: PinyinMatching, in scope: Range<Int>, cancellation: SearchCancellation? = nil
    ) -> [FoldedHits]? {
        switch matching {
        case .never:
            return literal
        case .automatic:
            guard keywordHits(literal).starts.isEmpty else { return literal }
        case .always:
            break
        }
        var perTerm = literal
        for position in scans.indices {
            let needle = scans[position].needle
            guard var matcher = PinyinMatcher(query: needle) else { continue }
            // Every match of a longer query starts where a match of its beginning does.
            let candidates = (scans[position].pinyinStarts.map { [$0] } ?? [])
                + earlier.filter { $0.needle.count < needle.count && needle.starts(with: $0.needle) }
                    .compactMap(\.pinyinStarts)
            let scanned = folded.withUnsafeBufferPointer { text in
                if let narrowest = candidates.min(by: { $0.count < $1.count }) {
                    return matcher.matches(in: text, range: scope, amongStarts: narrowest, cancellation: cancellation)
                }
                return matcher.matches(in: text, range: scope, cancellation: cancellation)
            }
            guard let matches = scanned else { return nil }
            scans[position].pinyinStarts = matches.map(\.start)
            perTerm[position] = perTerm[position].merged(with: nonOverlapping(matches))
        }
        return perTerm
    }

    /// Leftmost non-overlapping hits from every match.
    private func nonOverlapping(_ matches: [(start: Int, end: Int)]) -> FoldedHits {
        var starts: [Int] = []
        var ends: [Int] = []
        for match in matches where match.start >= (ends.last ?? 0) {
            starts.append(match.start)
            ends.append(match.end)
        }
        return FoldedHits(starts: starts, ends: ends, sections: sectionsOfSorted(starts))
    }
}
