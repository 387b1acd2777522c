import ReportKit

/// Between sessions: what the state hands a store, and taking it back on the next open.
extension BrowserState {
    /// The marks and the current place, for a store.
    package func remembered(in report: Report) -> RememberedReading {
        RememberedReading(
            place: place.anchor(in: report),
            marks: marks.places.mapValues { $0.anchor(in: report) },
            searchHistory: searchHistory.entries,
            gotoHistory: gotoHistory.entries)
    }

    /// Puts back what a store remembered: the marks always, the place unless `fresh`, with a
    /// status line naming where reading resumed and anything the store had to say.
    mutating func restore(
        _ remembered: RememberedReading?, fresh: Bool, notices: [String], context: BrowserContext
    ) {
        let report = context.report
        var lines: [String] = []
        if let remembered {
            marks = MarkBook(places: remembered.marks.mapValues { BrowserPlace($0, in: report) })
            searching.history = PromptHistory(entries: remembered.searchHistory)
            gotoHistory = PromptHistory(entries: remembered.gotoHistory)
            if !fresh, let anchor = remembered.place {
                let resumed = BrowserPlace(anchor, in: report)
                if resumed != place {
                    reveal(resumed.row, context: context)
                    selection = resumed.row
                    reading = resumed.position
                    lines.append("Resumed at \(MarkListing.location(of: resumed, in: report))")
                }
            }
        }
        lines += notices
        if !lines.isEmpty {
            message = Message(text: lines.joined(separator: " · "), isError: !notices.isEmpty)
        }
    }

    /// Problems saving, shown until the next key.
    mutating func showStoreNotices(_ notices: [String]) {
        guard !notices.isEmpty else { return }
        message = Message(text: notices.joined(separator: " · "), isError: true)
    }
}
