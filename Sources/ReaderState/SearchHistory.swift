import FoundationEssentials

/// Past search queries, most recent last, each query once, at most `limit` of them.
///
/// Every entry keeps when it was last used, so two browsers' histories merge into one true
/// order instead of one list simply overwriting the other.
public struct SearchHistory: Codable, Sendable, Hashable {
    public struct Entry: Codable, Sendable, Hashable {
        public let query: String
        public let usedAt: Date
    }

    public static let defaultLimit = 100

    /// Oldest first.
    public private(set) var entries: [Entry]
    public let limit: Int

    public init(entries: [Entry] = [], limit: Int = SearchHistory.defaultLimit) {
        self.limit = max(1, limit)
        self.entries = []
        for entry in entries { record(entry.query, at: entry.usedAt) }
    }

    /// Oldest first, the most recent query last (what Up recalls first).
    public var queries: [String] { entries.map(\.query) }

    /// Adds a query as the most recent one; a repeated query moves to the end. Blank queries
    /// are not history.
    public mutating func record(_ query: String, at date: Date) {
        guard !query.trimmingWhitespace().isEmpty else { return }
        let earlierUse = entries.first { $0.query == query }?.usedAt
        let date = max(date, earlierUse ?? date)
        entries.removeAll { $0.query == query }
        let position = entries.lastIndex { $0.usedAt <= date }.map { $0 + 1 } ?? 0
        entries.insert(Entry(query: query, usedAt: date), at: position)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
    }

    /// Both histories in order of last use, each query at its latest use.
    public func merged(with other: SearchHistory) -> SearchHistory {
        var result = self
        for entry in other.entries { result.record(entry.query, at: entry.usedAt) }
        return result
    }

    public init(from decoder: any Decoder) throws {
        self.init(entries: try decoder.singleValueContainer().decode([Entry].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(entries)
    }
}
