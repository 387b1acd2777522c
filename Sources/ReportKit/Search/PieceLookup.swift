/// `Report.searchPieces` by position without building the list: position 0 is the front
/// matter, position `i + 1` the own text of section `i`, with the same defensive clamping of
/// boundaries into the text.
///
/// A search that folds only the pieces holding a candidate needs a handful of them; the list
/// of all of them is 436,000 entries on a 100 MB report, written once and read for a few.
struct PieceLookup {
    let sections: [Section]
    let end: Int

    init(report: Report) {
        sections = report.sections
        end = report.text.utf8.count
    }

    /// Where piece `position` starts: section `position - 1`'s own start, clamped into the text
    /// (position 0, the front matter, starts at 0).
    private func start(_ position: Int) -> Int {
        position == 0 ? 0 : min(sections[position - 1].ownRange.lowerBound, end)
    }

    /// The last piece starting at or before `offset`, as `searchPieces` lists them. The parser's
    /// own ranges ascend, so the starts are sorted and one binary search finds it.
    func position(holding offset: Int) -> Int {
        sections.partitioningIndex(where: { min($0.ownRange.lowerBound, end) > offset })
    }

    func piece(at position: Int) -> SearchPiece {
        let upper = position < sections.count ? start(position + 1) : end
        return SearchPiece(section: position == 0 ? nil : position - 1, range: start(position)..<upper)
    }
}
