import CSQLite
import ReportKit

/// One file made ready for the index away from the SQLite writer: read, checked that it did not
/// change meanwhile, hashed and, unless its hash says it is a touched or renamed file, parsed and
/// cut into folded pieces. The writer only decides what the hash means and inserts.
struct PreparedFile: Sendable {
    enum Content: Sendable {
        /// Could not be read or decoded.
        case unreadable(reason: String)
        /// Its size or time changed while it was read: half old, half new, so not indexed.
        case changedWhileRead
        /// Read as it is on disk; `report` is nil when the hash was already known, so parsing
        /// was skipped (the writer parses after all if the hash turns out not to help).
        case read(hash: String, report: PreparedReport?)
    }

    let file: LibraryFile
    let content: Content
}

/// What the index stores of a parsed report.
struct PreparedReport: Sendable {
    let summary: ReportSummary
    let textBytes: Int
    let pieces: [PreparedPiece]
}

/// A non-empty search piece with what the `pieces` row and its bigrams need.
struct PreparedPiece: Sendable {
    let position: Int
    let address: String
    let heading: String
    let line: Int
    let text: String
    let folded: FoldedPiece
    /// The bigram tokenizer's tokens of `folded`, packed (`rb_bigram_pack`), made here rather
    /// than by the writer; the folded bytes themselves when they could not be packed.
    let terms: [UInt8]

    init(position: Int, address: String, heading: String, line: Int, text: String, folded: FoldedPiece) {
        self.position = position
        self.address = address
        self.heading = heading
        self.line = line
        self.text = text
        self.folded = folded
        terms = Self.packedTerms(of: folded.bytes)
    }

    static func packedTerms(of folded: [UInt8]) -> [UInt8] {
        guard !folded.isEmpty, folded.count < Int(Int32.max) / 4 else { return folded }
        let capacity = folded.count * 3 + 16
        // Packed into scratch space and kept at their exact size: they wait for the terms'
        // thread, and 3 × the folded bytes (ASCII's worst case) would be a third too much for
        // Chinese text.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { scratch in
            let used = folded.withUnsafeBufferPointer { source in
                source.baseAddress!.withMemoryRebound(to: CChar.self, capacity: source.count) { text in
                    rb_bigram_pack(text, Int32(source.count), scratch.baseAddress, Int32(capacity))
                }
            }
            guard used > 0 else { return folded }
            return Array(UnsafeBufferPointer(rebasing: scratch[..<Int(used)]))
        }
    }
}

/// Hashes the writer already has a use for: a record's own hash (a touched file) and those of
/// records whose file is gone (a rename). Taken once before the run; a file whose hash is in
/// here is not parsed by a worker.
struct KnownHashes: Sendable {
    let byPath: [String: String]
    let vanished: Set<String>

    func makesParsingNeedless(_ hash: String, path: String) -> Bool {
        byPath[path] == hash || vanished.contains(hash)
    }
}

enum FilePreparation {
    /// - Parameter afterReading: the tests' hook between reading and the second stat.
    static func prepare(
        _ file: LibraryFile, known: KnownHashes?, folder: inout PieceFolder,
        afterReading: (@Sendable (String) -> Void)?
    ) -> PreparedFile {
        let text: String
        do {
            text = try ReportOpening.decodedText(path: file.absolutePath)
        } catch {
            return PreparedFile(file: file, content: .unreadable(reason: error.reason))
        }
        afterReading?(file.absolutePath)
        // A file written while we read it may be half old, half new: leave it out (a search
        // scans it, since its record, if any, is not current) and let the next run take it.
        guard let after = LibraryFiles.currentStat(absolutePath: file.absolutePath),
            after.size == file.size, after.modified == file.modified
        else {
            return PreparedFile(file: file, content: .changedWhileRead)
        }
        let hash = ContentHash.of(text)
        if let known, known.makesParsingNeedless(hash, path: file.absolutePath) {
            return PreparedFile(file: file, content: .read(hash: hash, report: nil))
        }
        return PreparedFile(file: file, content: .read(hash: hash, report: prepareReport(text, file: file, folder: &folder)))
    }

    static func prepareReport(_ text: String, file: LibraryFile, folder: inout PieceFolder) -> PreparedReport {
        let report = ReportParser.parse(text)
        let name = String(file.displayPath.split(separator: "/").last ?? Substring(file.displayPath))
        var pieces: [PreparedPiece] = []
        for (position, piece) in report.searchPieces.enumerated() where !piece.range.isEmpty {
            let text = String(report.slice(piece.range))
            let label = PieceLabel(report: report, section: piece.section)
            pieces.append(PreparedPiece(
                position: position, address: label.address, heading: label.heading,
                line: report.lines.line(at: piece.range.lowerBound), text: text, folded: folder.foldedPiece(text)))
        }
        return PreparedReport(
            summary: ReportSummary(report: report, fileName: name), textBytes: report.text.utf8.count, pieces: pieces)
    }
}
