import ReportTestSupport
import Testing
@testable import ReportKit

/// The memchr scan and the refinement of a query from the previous one's hits must find exactly
/// what a naive scan and a fresh search find.
@Suite struct SearchRefinementTests {
    /// Leftmost non-overlapping matches by comparing at every offset: the reference.
    static func naiveMatches(_ needle: [UInt8], in haystack: [UInt8], range: Range<Int>) -> [Int] {
        var found: [Int] = []
        var position = range.lowerBound
        while position + needle.count <= range.upperBound {
            if haystack[position..<position + needle.count].elementsEqual(needle) {
                found.append(position)
                position += needle.count
            } else {
                position += 1
            }
        }
        return found
    }

    /// Few distinct bytes, two of them UTF-8 pieces, so that matches are frequent and overlap.
    static let byteAlphabet: [UInt8] = [0x61, 0x62, 0xE4, 0xBF, 0xA1, 0x0A]

    static func randomBytes(count: Int, using random: inout SplitMix64) -> [UInt8] {
        (0..<count).map { _ in byteAlphabet.randomElement(using: &random)! }
    }

    @Test func theScanFindsWhatComparingAtEveryOffsetFinds() {
        var random = SplitMix64(seed: 0xB17E_0001)
        for round in 0..<2_000 {
            let haystack = Self.randomBytes(count: Int.random(in: 0...300, using: &random), using: &random)
            let needle = Self.randomBytes(count: Int.random(in: 1...8, using: &random), using: &random)
            let lower = Int.random(in: 0...haystack.count, using: &random)
            let range = lower..<Int.random(in: lower...haystack.count, using: &random)
            let expected = Self.naiveMatches(needle, in: haystack, range: range)
            haystack.withUnsafeBufferPointer { buffer in
                let frequencies = ByteFrequencies(of: buffer)
                for searcher in [ByteSearcher(needle: needle), ByteSearcher(needle: needle, frequencies: frequencies)] {
                    #expect(searcher.matches(in: buffer, range: range) == expected, "round \(round): \(needle) in \(range)")
                }
            }
        }
    }

    @Test func aLongerNeedleIsFoundAmongTheMatchesOfItsPrefixWhenThePrefixCannotOverlap() {
        var random = SplitMix64(seed: 0xB17E_0002)
        var refined = 0
        for round in 0..<2_000 {
            let haystack = Self.randomBytes(count: Int.random(in: 0...150, using: &random), using: &random)
            let prefix = Self.randomBytes(count: Int.random(in: 1...3, using: &random), using: &random)
            let needle = prefix + Self.randomBytes(count: Int.random(in: 1...3, using: &random), using: &random)
            let range = 0..<haystack.count
            let prefixSearcher = ByteSearcher(needle: prefix)
            guard prefixSearcher.cannotOverlapItself else { continue }
            refined += 1
            haystack.withUnsafeBufferPointer { buffer in
                let candidates = prefixSearcher.matches(in: buffer, range: range)
                let found = ByteSearcher(needle: needle).matches(in: buffer, range: range, amongStarts: candidates)
                #expect(found == Self.naiveMatches(needle, in: haystack, range: range), "round \(round): \(prefix) → \(needle)")
            }
        }
        #expect(refined > 500)
    }

    @Test(arguments: [
        ("a", true), ("ab", true), ("abc", true), ("aa", false), ("aba", false), ("abab", false), ("abca", false),
        ("信用", true), ("信信", false), ("信用信", false), ("信用修复", true),
    ])
    func aNeedleCanOverlapItselfWhenAPrefixIsAlsoASuffix(needle: String, cannotOverlap: Bool) {
        #expect(ByteSearcher(needle: Array(needle.utf8)).cannotOverlapItself == cannotOverlap)
    }

    @Test func theRarestByteIsChosenFromTheText() {
        let text = Array(String(repeating: "信用", count: 50).utf8) + Array("修".utf8)
        text.withUnsafeBufferPointer { buffer in
            let frequencies = ByteFrequencies(of: buffer)
            // 信 is E4 BF A1, 用 E7 94 A8, 修 E4 BF AE: AE occurs once, A1 fifty times, E4 and
            // BF fifty-one.
            #expect(frequencies.rarestPositions(in: Array("信修".utf8)) == (5, 2))
            #expect(frequencies.rarestPositions(in: Array("修信".utf8)) == (2, 5))
            #expect(frequencies.rarestPositions(in: Array("修".utf8)) == (2, 1))
            #expect(frequencies.rarestPositions(in: [0x41]) == (0, 0))
        }
    }

    // MARK: - Queries refined from the previous one

    struct Observed: Equatable {
        let hits: [SearchHit]
        let sections: [SectionMatch]
        let counts: SubtreeHitCounts

        init(_ results: SearchResults) {
            hits = Array(results.hits)
            sections = results.sections
            counts = results.countsIncludingDescendants
        }
    }

    /// Types queries the way a reader edits the prompt: mostly adding characters to the last
    /// term, sometimes a space, a quote, a Backspace, a whole new query or another scope;
    /// each query refined from the one before must match a fresh search.
    static func checkTyping(on index: SearchIndex, characters: [String], seed: UInt64, steps: Int) throws -> Int {
        var random = SplitMix64(seed: seed)
        var text = ""
        var scope: Int?
        var previous: SearchResults?
        var refinedFromAPrefix = 0
        for step in 0..<steps {
            switch Int.random(in: 0..<20, using: &random) {
            case 0: text = ""
            case 1: text += " "
            case 2: text += "\""
            case 3, 4: if !text.isEmpty { text.removeLast() }
            case 5: scope = Int.random(in: 0..<3, using: &random) == 0 || index.report.sections.isEmpty
                ? nil : Int.random(in: 0..<index.report.sections.count, using: &random)
            default: text += characters.randomElement(using: &random)!
            }
            let query = SearchQuery(text, scope: scope)
            let fresh = try index.search(query)
            let refined = try index.search(query, refining: previous)
            #expect(Observed(refined) == Observed(fresh), "step \(step): \(text.debugDescription) in \(scope.map(String.init) ?? "all")")
            if let previous, previous.query.scope == scope, previous.query.terms.count == query.terms.count,
                let last = query.terms.last, let earlier = previous.query.terms.last, last.count > earlier.count,
                last.hasPrefix(earlier) {
                refinedFromAPrefix += 1
            }
            previous = refined
        }
        return refinedFromAPrefix
    }

    @Test func typingOnTheSeedReportFindsWhatAFreshSearchFinds() throws {
        let index = SearchIndex(report: ReportParser.parse(try TestPaths.text(TestPaths.seed)))
        let characters = ["信", "用", "修", "复", "法", "治", "政", "府", "的", "建", "设", "（", "一", "）", "1", "a", "，"]
        let extended = try Self.checkTyping(on: index, characters: characters, seed: 0xB17E_0003, steps: 600)
        #expect(extended > 100)
    }

    @Test func typingOnRandomReportsFindsWhatAFreshSearchFinds() throws {
        let characters = SearchPropertyTests.alphabet.filter { $0 != "\n" } + ["aa", "法法"]
        for seed in UInt64(1)...12 {
            let index = SearchIndex(report: SearchPropertyTests.randomReport(seed: seed))
            _ = try Self.checkTyping(on: index, characters: characters, seed: seed, steps: 150)
        }
    }
}
