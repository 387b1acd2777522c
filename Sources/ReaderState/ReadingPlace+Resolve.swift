import ReportKit

/// Where a `ReadingPlace` is in a particular report.
public struct ResolvedPlace: Sendable, Hashable {
    /// The section to select; nil in the front matter.
    public let sectionIndex: Int?
    /// Absolute UTF-8 offset into `report.text`.
    public let offset: Int
    /// False when the place was found again by its surrounding text after the report changed.
    public let isExact: Bool
}

extension ReadingPlace {
    /// Finds the place in `report`.
    ///
    /// In the document the place was taken from (same hash) the address, offset and context all
    /// agree, so this is exact. In an edited document the context decides: the place is where
    /// its surrounding text now is (the occurrence nearest to where it used to be), or where the
    /// text that followed it now is if only the text before it changed. If that text is gone,
    /// the result is nil and the caller drops the place with a notice.
    public func resolve(in report: Report) -> ResolvedPlace? {
        let sectionIndex = sectionAddress.flatMap { report.sectionIndex(atAddress: $0) }
        let start = sectionIndex.map { report.sections[$0].ownRange.lowerBound } ?? 0
        let expected = start + offsetInSection
        let addressHolds = sectionAddress == nil || sectionIndex != nil
        if addressHolds, expected <= report.text.utf8.count,
           TextContext.matches(before: contextBefore, after: contextAfter, at: expected, in: report.text) {
            return ResolvedPlace(sectionIndex: sectionIndex, offset: expected, isExact: true)
        }
        let estimate = sectionIndex != nil ? expected : documentOffset
        guard let found = reanchoredOffset(in: report.text, near: estimate) else { return nil }
        // Keep the reader in the section they chose when the text is still inside it (a place in
        // a chapter's subsection stays with the chapter selected); otherwise the innermost one.
        let keepSection = sectionIndex.map { report.sections[$0].subtreeRange.contains(found) } ?? false
        let section = keepSection ? sectionIndex : report.section(containing: found)
        return ResolvedPlace(sectionIndex: section, offset: found, isExact: false)
    }

    private func reanchoredOffset(in text: String, near estimate: Int) -> Int? {
        let both = TextContext.occurrences(of: contextBefore + contextAfter, in: text)
            .map { $0 + contextBefore.utf8.count }
        if let nearest = Self.nearest(to: estimate, in: both) { return nearest }
        // The text the place points at is what the reader cares about; the text before it only
        // disambiguates. At the very end of a document there is nothing after, so use before.
        if contextAfter.count >= Self.minimumAnchorLength {
            return Self.nearest(to: estimate, in: TextContext.occurrences(of: contextAfter, in: text))
        }
        if contextAfter.isEmpty, contextBefore.count >= Self.minimumAnchorLength {
            let ends = TextContext.occurrences(of: contextBefore, in: text).map { $0 + contextBefore.utf8.count }
            return Self.nearest(to: estimate, in: ends)
        }
        return nil
    }

    /// Shorter context (a place just before the end of the text) matches too much to trust alone.
    private static let minimumAnchorLength = 8

    private static func nearest(to estimate: Int, in offsets: [Int]) -> Int? {
        offsets.min { abs($0 - estimate) < abs($1 - estimate) }
    }
}

extension Report {
    /// The section with a position address such as `3.2` (not a marker path or keyword: a stored
    /// address must never match a different section by accident).
    func sectionIndex(atAddress address: String) -> Int? {
        var level = roots
        var found: Int?
        for part in address.split(separator: ".", omittingEmptySubsequences: false) {
            guard let number = Int(part), number >= 1, number <= level.count else { return nil }
            found = level[number - 1]
            level = sections[level[number - 1]].children
        }
        return found
    }
}
