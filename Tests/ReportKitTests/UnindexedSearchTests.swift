import Foundation
import ReportTestSupport
import Testing
@testable import ReportKit

/// `UnindexedSearch`, which answers a query without the index, against the index itself on
/// random queries: drawn from the text (across its line breaks too), in full-width and
/// traditional forms, several terms at once, and queries that match nothing.
@Suite struct UnindexedSearchTests {
    struct Flat: Equatable, CustomStringConvertible {
        let section: Int?
        let range: Range<Int>
        let line: Int
        var description: String { "\(section.map(String.init) ?? "front") \(range) l.\(line)" }
    }

    /// Checks every query; returns how many the scan alone proved hitless (never parsed).
    @discardableResult
    static func check(_ report: Report, _ queries: [SearchQuery], _ label: String) throws -> Int {
        let index = SearchIndex(report: report)
        var provedEmpty = 0
        for query in queries {
            let expected = try index.search(query)
            guard let search = UnindexedSearch(query: query) else { continue }
            let candidates = search.candidates(in: report.text)
            let may = search.mayHaveHits(candidates, in: report.text)
            if !may {
                provedEmpty += 1
                #expect(expected.isEmpty, "\(label): \(query.text) has \(expected.totalCount) hits but was ruled out")
                continue
            }
            let sections = search.sections(in: report, candidates: candidates)
            let actual = sections.flatMap { group in group.hits.map { Flat(section: $0.section, range: $0.range, line: $0.line) } }
            let wanted = expected.hits.map { Flat(section: $0.section, range: $0.range, line: $0.line) }
            #expect(actual == wanted, "\(label): \(query.text)")
            #expect(sections.map(\.section) == expected.sections.map(\.section), "\(label): \(query.text)")
            #expect(sections.map(\.hits.count) == expected.sections.map(\.count), "\(label): \(query.text)")
        }
        return provedEmpty
    }

    /// Queries cut from the text: whitespace removed, so a cut across a line break is a query
    /// spanning it; some turned full-width or traditional, some paired, some made hitless.
    static func queries(from text: String, count: Int, seed: UInt64) -> [SearchQuery] {
        var generator = SplitMix64(seed: seed)
        let characters = Array(text)
        var queries: [SearchQuery] = ["信用修复", "龘龘", "信用修复 行政复议", "发展 龘"].map { SearchQuery($0) }
        while queries.count < count {
            let start = Int.random(in: 0..<characters.count, using: &generator)
            var piece = String(characters[start..<min(characters.count, start + Int.random(in: 1...6, using: &generator))])
            piece.removeAll(where: \.isWhitespace)
            guard piece.unicodeScalars.contains(where: { FoldSources.foldsToItself($0.value) }) else { continue }
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: piece = traditional(piece)
            case 1: piece = fullWidth(piece)
            case 2: piece += "龘"
            case 3:
                let other = Int.random(in: 0..<characters.count, using: &generator)
                let second = String(characters[other..<min(characters.count, other + 2)]).filter { !$0.isWhitespace }
                piece += " " + second
            default: break
            }
            queries.append(SearchQuery(piece))
        }
        return queries
    }

    static func traditional(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            SimplifiedFolding.shared.traditionalForms(of: scalar.value).first.flatMap(Unicode.Scalar.init) ?? scalar
        }))
    }

    static func fullWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (0x21...0x7E).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0xFEE0)! : scalar
        }))
    }

    /// The seed report with folding traps written into it: traditional characters, hard wraps
    /// inside words, full-width letters, `㈠` markers and compatibility ideographs.
    static func trappedSeed() throws -> String {
        var text = try TestPaths.text(TestPaths.seed)
        text = text.replacingOccurrences(of: "信用修复", with: "信用\n修復")
        text = text.replacingOccurrences(of: "行政复议", with: "行政復議")
        text = text.replacingOccurrences(of: "（一）", with: "㈠")
        text = text.replacingOccurrences(of: "法治", with: "法\u{2F00}治")
        text = text.replacingOccurrences(of: "2024", with: "２０２４")
        return text + "\n\u{F900}\u{2F00}\u{3038}\u{1F210}\n"
    }

    @Test func seedReportAgrees() throws {
        let report = ReportParser.parse(try TestPaths.text(TestPaths.seed))
        let proved = try Self.check(report, Self.queries(from: report.text, count: 120, seed: 1), "seed")
        #expect(proved > 0)
    }

    @Test func trappedReportAgrees() throws {
        let report = ReportParser.parse(try Self.trappedSeed())
        try Self.check(report, Self.queries(from: report.text, count: 120, seed: 2), "trapped")
        // The traps themselves: each must be found through its folded form.
        let traps = ["信用修复", "行政复议", "(一)", "一治", "2024", "豈", "一", "十", "手"].map { SearchQuery($0) }
        try Self.check(report, traps, "traps")
        for trap in traps {
            #expect(try !SearchIndex(report: report).search(trap).isEmpty, "\(trap.text)")
        }
    }

    @Test func corpusDocumentsAgree() throws {
        let folder = TestPaths.corpus.appendingPathComponent("docs")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(!names.isEmpty)
        for (position, name) in names.enumerated() {
            let report = ReportParser.parse(try TestPaths.text(folder.appendingPathComponent(name)))
            guard !report.text.isEmpty else { continue }
            try Self.check(report, Self.queries(from: report.text, count: 25, seed: UInt64(position + 10)), name)
        }
    }

    /// Random small reports whose every line is made of a few folding traps.
    @Test(arguments: 0..<30)
    func randomReportsAgree(seed: Int) throws {
        var generator = SplitMix64(seed: UInt64(seed) &+ 99)
        let alphabet = ["法", "治", "發", "发", "展", "\u{2F00}", "一", "㈠", " ", "\n", "\n\n", "，", "a", "Ａ", "#", "（一）", "1.", "\u{3000}", "é"]
        let text = (0..<Int.random(in: 1...400, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
        let report = ReportParser.parse(text)
        let queries = ["法治", "发展", "發展", "一", "(一)", "一一", "治 发", "法治发展", "展法", "龘"].map { SearchQuery($0) }
        try Self.check(report, queries, "random \(seed)")
    }

    @Test func queriesItCannotAnswerAreLeftToTheIndex() {
        #expect(UnindexedSearch(query: SearchQuery("abc")) == nil)
        #expect(UnindexedSearch(query: SearchQuery("2024")) == nil)
        #expect(UnindexedSearch(query: SearchQuery("信用 xyxf")) == nil)
        #expect(UnindexedSearch(query: SearchQuery("信用", isRegex: true)) == nil)
        #expect(UnindexedSearch(query: SearchQuery("信用", scope: 0)) == nil)
        #expect(UnindexedSearch(query: SearchQuery("  ")) == nil)
        #expect(UnindexedSearch(query: SearchQuery("發展")) != nil)
    }

    /// The scan for compatibility characters finds exactly the scalars of their blocks.
    @Test func compatibilityScanFindsExactlyItsBlocks() {
        var generator = SplitMix64(seed: 5)
        let pool: [UInt32] = [0x41, 0x4E00, 0x3001, 0x3002, 0x300C, 0x3030, 0x303F, 0x3040, 0x318F, 0x3190, 0x319F, 0x31A0,
                              0x31FF, 0x3200, 0x3220, 0x33FF, 0x3400, 0x2E7F, 0x2E80, 0x2F00, 0x2FFF, 0x2014, 0x201C, 0xF8FF,
                              0xF900, 0xFAFF, 0xFB00, 0xFF0C, 0x1F1FF, 0x1F200, 0x1F2FF, 0x1F300, 0x2F7FF, 0x2F800, 0x2FA1F, 0x20000]
        for _ in 0..<50 {
            let scalars = (0..<Int.random(in: 0...80, using: &generator)).map { _ in pool.randomElement(using: &generator)! }
            var text = String(String.UnicodeScalarView(scalars.map { Unicode.Scalar($0)! }))
            var expected: [Int] = []
            var offset = 0
            for scalar in scalars {
                if FoldSources.isCompatibilitySource(scalar) { expected.append(offset) }
                offset += String(Unicode.Scalar(scalar)!).utf8.count
            }
            let found = text.withUTF8 { CompatibilityScan.offsets(in: $0) }
            #expect(found == expected, "\(scalars.map { String($0, radix: 16) })")
        }
    }

    /// What the scan relies on: outside the compatibility blocks, only traditional characters
    /// fold to text holding an ideograph that folds to itself. Every scalar Unicode says changes
    /// under NFKC case folding is folded (a compatibility decomposition is such a change), and
    /// one in seven of the rest, since Foundation's folding is not exactly NFKC_Casefold (it
    /// lowercases Cherokee, which NFKC_Casefold uppercases).
    @Test func onlyTheCompatibilityBlocksAndTraditionalFormsFoldIntoIdeographs() {
        var table = ScalarFoldTable(forLargeText: true)
        var offenders: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if SimplifiedFolding.fastRange.contains(value) || FoldSources.isCompatibilitySource(value)
                || SimplifiedFolding.shared.simplified(of: value) != nil {
                continue
            }
            if !scalar.properties.changesWhenNFKCCaseFolded, value % 7 != 0 { continue }
            let fold = table.fold(of: value)
            guard !fold.isIdentity else { continue }
            let start = Int(fold.foldedStart)
            let bytes = Array(table.pool[start..<start + Int(fold.foldedLength)])
            let folded = String(decoding: bytes, as: UTF8.self).unicodeScalars
            if folded.contains(where: { FoldSources.foldsToItself($0.value) }) {
                offenders.append(String(value, radix: 16))
            }
        }
        #expect(offenders.isEmpty, "\(offenders.prefix(40))")
    }
}

/// The vector UTF-8 check against the standard library's, and the look at a file before
/// decoding it.
@Suite struct UnindexedFileTests {
    @Test func validationAgreesWithTheStandardLibrary() {
        var generator = SplitMix64(seed: 77)
        let pieces: [[UInt8]] = [[0x41], [0x0A], Array("信".utf8), Array("é".utf8), Array("😀".utf8), Array("，".utf8),
                                 [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2], [0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80],
                                 [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80],
                                 [0xF4, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE4, 0xBF]]
        for round in 0..<3000 {
            let count = Int.random(in: 0...(round % 3 == 0 ? 80 : 12), using: &generator)
            var bytes: [UInt8] = []
            for _ in 0..<count {
                // Mostly valid characters, so that one bad piece stands among good ones.
                let piece = Int.random(in: 0..<4, using: &generator) == 0
                    ? pieces.randomElement(using: &generator)! : pieces[Int.random(in: 0..<6, using: &generator)]
                bytes += piece
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            let actual = bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
            #expect(actual == expected, "\(bytes.map { String($0, radix: 16) })")
        }
    }

    static func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("unindexed-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func verdictName(_ verdict: UnindexedSearch.FileVerdict) -> String {
        switch verdict {
        case .noHits: "noHits"
        case .mayHaveHits: "mayHaveHits"
        case .undecided: "undecided"
        }
    }

    @Test func aFileIsRuledOutOnlyWhenItsTextIsTheBytes() throws {
        let search = try #require(UnindexedSearch(query: SearchQuery("信用修复")))
        let seed = Array(try TestPaths.text(TestPaths.seed).utf8)
        let hitless = Array(try TestPaths.text(TestPaths.seed).replacingOccurrences(of: "信用修复", with: "信用").utf8)
        let cases: [(String, [UInt8], String)] = [
            ("hit.txt", seed, "mayHaveHits"),
            ("none.txt", hitless, "noHits"),
            ("bom.txt", [0xEF, 0xBB, 0xBF] + hitless, "noHits"),
            ("nul.txt", hitless + [0], "undecided"),
            ("invalid.txt", hitless + [0xFF], "undecided"),
            ("blank.txt", Array(" \n\u{3000}\n".utf8), "undecided"),
            ("utf16.txt", [0xFF, 0xFE, 0x41, 0x00], "undecided"),
            ("empty.txt", [], "undecided"),
        ]
        for (name, bytes, expected) in cases {
            let verdict = search.verdict(onFileAt: try Self.write(bytes, name))
            #expect(Self.verdictName(verdict) == expected, "\(name)")
        }
        #expect(Self.verdictName(search.verdict(onFileAt: "/nonexistent/file.txt")) == "undecided")
        #expect(Self.verdictName(search.verdict(onFileAt: "-")) == "undecided")
    }

    /// Candidates found in the file's bytes are used for the decoded text only when the two
    /// are the same bytes; a CRLF file is scanned again after its line endings are normalised.
    @Test func candidatesCarryOverOnlyToTheSameBytes() throws {
        let search = try #require(UnindexedSearch(query: SearchQuery("信用修复")))
        let text = try TestPaths.text(TestPaths.seed)
        for (name, bytes) in [("lf.txt", Array(text.utf8)), ("crlf.txt", Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))] {
            let verdict = search.verdict(onFileAt: try Self.write(bytes, name))
            #expect(Self.verdictName(verdict) == "mayHaveHits", "\(name)")
            let decoded = try DocumentLoader.load(path: try Self.write(bytes, name), encoding: nil).decoded.text
            #expect(search.candidates(in: decoded, reusing: verdict).perTerm == search.candidates(in: decoded).perTerm, "\(name)")
        }
    }
}
