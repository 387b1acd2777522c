import Foundation
import ReportTestSupport
import Testing
@testable import ReportKit

/// `LeanFileSearch` answers a one-file search from the bytes and a lean scan: its sections,
/// hits, lines, addresses, headings and snippets must be those of the search of the parsed
/// report, on texts of every structure the parser knows and on random ones; and it must give
/// way to the usual path for every file whose text is not its bytes.
@Suite struct LeanFileSearchTests {
    struct Row: Equatable, CustomStringConvertible {
        let section: Int?
        let address: String
        let heading: String
        let hits: [String]

        var description: String { "\(section.map(String.init) ?? "front") \(address) \(heading) \(hits)" }
    }

    static func hitText(line: Int, _ snippet: SearchSnippet) -> String {
        "\(line): \(snippet.text[..<snippet.highlight.lowerBound])[\(snippet.text[snippet.highlight])]\(snippet.text[snippet.highlight.upperBound...])"
    }

    /// What the usual path prints: the unindexed search of the parsed report, then its rows.
    static func expectedRows(_ search: UnindexedSearch, _ text: String) -> [Row] {
        let report = ReportParser.parse(text)
        return search.sections(in: report, candidates: search.candidates(in: text)).map { match in
            Row(
                section: match.section, address: match.section.map { report.sections[$0].address } ?? "",
                heading: match.section.map { OutlineExport.displayHeading(report.sections[$0]) } ?? report.title,
                hits: match.hits.map { hitText(line: $0.line, report.snippet(for: $0)) })
        }
    }

    static func rows(_ found: [LeanSectionHits]) -> [Row] {
        found.map { Row(section: $0.section, address: $0.address, heading: $0.heading, hits: $0.hits.map { hitText(line: $0.line, $0.snippet) }) }
    }

    static func leanScan(_ bytes: UnsafeBufferPointer<UInt8>) -> LeanScan {
        var scan = LineScan<LeanSectionStore>(text: nil, bytes: bytes)
        return scan.runLean()
    }

    /// Queries drawn from the text itself (one to three ideographs at random places, one or two
    /// terms), so that most have hits, plus a few fixed ones.
    static func queries(for text: String, using generator: inout SplitMix64) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let ideographs = scalars.indices.filter { (0x4000...0x9FFF).contains(scalars[$0].value) }
        var queries = ["一", "工作", "第一条 修改"]
        guard !ideographs.isEmpty else { return queries }
        for round in 0..<6 {
            var terms: [String] = []
            for _ in 0..<(round % 3 == 2 ? 2 : 1) {
                let start = ideographs[Int(generator.next() % UInt64(ideographs.count))]
                let length = 1 + Int(generator.next() % 3)
                var term = String.UnicodeScalarView()
                term.append(contentsOf: scalars[start..<min(scalars.count, start + length)].filter { !$0.properties.isWhitespace })
                terms.append(String(term))
            }
            queries.append(terms.joined(separator: " "))
        }
        return queries
    }

    /// The texts of `BytesFirstParseTests` (corpus, seed, the parser's special shapes, random
    /// reports), and longer random documents: several random reports run together, so that
    /// numbering restarts, skips and mixes styles across thousands of lines.
    static func texts() throws -> [(String, String)] {
        var texts = try BytesFirstParseTests.texts()
        var generator = SplitMix64(seed: 0x1EA4D0C5)
        for number in 0..<40 {
            let parts = (0..<(4 + Int(generator.next() % 12))).map { _ in FuzzInputs.reportText(using: &generator) }
            texts.append(("joined \(number)", parts.joined(separator: "\n")))
        }
        // A CR keeps a file off the lean path (`mayDecodeToItself`): taken out, the rest of
        // each text still counts.
        return texts.map { label, text in
            var kept = String.UnicodeScalarView()
            kept.append(contentsOf: text.unicodeScalars.filter { $0 != "\r" })
            return (label, String(kept))
        }
    }

    @Test func theLeanSearchIsTheSearchOfTheParsedReport() throws {
        var generator = SplitMix64(seed: 0x1EA45EA)
        var compared = 0
        var withHits = 0
        for (label, text) in try Self.texts() where !text.utf8.contains(0x0D) {
            let bytes = Array(text.utf8)
            try bytes.withUnsafeBufferPointer { buffer in
                let scan = Self.leanScan(buffer)
                for query in Self.queries(for: text, using: &generator) {
                    guard let search = UnindexedSearch(query: SearchQuery(query)) else { continue }
                    let expected = Self.expectedRows(search, text)
                    let found = try #require(search.leanSections(in: buffer, scan: scan, candidates: search.candidates(inBytes: buffer)), "\(label) \(query)")
                    #expect(Self.rows(found.sections) == expected, "\(label) \(query)")
                    #expect(found.total == expected.reduce(0) { $0 + $1.hits.count }, "\(label) \(query)")
                    compared += 1
                    if !expected.isEmpty { withHits += 1 }
                }
            }
        }
        #expect(compared > 1000)
        #expect(withHits > compared / 2)
    }

    /// Every section, not only those with hits: the lean store's addresses, headings, lines and
    /// own ranges are the parsed report's, and so are the line table and the title.
    @Test func theLeanStoreDescribesEverySectionOfTheParse() throws {
        var sections = 0
        for (label, text) in try Self.texts() where !text.utf8.contains(0x0D) {
            let report = ReportParser.parse(text)
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let scan = Self.leanScan(buffer)
                let store = scan.store
                #expect(store.count == report.sections.count, "\(label)")
                #expect(store.roots == report.roots, "\(label)")
                #expect(scan.lines.starts == report.lines.starts && scan.front.title == report.title, "\(label)")
                let lookup = PieceLookup(report: report)
                for offset in stride(from: 0, to: buffer.count, by: max(1, buffer.count / 97)) {
                    #expect(store.position(holding: offset, end: buffer.count) == lookup.position(holding: offset), "\(label) \(offset)")
                }
                for (index, expected) in report.sections.enumerated() where index < store.count {
                    let own = store.start(of: index)..<store.end(of: index, byteCount: buffer.count)
                    #expect(own == expected.ownRange, "\(label) \(index)")
                    let piece = String(decoding: UnsafeBufferPointer(rebasing: buffer[own]), as: UTF8.self)
                    guard let section = store.section(index, byteCount: buffer.count, text: piece) else {
                        Issue.record("\(label) \(index): ranges outside the section")
                        continue
                    }
                    #expect(section.address == expected.address && section.depth == expected.depth, "\(label) \(index)")
                    #expect(OutlineExport.displayHeading(section) == OutlineExport.displayHeading(expected), "\(label) \(index)")
                    #expect(section.line == expected.line && section.parent == expected.parent && section.style == expected.style, "\(label) \(index)")
                    #expect(section.bodyRange.count == expected.bodyRange.count, "\(label) \(index)")
                    sections += 1
                }
            }
        }
        #expect(sections > 5000)
    }

    static func mapped(_ bytes: [UInt8]) throws -> MappedFile { try BytesFirstParseTests.mapped(bytes) }

    /// Through a parse started ahead, as the command uses it: a clean file gets the lean answer;
    /// a CR, a byte order mark, a NUL, an invalid sequence or a blank text gets nil, and the
    /// caller's usual path.
    @Test func onlyAFileReadAsItIsGetsTheLeanAnswer() throws {
        let text = "报告\n一、信用修复\n推行企业信用修复。\n二、营商环境\n（一）信用修复成功率\n正文。\n"
        let search = try #require(UnindexedSearch(query: SearchQuery("信用修复")))
        let clean = Array(text.utf8)
        let file = try Self.mapped(clean)
        let candidates = clean.withUnsafeBufferPointer { search.candidates(inBytes: $0) }
        let found = try #require(BytesFirstParse.started(file: file, whenAllOccur: search.foldedTerms, lean: true)
            .leanMatches(of: search, candidates: candidates))
        #expect(Self.rows(found.sections) == Self.expectedRows(search, text))
        #expect(found.sections.map(\.address) == ["1", "2.1"] && found.total == 3)
        // A lean parse has no report to give.
        #expect(BytesFirstParse.started(file: file, lean: true).report(of: text) == nil)
        // Nor does a full parse have lean matches.
        #expect(BytesFirstParse.started(file: file).leanMatches(of: search, candidates: candidates) == nil)
        let cancelled = BytesFirstParse.started(file: file, lean: true)
        cancelled.cancel()
        #expect(cancelled.leanMatches(of: search, candidates: candidates) == nil)

        var crlf: [UInt8] = []
        for byte in clean {
            if byte == 0x0A { crlf.append(0x0D) }
            crlf.append(byte)
        }
        var nul = clean
        nul.insert(0, at: 10)
        var invalid = clean
        invalid.insert(0xFF, at: 10)
        let others: [(String, [UInt8])] = [
            ("crlf", crlf), ("bom", [0xEF, 0xBB, 0xBF] + clean), ("nul", nul), ("invalid", invalid),
            ("lone cr", clean.map { $0 == 0x0A ? 0x0D : $0 }),
        ]
        for (label, bytes) in others {
            let candidates = bytes.withUnsafeBufferPointer { search.candidates(inBytes: $0) }
            let parse = BytesFirstParse.started(file: try Self.mapped(bytes), whenAllOccur: search.foldedTerms, lean: true)
            #expect(parse.leanMatches(of: search, candidates: candidates) == nil, "\(label)")
        }
        for blank in ["", " \n\t\n", "\u{3000}\n"] {
            #expect(!Array(blank.utf8).withUnsafeBufferPointer { LeanFileSearch.readsAsItIs($0) }, "\(blank.debugDescription)")
        }
        #expect(clean.withUnsafeBufferPointer { LeanFileSearch.readsAsItIs($0) })
        for (label, bytes) in others {
            #expect(!bytes.withUnsafeBufferPointer { LeanFileSearch.readsAsItIs($0) }, "\(label)")
        }
    }

    /// Only files the reader maps (1 MB and more) take the lean path; smaller ones are read
    /// another way, whose text the scan has not seen.
    @Test func onlyLargeFilesSuit() throws {
        let line = Array("一、信用修复正文。\n".utf8)
        var large: [UInt8] = []
        while large.count < MappedUTF8Reading.minimumSize { large += line }
        #expect(LeanFileSearch.suits(try Self.mapped(large)))
        #expect(!LeanFileSearch.suits(try Self.mapped(Array(large.dropLast(large.count - MappedUTF8Reading.minimumSize + 1)))))
        #expect(!LeanFileSearch.suits(try Self.mapped(line)))
    }
}
