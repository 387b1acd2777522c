import Foundation
import ReportTestSupport
import Testing
@testable import ReportKit

/// Random reports over an alphabet full of folding traps (full-width forms, case, whitespace
/// between CJK characters), checked against a naive reference: fold each section's own text on
/// its own and count the term in it.
@Suite struct SearchPropertyTests {
    static let alphabet = ["法", "治", "政", "府", "a", "A", "Ａ", "b", "，", ",", " ", " ", "\n", "\u{3000}", "（", "(", "1", "１", "é", "E\u{301}"]
    static let terms = ["法治", "治政", "a", "aa", "a,", "(1", "治 政", "\"a b\"", "é", "府,a", "法治 a"]

    static func randomReport(seed: UInt64) -> Report {
        var generator = SplitMix64(seed: seed)
        var lines: [String] = []
        var depth = 0
        for _ in 0..<Int.random(in: 1...30, using: &generator) {
            // Body lines may hold line breaks (a hard-wrapped paragraph); headings may not.
            var line = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }.joined()
            if Int.random(in: 0..<4, using: &generator) == 0 {
                depth = Int.random(in: 1...(depth + 1), using: &generator)
                line = String(repeating: "#", count: depth) + line.replacingOccurrences(of: "\n", with: "")
            }
            lines.append(line)
        }
        return SearchFixture.report(lines.joined(separator: "\n"))
    }

    /// Own text of every section, front matter first, folded on its own.
    static func foldedPieces(of report: Report) -> [(section: Int?, folded: [UInt8])] {
        let pieces = [(nil, report.frontRange)] + report.sections.map { ($0.index as Int?, $0.ownRange) }
        return pieces.map { ($0.0, TextFolder.foldedBytes(String(report.slice($0.1)))) }
    }

    static func naiveCount(_ needle: [UInt8], in haystack: [UInt8]) -> Int {
        var count = 0
        var position = 0
        while position + needle.count <= haystack.count {
            if haystack[position..<position + needle.count].elementsEqual(needle) {
                count += 1
                position += needle.count
            } else {
                position += 1
            }
        }
        return count
    }

    @Test(arguments: 0..<40)
    func hitsAgreeWithANaiveReference(seed: Int) throws {
        let report = Self.randomReport(seed: UInt64(seed))
        try Self.checkAgainstReference(report, queries: Self.terms.map { SearchQuery($0) }, label: "seed \(seed)")
    }

    /// Real documents, parsed by the real parser, with queries cut from their own text.
    @Test(arguments: ["01_guowuyuan_gwr2024", "02_guangdong_gwr2026", "07_zhijiao_gaige_fangan2019",
                      "09_zongbao_qu_yijian2019", "11_geshui_zhuanxiang_kouchu2018", "12_liangshi_yingji_yuan2005"])
    func corpusDocumentsAgreeWithANaiveReference(name: String) throws {
        let url = TestPaths.corpus.appendingPathComponent("docs/\(name).txt")
        let report = ReportParser.parse(try TestPaths.text(url))
        var generator = SplitMix64(seed: UInt64(name.utf8.count))
        let characters = Array(report.text)
        var queries = ["（一）", "，", "１", "一、", "\"发展 改革\"", "发展 改革"].map { SearchQuery($0) }
        while queries.count < 30 {
            let start = Int.random(in: 0..<characters.count, using: &generator)
            let piece = String(characters[start..<min(characters.count, start + Int.random(in: 1...4, using: &generator))])
            if !piece.contains(where: \.isWhitespace) { queries.append(SearchQuery(piece)) }
        }
        try Self.checkAgainstReference(report, queries: queries, label: name)
    }

    static func checkAgainstReference(_ report: Report, queries: [SearchQuery], label: String) throws {
        let index = SearchIndex(report: report)
        let pieces = foldedPieces(of: report)
        for query in queries {
            let results = try index.search(query)
            let needles = query.terms.map(TextFolder.foldedBytes)

            // Every hit lies inside its section's own text and is exactly one of the terms.
            for hit in results.hits {
                let container = hit.section.map { report.sections[$0].ownRange } ?? report.frontRange
                #expect(container.contains(hit.range.lowerBound) && hit.range.upperBound <= container.upperBound,
                        "\(label) \(query.text) \(hit)")
                #expect(needles.contains(TextFolder.foldedBytes(String(report.slice(hit.range)))),
                        "\(label) \(query.text) \(hit)")
                #expect(hit.line == report.lines.line(at: hit.range.lowerBound))
            }
            #expect(zip(results.hits, results.hits.dropFirst()).allSatisfy { $0.range.lowerBound <= $1.range.lowerBound })

            // A piece matches when it holds every term; then all its term occurrences are hits.
            var expected: [(Int?, Int)] = []
            for piece in pieces {
                let counts = needles.map { naiveCount($0, in: piece.folded) }
                if counts.allSatisfy({ $0 > 0 }) { expected.append((piece.section, counts.reduce(0, +))) }
            }
            #expect(results.sections.map(\.section) == expected.map(\.0), "\(label) \(query.text)")
            #expect(results.sections.map(\.count) == expected.map(\.1), "\(label) \(query.text)")

            // Subtree counts add up the own counts of each section and its descendants.
            for section in report.sections {
                let inSubtree = results.sections.filter {
                    $0.section.map { section.subtreeRange.contains(report.sections[$0].ownRange.lowerBound) } ?? false
                }
                #expect(results.countsIncludingDescendants[section.index] == inSubtree.map(\.count).reduce(0, +))
            }
        }
    }
}
