import ReportKit

/// One hit as `search` prints it. The snippet is cut when it is first read, not when the hit
/// is found: a common word hits hundreds of thousands of times in a library, and a list shows
/// a screenful of them (the CLI prints them all, one by one, and pays as it goes).
public struct LibraryHit: Sendable, Hashable {
    /// 1-based line in the report's text.
    public let line: Int
    private let source: SnippetSource
    private let range: Range<Int>

    public var snippet: SearchSnippet { source.report.snippet(around: range) }

    /// - Parameter range: the hit's UTF-8 byte range in `source`'s text.
    init(line: Int, range: Range<Int>, in source: SnippetSource) {
        self.line = line
        self.range = range
        self.source = source
    }

    public static func == (left: LibraryHit, right: LibraryHit) -> Bool {
        left.line == right.line && left.snippet == right.snippet
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        hasher.combine(snippet)
    }
}

/// The text snippets are cut from, shared by the hits in it: a whole report when the file was
/// read, one piece of it when the answer came from the index.
final class SnippetSource: Sendable {
    let report: Report

    init(_ report: Report) {
        self.report = report
    }
}

/// A section (or the front matter, address `front`) of one report that matched: its hits
/// counted, and placed (lines, snippets) only when asked for, since a result list shows the
/// counts of every section but the hits of one screen.
public struct LibrarySectionMatch: Sendable, Hashable {
    public let address: String
    public let heading: String
    public let hitCount: Int
    private let placement: HitPlacement

    /// Every hit, placed now (a line count over the piece up to its last hit; not kept, so
    /// read it once).
    public var hits: [LibraryHit] { placement.hits(limit: .max) }

    /// The first `limit` hits, placed without looking beyond them.
    public func hits(prefix limit: Int) -> [LibraryHit] { placement.hits(limit: limit) }

    init(address: String, heading: String, hits: [LibraryHit]) {
        self.address = address
        self.heading = heading
        hitCount = hits.count
        placement = HitPlacement(.placed(hits))
    }

    init(address: String, heading: String, placement: HitPlacement) {
        self.address = address
        self.heading = heading
        hitCount = placement.count
        self.placement = placement
    }

    public static func == (left: LibrarySectionMatch, right: LibrarySectionMatch) -> Bool {
        left.address == right.address && left.heading == right.heading && left.hits == right.hits
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(address)
        hasher.combine(heading)
        hasher.combine(hitCount)
    }
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

    public var totalHits: Int { files.reduce(0) { $0 + $1.sections.reduce(0) { $0 + $1.hitCount } } }
}

extension LibraryHit {
    /// `snippet.text` with `marks` around the hit, written at the end of `output`.
    public func appendSnippet(marks: (open: [UInt8], close: [UInt8]), to output: inout [UInt8]) {
        source.report.appendSnippet(around: range, marks: marks, to: &output)
    }
}
