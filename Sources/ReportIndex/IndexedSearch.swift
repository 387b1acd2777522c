import ReportKit

/// The index's side of a library search: which pieces may match, then the matcher on each.
struct IndexedSearch {
    struct Answer {
        /// For every file the index holds as it is now (by its position in the files searched):
        /// its matching sections, possibly none. Positions, not paths: hashing a path with
        /// Chinese in it normalises it first, and this is looked up for every file of a library.
        var matches: [Int: [LibrarySectionMatch]] = [:]
        /// Current files recorded as unreadable (by position), with the reason.
        var failures: [Int: String] = [:]
    }

    let store: IndexStore
    let query: SearchQuery

    func run(for files: [LibraryFile]) throws -> Answer {
        var answer = Answer()
        // One read transaction: the file rows and the pieces come from the same snapshot even
        // when an `index` run commits meanwhile.
        try store.database.execute("BEGIN")
        defer { try? store.database.execute("COMMIT") }
        let current = try CurrentFiles(files, records: store.searchRecords())
        answer.failures = current.failures
        let currentByID = current.positionsByID
        for position in currentByID.values.joined() { answer.matches[position] = [] }
        guard !currentByID.isEmpty else { return answer }
        let searcher = PieceSearcher(query: query)
        guard !searcher.needles.isEmpty else { return answer }
        var found: [Int64: [(position: Int, match: LibrarySectionMatch)]] = [:]
        let statement = try candidates(for: searcher.needles)
        while try statement.step() {
            let fileID = statement.integer(0)
            guard currentByID[fileID] != nil else { continue }
            // The stored folding is searched where it lies; the text is copied out only for a
            // hit, and the hits are counted here but mapped back to the text only when placed.
            guard let stored = statement.withBytes(6, { searcher.foldedHits(inFolded: $0) }) else { continue }
            let placement = HitPlacement(.folded(
                text: statement.withBytes(5) { Array($0) }, firstLine: Int(statement.integer(4)), hits: stored,
                map: statement.withBytes(7) { Array($0) }, query: query))
            let match = LibrarySectionMatch(address: statement.text(2), heading: statement.text(3), placement: placement)
            found[fileID, default: []].append((Int(statement.integer(1)), match))
        }
        for (fileID, pieces) in found {
            let sections = pieces.sorted { $0.position < $1.position }.map(\.match)
            for position in currentByID[fileID] ?? [] { answer.matches[position] = sections }
        }
        return answer
    }

    private func candidates(for needles: [[UInt8]]) throws -> Statement {
        try Self.candidates(
            "SELECT file, position, address, heading, line, text, folded, fold_map FROM pieces",
            for: needles, in: store.database)
    }

    /// `select` (columns of `pieces`) narrowed to the pieces holding every bigram of every term
    /// of two or more characters, and for a one-character term some bigram starting with it
    /// (or that character ending the piece); every piece when no term narrows the search.
    static func candidates(_ select: String, for needles: [[UInt8]], in database: Database) throws -> Statement {
        guard let expression = matchExpression(for: needles) else {
            return try database.prepare(select)
        }
        let statement = try database.prepare(select + " WHERE id IN (SELECT rowid FROM terms WHERE terms MATCH ?)")
        try statement.bind(.text(expression))
        return statement
    }

    /// The FTS5 query: each bigram a quoted string (one token for the bigram tokenizer), all
    /// of them required; nil when no term can narrow the search (then every piece is checked).
    /// Bigrams with punctuation or spaces are not in the index, so they are left out here too.
    static func matchExpression(for needles: [[UInt8]]) -> String? {
        let clauses = matchClauses(for: needles)
        return join(clauses.bigrams + clauses.prefixes)
    }

    /// The clauses of `matchExpression`, apart: the quoted bigrams of terms of two or more
    /// characters, and the prefix queries (`"法"*`) of one-character terms. A prefix query
    /// makes FTS5 merge the doclist of every token it covers before its first row, which for
    /// a common character is most of a query's time.
    static func matchClauses(for needles: [[UInt8]]) -> (bigrams: [String], prefixes: [String]) {
        var bigrams: [String] = []
        var prefixes: [String] = []
        for needle in needles where !needle.contains(0) {
            let scalars = Array(String(decoding: needle, as: UTF8.self).unicodeScalars)
            if scalars.count == 1 {
                if isIndexed(scalars[0]) { prefixes.append(quoted(String(scalars[0])) + "*") }
                continue
            }
            for index in 0..<(scalars.count - 1) where isIndexed(scalars[index]) && isIndexed(scalars[index + 1]) {
                var bigram = String(scalars[index])
                bigram.unicodeScalars.append(scalars[index + 1])
                bigrams.append(quoted(bigram))
            }
        }
        var seen = Set<String>()
        return (bigrams.filter { seen.insert($0).inserted }, prefixes.filter { seen.insert($0).inserted })
    }

    /// All of the clauses required; nil for none.
    static func join(_ clauses: [String]) -> String? {
        clauses.isEmpty ? nil : clauses.joined(separator: " AND ")
    }

    /// The same test as the tokenizer's `rb_is_indexed` (Sources/CSQLite/shim.h).
    static func isIndexed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        return !((0x2000...0x206F).contains(value) || (0x3000...0x303F).contains(value)
            || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF0F).contains(value))
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}

/// A piece's stored text, standing in for the report it came from: a report whose front
/// matter is the piece gives the same snippets, since snippets never leave their piece.
struct PieceText {
    let source: SnippetSource
    let firstLine: Int

    init(text: String, firstLine: Int) {
        let count = text.utf8.count
        // Snippets never look at the line table; lines are counted per hit instead.
        source = SnippetSource(Report(
            text: text, lines: LineTable(utf8: EmptyCollection<UInt8>()), title: "", metadata: [],
            frontRange: 0..<count, preambleStart: 0, sections: [], roots: []))
        self.firstLine = firstLine
    }

    /// The line of each offset, in one pass over the text up to the last.
    /// - Precondition: `offsets` ascend, as hits in document order do.
    func lines(at offsets: [Int]) -> [Int] {
        var text = source.report.text
        return text.withUTF8 { bytes in
            var lines: [Int] = []
            lines.reserveCapacity(offsets.count)
            var line = firstLine
            var position = 0
            for offset in offsets {
                let target = min(max(offset, position), bytes.count)
                while position < target {
                    if bytes[position] == 0x0A { line += 1 }
                    position += 1
                }
                lines.append(line)
            }
            return lines
        }
    }
}

private extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
