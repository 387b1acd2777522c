import ReportKit

/// The report's file read again after `v`, when the editor changed it. The executable reads
/// and parses (ReportUI does no file IO); the reading is already carried into the new text by
/// its words (ReaderState's `ReadingPlace.resolve`), so marks and the place survive the edit.
package struct ReopenedReport {
    package var report: Report
    package var origin: ReportOrigin
    /// Where the new text's reading state is kept; nil when state is off.
    package var store: (any ReadingStateStore)?
    /// The place, marks and histories, in the new report's terms.
    package var reading: RememberedReading
    /// Marks and places whose text the edit removed, for the status line.
    package var notices: [String]
    /// What the status line says, such as `Reloaded report.txt: 1,208 lines`.
    package var notice: OutletNotice

    package init(
        report: Report, origin: ReportOrigin, store: (any ReadingStateStore)?, reading: RememberedReading,
        notices: [String], notice: OutletNotice
    ) {
        self.report = report
        self.origin = origin
        self.store = store
        self.reading = reading
        self.notices = notices
        self.notice = notice
    }
}

/// What became of the file after the editor returned.
package enum EditOutcome {
    /// Read again: the browser goes on in the new text.
    case reopened(ReopenedReport)
    /// Changed, but it no longer opens (or reads as empty): the old text stays, and this says why.
    case kept(OutletNotice)
}

extension TextOutlet {
    /// Outlets that run no editor never have an edited report.
    package func takeEditedReport(from report: Report, reading: () -> RememberedReading) -> EditOutcome? { nil }
}

extension BrowserSession {
    /// After an event: if it ran the editor and the file changed, goes on in the new text.
    mutating func reopenIfEdited() {
        guard let outlet, let outcome = outlet.takeEditedReport(from: report, reading: { state.remembered(in: report) }) else {
            return
        }
        switch outcome {
        case .kept(let notice):
            send(.outletAnswered(notice))
        case .reopened(let reopened):
            reopen(reopened)
        }
    }

    /// The old text's state is saved as on quitting; a session on the new text then starts as a
    /// reopened report would, except that the place is the one the reader had (found again in
    /// the new text), whatever `--fresh` said, and the pane, mouse and preferences stay as set.
    mutating func reopen(_ reopened: ReopenedReport) {
        let kept = state
        finish()
        var options = options
        options.origin = reopened.origin
        options.fresh = true
        options.mouse = kept.mouseCaptured
        var next = BrowserSession(report: reopened.report, options: options, size: kept.size, store: reopened.store, outlet: outlet)
        next.send(.restorePreferences(kept.preferences))
        next.send(.restore(reopened.reading, fresh: false, notices: reopened.notices))
        if next.state.focus != kept.focus { next.send(.switchFocus) }
        let resumedNotices = reopened.notices.isEmpty ? "" : " · " + reopened.notices.joined(separator: " · ")
        var notice = reopened.notice
        notice.text += resumedNotices
        notice.isError = notice.isError || !reopened.notices.isEmpty
        next.send(.outletAnswered(notice))
        next.startBackgroundWork()
        self = next
    }
}
