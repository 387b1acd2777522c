import ReportKit

extension DocumentState {
    /// This state made valid for `report`: every place found again and re-taken in this text,
    /// places whose text is gone dropped, and the hash set to `identity`. Call it once after
    /// loading, before using any place; the notices are for the status line.
    ///
    /// For the document the state was saved with this changes nothing and says nothing.
    public func adapted(to report: Report, identity: DocumentIdentity) -> (state: DocumentState, notices: [String]) {
        var result = self
        result.documentHash = identity.hash
        var moved: [Character] = []
        var dropped: [Character] = []
        for (letter, mark) in marks.sorted {
            guard let resolved = mark.place.resolve(in: report) else {
                result.marks.remove(letter, at: mark.createdAt)
                dropped.append(letter)
                continue
            }
            if !resolved.isExact {
                var updated = mark
                updated.place = ReadingPlace(resolved, in: report)
                result.marks.set(letter, updated)
                moved.append(letter)
            }
        }
        var lostPosition = false
        result.selection = Self.adapt(selection, in: report, lost: &lostPosition)
        result.readingPosition = Self.adapt(readingPosition, in: report, lost: &lostPosition)
        result.jumpHistory = jumpHistory.map { places in
            var ignored = false
            return places.compactMap { Self.adapt($0, in: report, lost: &ignored) }
        }

        var notices: [String] = []
        if !moved.isEmpty {
            notices.append("report changed since last read: \(Self.list("mark", moved)) found again by \(moved.count == 1 ? "its" : "their") text")
        }
        if !dropped.isEmpty {
            notices.append("\(Self.list("mark", dropped)) dropped: \(dropped.count == 1 ? "its" : "their") text is no longer in the report")
        }
        if lostPosition {
            notices.append("last reading position is no longer in the report; starting at the top")
        }
        return (result, notices)
    }

    private static func adapt(_ place: ReadingPlace?, in report: Report, lost: inout Bool) -> ReadingPlace? {
        guard let place else { return nil }
        guard let resolved = place.resolve(in: report) else {
            lost = true
            return nil
        }
        return resolved.isExact ? place : ReadingPlace(resolved, in: report)
    }

    /// `mark a`, `marks a, b`.
    private static func list(_ noun: String, _ letters: [Character]) -> String {
        let names = letters.map(String.init).joined(separator: ", ")
        return letters.count == 1 ? "\(noun) \(names)" : "\(noun)s \(names)"
    }
}

extension ReadingPlace {
    /// The place at a resolved position, with address, offset and context taken afresh.
    public init(_ resolved: ResolvedPlace, in report: Report) {
        if let section = resolved.sectionIndex {
            let start = report.sections[section].ownRange.lowerBound
            self.init(in: report, sectionIndex: section, offsetInSection: resolved.offset - start)
        } else {
            self.init(in: report, offset: resolved.offset)
        }
    }
}
