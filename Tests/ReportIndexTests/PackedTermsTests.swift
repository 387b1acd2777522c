import CSQLite
import Foundation
@testable import ReportIndex
import Testing

/// Pieces are tokenized on the preparing threads and handed to FTS5 packed; the tokenizer must
/// then give exactly what it gives for the folded text, by which rows are later forgotten.
@Suite struct PackedTermsTests {
    private func documentTokens(_ bytes: [UInt8]) -> [[UInt8]] {
        final class Sink { var tokens: [[UInt8]] = [] }
        let sink = Sink()
        var bytes = bytes
        let status = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                rb_bigram_tokenize(
                    nil, Unmanaged.passUnretained(sink).toOpaque(), FTS5_TOKENIZE_DOCUMENT, pointer, Int32(buffer.count),
                    { context, _, token, length, _, _ in
                        let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
                        sink.tokens.append(Array(UnsafeRawBufferPointer(start: token, count: Int(length))))
                        return SQLITE_OK
                    })
            }
        }
        #expect(status == SQLITE_OK)
        return sink.tokens
    }

    @Test func packedTermsTokenizeToTheFoldedTextsOwnTokens() {
        var state: UInt64 = 15
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let alphabet = Array("法治政府建设，。：（一）abcAB 12\n😀〇臺灣".unicodeScalars)
        var texts = ["法治法治政府，法治", "ab ab ab", "法", "😀😀a😀", String(repeating: "xyzw", count: 3000)]
        for _ in 0..<200 {
            let length = Int(next() % 300) + 1
            texts.append(String(String.UnicodeScalarView((0..<length).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] })))
        }
        for text in texts {
            let folded = Array(text.utf8)
            let packed = PreparedPiece.packedTerms(of: folded)
            #expect(packed.first == 0xFF, "packed, not passed through: \(text.prefix(20))")
            #expect(documentTokens(packed) == documentTokens(folded), "\(text.prefix(40))")
        }
    }

    @Test func aRowAddedPackedIsForgottenThroughItsFoldedText() throws {
        let database = try Database(path: ":memory:", create: true)
        try database.execute("CREATE VIRTUAL TABLE terms USING fts5(folded, content='', detail=none, columnsize=0, tokenize='report_bigram')")
        try database.execute("CREATE VIRTUAL TABLE vocabulary USING fts5vocab(terms, 'row')")
        let kept = Array("政府工作报告".utf8)
        let forgotten = Array("法治政府建设，法治".utf8)
        let add = try database.prepare("INSERT INTO terms(rowid, folded) VALUES (?, ?)")
        try add.run(.integer(1), .bytes(PreparedPiece.packedTerms(of: kept)))
        try add.run(.integer(2), .bytes(PreparedPiece.packedTerms(of: forgotten)))
        func vocabulary() throws -> [String] {
            let rows = try database.prepare("SELECT term, doc FROM vocabulary ORDER BY term")
            var terms: [String] = []
            while try rows.step() { terms.append("\(rows.text(0)):\(rows.integer(1))") }
            return terms
        }
        let before = try vocabulary()
        #expect(before.contains("法治:1"), "\(before)")
        try database.prepare("INSERT INTO terms(terms, rowid, folded) VALUES ('delete', ?, ?)").run(.integer(2), .bytes(forgotten))
        let expected = ["作报:1", "告:1", "报告:1", "政府:1", "工作:1", "府工:1"]
        let after = try vocabulary()
        #expect(after == expected.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        let matches = try database.prepare("SELECT rowid FROM terms WHERE terms MATCH '\"政府\"'")
        var rows: [Int64] = []
        while try matches.step() { rows.append(matches.integer(0)) }
        #expect(rows == [1])
    }
}
