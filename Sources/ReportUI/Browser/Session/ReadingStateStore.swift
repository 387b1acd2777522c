/// What the browser remembers about one report between sessions, in the report's own terms.
package struct RememberedReading: Hashable, Sendable {
    /// The selection and the text at the top of the detail pane when the browser closed.
    package var place: TextAnchor?
    package var marks: [Character: TextAnchor]
    /// Past search queries, oldest first.
    package var searchHistory: [String]
    /// Past go-to prompt entries, oldest first.
    package var gotoHistory: [String]

    package init(
        place: TextAnchor? = nil, marks: [Character: TextAnchor] = [:], searchHistory: [String] = [],
        gotoHistory: [String] = []
    ) {
        self.place = place
        self.marks = marks
        self.searchHistory = searchHistory
        self.gotoHistory = gotoHistory
    }
}

/// Where the browser keeps its reading state. ReportUI does no file IO itself: the executable
/// passes an object that reads and writes a state directory, tests an in-memory one, and with
/// none the browser remembers nothing.
///
/// Both calls are made on the run loop's thread. Neither may fail: problems come back as
/// one-line notices, which the browser shows in the status line and carries on.
package protocol ReadingStateStore: AnyObject {
    /// The state saved for the report being browsed, already found again in its current text
    /// (places whose text is gone dropped, with a notice), or nil for a report never read.
    func load() -> (reading: RememberedReading?, notices: [String])

    /// Keeps `reading` as the report's state, replacing the last one saved.
    func save(_ reading: RememberedReading) -> [String]
}

/// The reader's choices that hold for every report, remembered across sessions.
package struct BrowserPreferences: Hashable, Sendable {
    package var continuousReading: Bool?
    package var treeShare: Int?
    package var sectionSizes: Bool?

    package init(continuousReading: Bool? = nil, treeShare: Int? = nil, sectionSizes: Bool? = nil) {
        self.continuousReading = continuousReading
        self.treeShare = treeShare
        self.sectionSizes = sectionSizes
    }
}

/// Preferences are optional for a store: one that keeps none answers nil and saves nothing.
package protocol PreferencesStore: AnyObject {
    func loadPreferences() -> (preferences: BrowserPreferences?, notices: [String])
    func savePreferences(_ preferences: BrowserPreferences) -> [String]
}
