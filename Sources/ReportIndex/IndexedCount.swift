import ReportKit

/// The index's side of `search --count`: how many pieces (front matter, sections) of each file
/// match, without placing a hit. When every term is one indexed bigram, a piece matches exactly
/// when the bigram is one of its tokens (the tokenizer makes a token of every two consecutive
/// indexed scalars of the folded piece, and the matcher looks for the folded term in the same
/// folded piece), so the bigrams' rows in `terms` are the answer and no piece is read; each row
/// id falls in the piece range of its file's record. Other queries confirm every candidate
/// piece on its stored folded bytes, as the search does.
struct IndexedCount {
    struct Answer {
        /// By position in the files searched: for every file the index holds as it is now, its
        /// number of matching pieces, possibly 0; nil for the others.
        var counts: [Int?] = []
        /// Current files recorded as unreadable (by position), with the reason.
        var failures: [Int: String] = [:]
        /// Whether the counts came from the bigram postings alone.
        var fromPostings = false
    }

    /// All the index says, read before the files searched are known (so that it can be read
    /// while the folders are walked): every record, and the matching pieces of every file.
    struct Reading: Sendable {
        let records: RecordTable
        /// Matching pieces by position in `records`.
        let counts: [Int]
        let fromPostings: Bool
    }

    let store: IndexStore
    let query: SearchQuery

    func run(for files: [LibraryFile]) throws -> Answer {
        Self.answer(try read(), for: files)
    }

    func read() throws -> Reading {
        try read(records: Self.beginReading(store))
    }

    /// Opens the snapshot a count reads and reads every record in it; `read(records:)` ends it.
    /// Apart, so that the records (which need no query) can be read before the command line
    /// is parsed (`CountReadAhead`).
    static func beginReading(_ store: IndexStore) throws -> RecordTable {
        // Every page is read once, in order: a few cached pages are reused instead of a new
        // buffer allocated for each of a thousand (each growing a thread's heap by a syscall).
        try store.database.execute("PRAGMA cache_size=64")
        // One snapshot for the file rows and the postings, as in `IndexedSearch`.
        try store.database.execute("BEGIN")
        do {
            return try store.recordTable()
        } catch {
            try? store.database.execute("COMMIT")
            throw error
        }
    }

    /// The matching pieces of every file, in the snapshot `beginReading` opened, which ends here.
    func read(records: RecordTable) throws -> Reading {
        defer { try? store.database.execute("COMMIT") }
        let searcher = PieceSearcher(query: query)
        let none = [Int](repeating: 0, count: records.count)
        guard !searcher.needles.isEmpty else { return Reading(records: records, counts: none, fromPostings: false) }
        if Self.isAnsweredByPostings(searcher.needles), let expression = IndexedSearch.matchExpression(for: searcher.needles) {
            return Reading(records: records, counts: try countPostings(expression, records: records.records), fromPostings: true)
        }
        let byID = try countConfirmed(searcher)
        return Reading(records: records, counts: records.records.map { byID[$0.id] ?? 0 }, fromPostings: false)
    }

    /// The counts of the files that are current in the index.
    static func answer(_ reading: Reading, for files: [LibraryFile]) -> Answer {
        var answer = Answer(counts: [Int?](repeating: nil, count: files.count), fromPostings: reading.fromPostings)
        var next: Int?
        for (position, file) in files.enumerated() {
            guard let found = reading.records.position(of: file.absolutePath, guessing: next) else { continue }
            next = found + 1
            let record = reading.records.records[found]
            guard record.isCurrent(for: file) else { continue }
            if let failure = record.failure {
                answer.failures[position] = failure
            } else {
                answer.counts[position] = reading.counts[found]
            }
        }
        return answer
    }

    /// Whether every folded term is exactly two scalars that are both indexed: then the term
    /// occurs in a piece exactly when its one bigram token does.
    static func isAnsweredByPostings(_ needles: [[UInt8]]) -> Bool {
        needles.allSatisfy { needle in
            guard !needle.contains(0) else { return false }
            let scalars = Array(String(decoding: needle, as: UTF8.self).unicodeScalars)
            return scalars.count == 2 && scalars.allSatisfy(IndexedSearch.isIndexed)
        }
    }

    private func countPostings(_ expression: String, records: [SearchRecord]) throws -> [Int] {
        let statement = try store.database.prepare("SELECT rowid FROM terms WHERE terms MATCH ?")
        try statement.bind(.text(expression))
        var counter = PieceRangeCounter(records: records)
        while try statement.step() { counter.add(statement.integer(0)) }
        return counter.counts
    }

    /// How many of `rows` fall in each record's piece range (0 for a record of an unreadable
    /// file), by position in `records`.
    static func countRows(_ rows: [Int64], in records: [SearchRecord]) -> [Int] {
        var counter = PieceRangeCounter(records: records)
        for row in rows { counter.add(row) }
        return counter.counts
    }

    /// The matcher on each candidate's stored folded bytes; only the count is kept.
    private func countConfirmed(_ searcher: PieceSearcher) throws -> [Int64: Int] {
        let statement = try IndexedSearch.candidates(
            "SELECT file, folded FROM pieces", for: searcher.needles, in: store.database)
        var counts: [Int64: Int] = [:]
        while try statement.step() {
            guard statement.withBytes(1, { searcher.foldedHits(inFolded: $0) }) != nil else { continue }
            counts[statement.integer(0), default: 0] += 1
        }
        return counts
    }
}
