import CSQLite
import Testing

/// The C tokenizer directly: the tokens FTS5 is given for a document and for a query.
@Suite struct BigramTokenizerTests {
    private func tokens(_ text: String, query: Bool) -> [String] {
        final class Sink { var tokens: [String] = [] }
        let sink = Sink()
        var bytes = Array(text.utf8)
        let status = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                rb_bigram_tokenize(
                    nil, Unmanaged.passUnretained(sink).toOpaque(), query ? FTS5_TOKENIZE_QUERY : FTS5_TOKENIZE_DOCUMENT,
                    pointer, Int32(buffer.count),
                    { context, _, token, length, _, _ in
                        let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
                        let bytes = UnsafeRawBufferPointer(start: token, count: Int(length))
                        sink.tokens.append(String(decoding: bytes, as: UTF8.self))
                        return SQLITE_OK
                    })
            }
        }
        #expect(status == SQLITE_OK)
        return sink.tokens
    }

    @Test func aDocumentGivesEachDistinctTokenOnce() {
        #expect(tokens("法治法治政府，法治", query: false) == ["法治", "治法", "治政", "政府", "府", "治"])
        #expect(tokens("ab ab ab", query: false) == ["ab", "b"])
    }

    @Test func aQueryKeepsItsBigramsInOrder() {
        #expect(tokens("法治法治", query: true) == ["法治", "治法", "法治"])
        #expect(tokens("法", query: true) == ["法"])
    }

    @Test func longTextsWithMoreTokensThanTheTableStillGiveEveryToken() {
        // Mostly distinct ASCII bigrams: the table fills up, and from then on tokens may repeat,
        // but none is lost.
        var text = ""
        for index in 0..<3_000 { text += String(index, radix: 36) + "x" }
        let emitted = tokens(text, query: false)
        var expected: [String] = []
        let scalars = Array(text.unicodeScalars)
        for index in 0..<(scalars.count - 1) { expected.append(String(scalars[index]) + String(scalars[index + 1])) }
        expected.append(String(scalars.last!))
        #expect(Set(emitted) == Set(expected))
        #expect(emitted.count < expected.count)
    }
}
