import ReportKit

/// The tables of the index. `version` goes up with any change to them or to what is stored;
/// a change of folding is caught by `foldingFingerprint` without one.
enum IndexSchema {
    static let version = 3
    /// Bumped with the tokenizer's rules: an index from other rules is rebuilt.
    static let tokenizer = "report_bigram-2"

    static let statements = [
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        // One row per file seen. `failure` is why it could not be read (then no pieces);
        // title/date/issuer are for the library list. Its pieces have the consecutive ids
        // first_piece ..< first_piece + piece_count (version 3), so a bigram's rows in `terms`
        // lead to their files without reading `pieces` (`search --count`).
        """
        CREATE TABLE files(
            id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,
            modified INTEGER NOT NULL, hash TEXT NOT NULL, failure TEXT,
            title TEXT NOT NULL DEFAULT '', date TEXT NOT NULL DEFAULT '',
            issuer TEXT NOT NULL DEFAULT '', text_bytes INTEGER NOT NULL DEFAULT 0,
            first_piece INTEGER NOT NULL DEFAULT 0, piece_count INTEGER NOT NULL DEFAULT 0)
        """,
        "CREATE INDEX files_by_hash ON files(hash)",
        // The front matter (position 0) and each section's own text (position = index + 1),
        // kept so that a query confirms candidates and cuts snippets without opening files;
        // with its folded bytes and their offset map back to `text` (`FoldedPiece`, version 2),
        // so that a query only searches bytes and reads `text` for the pieces that hit.
        """
        CREATE TABLE pieces(
            id INTEGER PRIMARY KEY, file INTEGER NOT NULL, position INTEGER NOT NULL,
            address TEXT NOT NULL, heading TEXT NOT NULL, line INTEGER NOT NULL, text TEXT NOT NULL,
            folded BLOB NOT NULL, fold_map BLOB NOT NULL)
        """,
        "CREATE INDEX pieces_by_file ON pieces(file, position)",
        termsTable,
    ]

    /// Bigrams of each piece's folded text. Contentless (the text is in `pieces`), without
    /// positions (candidates are confirmed by the matcher anyway): the smallest, fastest index.
    /// A first build makes it in a file of its own (`SeparateTerms`).
    static let termsTable = """
        CREATE VIRTUAL TABLE terms USING fts5(
            folded, content='', detail=none, columnsize=0, tokenize='report_bigram')
        """

    /// Folded forms of characters that folding treats specially. An index built with other
    /// folding (a newer ReportKit, say) holds bigrams a query would not produce, so it counts as
    /// stale and is rebuilt. Computed once: folding is fixed for a process, and every search
    /// opening the index checks it.
    static let foldingFingerprint: String = {
        // Cherokee and U+1C80 since folding moved from Foundation to ICU, which folds them
        // differently (FoundationFoldingParityTests).
        let probe = "ＡＢＣ abc（一）㈠⑴ ⅷ ﬁ Café ｶﾞ 法治\n政府 臺灣 ⼈ 〇 ：； Ꭰꭰ ᲀ"
        return ContentHash.of(SearchIndex.fold(probe) + tokenizer)
    }()
}
