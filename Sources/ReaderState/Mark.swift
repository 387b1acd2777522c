import FoundationEssentials

/// A place the reader marked with a letter (`m` + letter in the browser).
public struct Mark: Codable, Sendable, Hashable {
    public var place: ReadingPlace
    /// When the mark was set; decides which mark wins when two browsers set the same letter.
    public var createdAt: Date
    /// An optional name the reader gave it; lists show the place's snippet otherwise.
    public var label: String?

    public init(place: ReadingPlace, createdAt: Date, label: String? = nil) {
        self.place = place
        self.createdAt = createdAt
        self.label = label
    }

    /// What a marks list shows after the section: the label, else the text at the place.
    public var displayText: String {
        if let label, !label.isEmpty { return label }
        return place.snippet
    }
}

/// Marks keyed by letter, with deletions remembered so a merge with another browser's older
/// copy does not bring a deleted mark back.
public struct MarkTable: Codable, Sendable, Hashable {
    public private(set) var marks: [String: Mark]
    /// Letter → when it was deleted.
    public private(set) var deletions: [String: Date]

    public init(marks: [String: Mark] = [:], deletions: [String: Date] = [:]) {
        self.marks = marks
        self.deletions = deletions
    }

    public subscript(letter: Character) -> Mark? { marks[String(letter)] }

    public var isEmpty: Bool { marks.isEmpty }

    /// Marks in list order: a–z, then A–Z, then anything else.
    public var sorted: [(letter: Character, mark: Mark)] {
        marks.compactMap { key, mark in key.first.map { (letter: $0, mark: mark) } }
            .sorted { Self.listOrder($0.letter) < Self.listOrder($1.letter) }
    }

    public mutating func set(_ letter: Character, _ mark: Mark) {
        marks[String(letter)] = mark
        deletions[String(letter)] = nil
    }

    public mutating func remove(_ letter: Character, at date: Date) {
        marks[String(letter)] = nil
        deletions[String(letter)] = date
    }

    /// Per letter, the most recent event wins: a mark set or a deletion. On a tie, ours.
    public func merged(with other: MarkTable) -> MarkTable {
        var result = MarkTable()
        let letters = Set(marks.keys).union(other.marks.keys).union(deletions.keys).union(other.deletions.keys)
        for letter in letters {
            let candidates: [(date: Date, mark: Mark?)] = [
                marks[letter].map { ($0.createdAt, $0) }, deletions[letter].map { ($0, nil) },
                other.marks[letter].map { ($0.createdAt, $0) }, other.deletions[letter].map { ($0, nil) },
            ].compactMap { $0 }
            // `max(by:)` keeps the first of equal elements, and ours come first.
            guard let winner = candidates.max(by: { $0.date < $1.date }) else { continue }
            if let mark = winner.mark { result.marks[letter] = mark } else { result.deletions[letter] = winner.date }
        }
        return result
    }

    private static func listOrder(_ letter: Character) -> (Int, String) {
        if letter.isLowercase { return (0, String(letter)) }
        if letter.isUppercase { return (1, String(letter)) }
        return (2, String(letter))
    }
}
