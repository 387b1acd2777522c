extension SearchIndex {
    /// Adds, to the literal hits of each term, the Han text its letters spell in pinyin, as
    /// `matching` asks: always, or only when the literal query found nothing.
    func addingPinyinHits(
        to literal: [FoldedHits], of scans: [TermScan], matching: PinyinMatching, in scope: Range<Int>
    ) -> [FoldedHits] {
        switch matching {
        case .never:
            return literal
        case .automatic:
            guard keywordHits(literal).starts.isEmpty else { return literal }
        case .always:
            break
        }
        return zip(literal, scans).map { hits, scan in
            guard let pinyin = pinyinHits(of: scan.needle, in: scope) else { return hits }
            return hits.merged(with: pinyin)
        }
    }

    /// Leftmost non-overlapping pinyin matches of a folded term, or nil when the term is not
    /// plain ASCII letters.
    func pinyinHits(of needle: [UInt8], in scope: Range<Int>) -> FoldedHits? {
        guard var matcher = PinyinMatcher(query: needle) else { return nil }
        let matches = folded.withUnsafeBufferPointer { matcher.matches(in: $0, range: scope) }
        var starts: [Int] = []
        var ends: [Int] = []
        for match in matches where match.start >= (ends.last ?? 0) {
            starts.append(match.start)
            ends.append(match.end)
        }
        return FoldedHits(starts: starts, ends: ends, sections: sectionsOfSorted(starts))
    }
}
