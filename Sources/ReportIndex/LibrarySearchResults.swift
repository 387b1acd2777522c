import ReportKit

/// One hit as `search` prints it.
public struct LibraryHit: Sendable, Hashable {
    /// 1-based line in the report's text.
    public let line: Int
    public let snippet: SearchSnippet
}

/// A section (or the front matter, address `front`) of one report that matched.
public struct LibrarySectionMatch: Sendable, Hashable {
    public let address: String
    public let heading: String
    public let hits: [LibraryHit]
}

/// The matching sections of one file, in document order.
public struct LibraryFileMatches: Sendable {
    public let file: LibraryFile
    public let sections: [LibrarySectionMatch]
    /// Whether the answer came from the index rather than from reading the file.
    public let fromIndex: Bool
}

public struct LibrarySearchResults: Sendable {
    /// Files with at least one matching section, in the listing's order.
    public var files: [LibraryFileMatches] = []
    /// Files that could not be read or searched, with the reason; never fatal.
    public var skipped: [SkippedPath] = []
    /// One-line remarks for stderr (an unusable index, say).
    public var notices: [String] = []
    public var filesSearched = 0
    public var filesFromIndex = 0

    public var totalHits: Int { files.reduce(0) { $0 + $1.sections.reduce(0) { $0 + $1.hits.count } } }
}
