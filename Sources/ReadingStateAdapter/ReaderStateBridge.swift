import FoundationEssentials
import ReaderState
import ReportKit
import ReportUI

/// The browser's reading state kept in a `StateStore`: converts the browser's anchors (row and
/// text offset) to places that carry their surrounding words and back, and turns the browser's
/// snapshots into the changes a merging store needs.
///
/// The store merges marks by time with what another browser saved meanwhile, so a save must
/// not simply write the browser's marks: a mark this browser never knew about would count as
/// kept, and one it deleted would come back. The bridge therefore remembers the snapshot it
/// last loaded or saved and writes only what changed since, dated now.
package final class ReaderStateBridge: ReadingStateStore {
    private let store: StateStore
    private let report: Report
    private let identity: DocumentIdentity
    private let documentPath: String?
    /// What the next save starts from: the state as loaded or last saved.
    private var document: DocumentState
    /// The browser's view of `document` at that moment.
    private var known = RememberedReading()
    /// Notices of the most recent save. The last save happens as the browser closes, too late
    /// for its status line: the caller may print these once the terminal is restored.
    package private(set) var lastSaveNotices: [String] = []

    /// `file` is the path the report was read from (nil or `-` for the bundled report or
    /// standard input): it lets an edited file find the state saved before the edit.
    /// `identity` may be computed beforehand (it hashes the whole text) to overlap with parsing.
    package init(store: StateStore, report: Report, file: String?, identity: DocumentIdentity? = nil) {
        self.store = store
        self.report = report
        self.identity = identity ?? DocumentIdentity(report: report)
        documentPath = Self.absolutePath(of: file)
        document = DocumentState(identity: self.identity, documentPath: documentPath)
    }

    package func load() -> (reading: RememberedReading?, notices: [String]) {
        let (stored, loadNotices) = store.load(documentHash: identity.hash, documentPath: documentPath)
        guard let stored else { return (nil, loadNotices) }
        let (adapted, adaptNotices) = stored.adapted(to: report, identity: identity)
        document = adapted
        if let documentPath { document.documentPath = documentPath }
        var marks: [Character: TextAnchor] = [:]
        for (letter, mark) in adapted.marks.sorted where MarkBook.isMarkLetter(letter) {
            if let anchor = anchor(of: mark.place) { marks[letter] = anchor }
        }
        let place = adapted.readingPosition.flatMap(anchor(of:)) ?? adapted.selection.flatMap(anchor(of:))
        known = RememberedReading(
            place: place, marks: marks, searchHistory: adapted.searchHistory.queries,
            gotoHistory: adapted.gotoHistory?.queries ?? [])
        return (known, loadNotices + adaptNotices)
    }

    package func save(_ reading: RememberedReading) -> [String] {
        let now = Date()
        var state = document
        for letter in known.marks.keys where reading.marks[letter] == nil {
            state.deleteMark(letter, date: now)
        }
        for (letter, anchor) in reading.marks where known.marks[letter] != anchor {
            state.setMark(letter, at: place(at: anchor), date: now)
        }
        if let anchor = reading.place {
            state.selection = place(at: TextAnchor(row: anchor.row, offset: start(of: anchor.row)))
            state.readingPosition = place(at: anchor)
        }
        for query in Self.newSearches(in: reading.searchHistory, since: known.searchHistory) {
            state.recordSearch(query, date: now)
        }
        for entry in Self.newSearches(in: reading.gotoHistory, since: known.gotoHistory) {
            state.recordGoto(entry, date: now)
        }
        let (saved, notices) = store.save(state, date: now)
        lastSaveNotices = notices
        // After a failure the changes stay unsaved, and the next save writes them again.
        if let saved {
            document = saved
            known = reading
        }
        return notices
    }

    // MARK: Anchors and places

    /// A place that finds the anchor again by its words if the report is edited. The top of
    /// the front matter is special: it has no words worth matching, and is always the title.
    package func place(at anchor: TextAnchor) -> ReaderState.ReadingPlace {
        Self.place(at: anchor, in: report)
    }

    /// The same for any report: an anchor of `report` as words that can be found again.
    package static func place(at anchor: TextAnchor, in report: Report) -> ReaderState.ReadingPlace {
        let offset = min(max(0, anchor.offset), report.text.utf8.count)
        guard let index = anchor.row.sectionIndex, index < report.sections.count else {
            let front = report.frontRange
            if offset > front.lowerBound, offset < front.upperBound {
                return ReaderState.ReadingPlace(in: report, offset: offset)
            }
            return ReaderState.ReadingPlace(
                sectionAddress: nil, offsetInSection: 0, documentOffset: 0,
                contextBefore: "", contextAfter: "", sectionTitle: "")
        }
        let start = report.sections[index].ownRange.lowerBound
        return ReaderState.ReadingPlace(in: report, sectionIndex: index, offsetInSection: max(0, offset - start))
    }

    /// Where a stored place is in this report; nil when its text is gone.
    package func anchor(of place: ReaderState.ReadingPlace) -> TextAnchor? {
        Self.anchor(of: place, in: report)
    }

    package static func anchor(of place: ReaderState.ReadingPlace, in report: Report) -> TextAnchor? {
        guard let resolved = place.resolve(in: report) else { return nil }
        return TextAnchor(row: resolved.sectionIndex.map(OutlineRow.section) ?? .title, offset: resolved.offset)
    }

    private func start(of row: OutlineRow) -> Int {
        row.sectionIndex.map { report.sections[$0].ownRange.lowerBound } ?? report.frontRange.lowerBound
    }

    /// The queries to record: the history from the first entry that differs from what was
    /// known on. A re-used query moves to the end, so this is the new tail in the common case.
    package static func newSearches(in history: [String], since known: [String]) -> ArraySlice<String> {
        let common = zip(history, known).prefix { $0 == $1 }.count
        return history[common...]
    }

    /// The absolute path of a real file; nil for standard input and the bundled report.
    package static func absolutePath(of file: String?) -> String? {
        guard let file, file != "-" else { return nil }
        return URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// Preferences hold for every report: they live in the store's directory, not in a
/// document's state.
extension ReaderStateBridge: PreferencesStore {
    package func loadPreferences() -> (preferences: BrowserPreferences?, notices: [String]) {
        let (stored, notices) = store.loadPreferences()
        return (stored.map {
            BrowserPreferences(continuousReading: $0.continuousReading, treeShare: $0.treeShare, sectionSizes: $0.sectionSizes)
        }, notices)
    }

    package func savePreferences(_ preferences: BrowserPreferences) -> [String] {
        store.savePreferences(StoredPreferences(
            continuousReading: preferences.continuousReading, treeShare: preferences.treeShare,
            sectionSizes: preferences.sectionSizes))
    }
}
