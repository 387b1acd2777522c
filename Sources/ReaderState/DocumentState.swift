import FoundationEssentials

/// Everything remembered about reading one document, stored as one JSON file per document.
///
/// Decoding is lenient about missing fields (a hand-edited or older file still loads); the
/// format version tells a file from a newer program, which `StateStore` leaves alone.
public struct DocumentState: Codable, Sendable, Hashable {
    /// Bump when a field changes meaning; adding an optional field does not need it.
    public static let currentFormatVersion = 1
    public static let jumpHistoryLimit = 100

    public private(set) var formatVersion: Int
    /// `DocumentIdentity.hash` of the text the places were taken in.
    public var documentHash: String
    /// The file last opened with this state, absolute. Lets an edited file find its old state.
    public var documentPath: String?
    /// Set by `StateStore.save`.
    public var savedAt: Date?
    /// The selected section when the browser closed.
    public var selection: ReadingPlace?
    /// The top of the text the reader was reading.
    public var readingPosition: ReadingPlace?
    public var marks: MarkTable
    public var searchHistory: SearchHistory
    /// Past go-to prompt entries (addresses, heading words), kept like the search queries.
    /// Optional so that files written before it existed load unchanged and stay as they were.
    public var gotoHistory: SearchHistory?
    /// Places jumped from, oldest first; nil if the browser does not keep it across sessions.
    public var jumpHistory: [ReadingPlace]?

    public init(identity: DocumentIdentity, documentPath: String? = nil) {
        self.init(documentHash: identity.hash, documentPath: documentPath)
    }

    public init(documentHash: String, documentPath: String? = nil) {
        formatVersion = Self.currentFormatVersion
        self.documentHash = documentHash
        self.documentPath = documentPath
        marks = MarkTable()
        searchHistory = SearchHistory()
    }

    public mutating func setMark(_ letter: Character, at place: ReadingPlace, date: Date = Date(), label: String? = nil) {
        marks.set(letter, Mark(place: place, createdAt: date, label: label))
    }

    public mutating func deleteMark(_ letter: Character, date: Date = Date()) {
        marks.remove(letter, at: date)
    }

    public mutating func recordSearch(_ query: String, date: Date = Date()) {
        searchHistory.record(query, at: date)
    }

    public mutating func recordGoto(_ entry: String, date: Date = Date()) {
        var history = gotoHistory ?? SearchHistory()
        history.record(entry, at: date)
        gotoHistory = history
    }

    public mutating func recordJump(from place: ReadingPlace) {
        var history = jumpHistory ?? []
        history.append(place)
        if history.count > Self.jumpHistoryLimit { history.removeFirst(history.count - Self.jumpHistoryLimit) }
        jumpHistory = history
    }

    /// Combines this (newer, about to be saved) state with what another browser saved meanwhile:
    /// marks by letter with the most recent change winning, search and go-to histories unioned, and this
    /// browser's position, since it is the one closing last.
    public func merged(with stored: DocumentState) -> DocumentState {
        var result = self
        result.marks = marks.merged(with: stored.marks)
        result.searchHistory = searchHistory.merged(with: stored.searchHistory)
        result.selection = selection ?? stored.selection
        result.readingPosition = readingPosition ?? stored.readingPosition
        result.jumpHistory = jumpHistory ?? stored.jumpHistory
        if let stored = stored.gotoHistory {
            result.gotoHistory = gotoHistory.map { $0.merged(with: stored) } ?? stored
        }
        result.documentPath = documentPath ?? stored.documentPath
        return result
    }

    /// Marks the state as written now in the current format, for `StateStore`.
    mutating func stamp(savedAt date: Date) {
        formatVersion = Self.currentFormatVersion
        savedAt = date
    }

    private enum CodingKeys: String, CodingKey {
        case formatVersion, documentHash, documentPath, savedAt, selection, readingPosition
        case marks, deletedMarks, searchHistory, jumpHistory, gotoHistory
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        documentHash = try container.decode(String.self, forKey: .documentHash)
        documentPath = try container.decodeIfPresent(String.self, forKey: .documentPath)
        savedAt = try container.decodeIfPresent(Date.self, forKey: .savedAt)
        selection = try container.decodeIfPresent(ReadingPlace.self, forKey: .selection)
        readingPosition = try container.decodeIfPresent(ReadingPlace.self, forKey: .readingPosition)
        marks = MarkTable(
            marks: try container.decodeIfPresent([String: Mark].self, forKey: .marks) ?? [:],
            deletions: try container.decodeIfPresent([String: Date].self, forKey: .deletedMarks) ?? [:])
        searchHistory = try container.decodeIfPresent(SearchHistory.self, forKey: .searchHistory) ?? SearchHistory()
        jumpHistory = try container.decodeIfPresent([ReadingPlace].self, forKey: .jumpHistory)
        gotoHistory = try container.decodeIfPresent(SearchHistory.self, forKey: .gotoHistory)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(documentHash, forKey: .documentHash)
        try container.encodeIfPresent(documentPath, forKey: .documentPath)
        try container.encodeIfPresent(savedAt, forKey: .savedAt)
        try container.encodeIfPresent(selection, forKey: .selection)
        try container.encodeIfPresent(readingPosition, forKey: .readingPosition)
        try container.encode(marks.marks, forKey: .marks)
        try container.encode(marks.deletions, forKey: .deletedMarks)
        try container.encode(searchHistory, forKey: .searchHistory)
        try container.encodeIfPresent(jumpHistory, forKey: .jumpHistory)
        try container.encodeIfPresent(gotoHistory, forKey: .gotoHistory)
    }
}
