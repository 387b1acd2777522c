import ReportKit

/// A report of a library as its list shows it, before it is opened: what its metadata says
/// (or the file name), or why it cannot be read.
package struct LibraryEntry: Sendable, Hashable {
    /// As the user reaches it: the argument, or the argument joined with the path below it.
    package let path: String
    /// The directory part of `path`; the list groups by it.
    package let folder: String
    package let title: String
    /// As written in the report; empty when it has none.
    package let date: String
    package let issuer: String
    /// Why it cannot be read, when that is known; such entries are listed, never opened.
    package let failure: String?

    package init(path: String, folder: String, title: String, date: String, issuer: String, failure: String?) {
        self.path = path
        self.folder = folder
        self.title = title
        self.date = date
        self.issuer = issuer
        self.failure = failure
    }

    package var fileName: String { String(path.split(separator: "/").last ?? Substring(path)) }
}

/// Hits of a library search in one section (or the front matter, address `front`) of a report.
package struct LibrarySectionHits: Sendable, Hashable {
    package let address: String
    package let heading: String
    package let count: Int

    package init(address: String, heading: String, count: Int) {
        self.address = address
        self.heading = heading
        self.count = count
    }

    package static let frontMatter = "front"
}

/// A report with hits, its sections in document order.
package struct LibraryReportHits: Sendable, Hashable {
    /// Index into the catalog's entries.
    package let entry: Int
    package let sections: [LibrarySectionHits]

    package init(entry: Int, sections: [LibrarySectionHits]) {
        self.entry = entry
        self.sections = sections
    }

    package var count: Int { sections.reduce(0) { $0 + $1.count } }
}

/// A search over every report of the library.
package struct LibrarySearchOutcome: Sendable, Hashable {
    package let query: SearchQuery
    /// Reports with at least one hit, in entry order.
    package let reports: [LibraryReportHits]
    /// Remarks for the status line: files that could not be searched, an unusable index.
    package let notices: [String]
    /// An invalid pattern: nothing was searched.
    package let error: String?
    /// False while only the first reports are known: the rest of the library is being counted.
    package let isComplete: Bool

    package init(
        query: SearchQuery, reports: [LibraryReportHits], notices: [String] = [], error: String? = nil,
        isComplete: Bool = true
    ) {
        self.query = query
        self.reports = reports
        self.notices = notices
        self.error = error
        self.isComplete = isComplete
    }

    package var totalHits: Int { reports.reduce(0) { $0 + $1.count } }

    package func hits(of entry: Int) -> LibraryReportHits? { reports.first { $0.entry == entry } }
}

/// A member opened for reading: its report, where its text came from, and where its marks
/// and last place are kept.
package struct OpenedLibraryReport {
    package let report: Report
    package let origin: ReportOrigin?
    package let store: (any ReadingStateStore)?

    package init(report: Report, origin: ReportOrigin?, store: (any ReadingStateStore)?) {
        self.report = report
        self.origin = origin
        self.store = store
    }
}

/// What the library view needs from the outside world: the members, opening one, searching
/// them all. ReportUI does no file IO, so the executable hands one in (built on ReportIndex);
/// tests hand in reports held in memory.
package protocol LibraryCatalog: AnyObject {
    var entries: [LibraryEntry] { get }
    /// How the list was made, for the header: `index`, `read 12 files`.
    var listingNote: String { get }
    /// Reads and parses one member; a failure is its one-line reason.
    func open(_ entry: Int) -> Result<OpenedLibraryReport, LibraryOpenFailure>
    func search(_ query: SearchQuery) -> LibrarySearchOutcome
    /// The first `firstScreen` reports with hits, counted, and a way to count the rest; a
    /// catalog that cannot do better gives its whole search at once.
    func startSearch(_ query: SearchQuery, firstScreen: Int) -> LibrarySearchStart
}

extension LibraryCatalog {
    package func startSearch(_ query: SearchQuery, firstScreen: Int) -> LibrarySearchStart {
        LibrarySearchStart(outcome: search(query))
    }
}

package struct LibraryOpenFailure: Error, Sendable, Hashable {
    package let reason: String

    package init(reason: String) { self.reason = reason }
}
