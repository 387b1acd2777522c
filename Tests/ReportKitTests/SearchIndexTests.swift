import Testing
@testable import ReportKit

/// Builds reports by hand so engine tests control the section tree exactly: a line starting with
/// `#`s is a heading of that depth (`## b` is a child of the `# a` before it); everything before
/// the first heading is front matter.
enum SearchFixture {
    static func report(_ text: String) -> Report {
        let lines = LineTable(utf8: text.utf8)
        let utf8 = Array(text.utf8)
        var headings: [(start: Int, depth: Int, line: Int, lineEnd: Int)] = []
        for line in 1...lines.count {
            let range = lines.range(ofLine: line)
            let depth = utf8[range].prefix { $0 == UInt8(ascii: "#") }.count
            let lineEnd = range.upperBound - (utf8[..<range.upperBound].last == UInt8(ascii: "\n") ? 1 : 0)
            if depth > 0 { headings.append((range.lowerBound, depth, line, max(lineEnd, range.lowerBound + depth))) }
        }
        var sections: [Section] = []
        var stack: [Int] = []
        var childCounts: [Int: Int] = [:]
        var rootCount = 0
        for (index, heading) in headings.enumerated() {
            while let last = stack.last, sections[last].depth >= heading.depth { stack.removeLast() }
            let parent = stack.last
            let ordinal: Int
            if let parent {
                ordinal = (childCounts[parent] ?? 0) + 1
                childCounts[parent] = ordinal
            } else {
                rootCount += 1
                ordinal = rootCount
            }
            let ownEnd = index + 1 < headings.count ? headings[index + 1].start : utf8.count
            let subtreeEnd = headings[(index + 1)...].first { $0.depth <= heading.depth }?.start ?? utf8.count
            let address = (parent.map { sections[$0].address + "." } ?? "") + String(ordinal)
            let headingStart = heading.start + heading.depth
            sections.append(Section(
                index: index, parent: parent, children: [], depth: parent.map { sections[$0].depth + 1 } ?? 1,
                kind: .section, text: text, markerRange: heading.start..<headingStart,
                style: .markdown(level: heading.depth), ordinal: ordinal,
                line: heading.line, address: address,
                ownRange: heading.start..<ownEnd, subtreeRange: heading.start..<subtreeEnd,
                headingRange: headingStart..<heading.lineEnd, bodyRange: min(heading.lineEnd + 1, ownEnd)..<ownEnd
            ))
            if let parent { sections[parent].children.append(index) }
            stack.append(index)
        }
        let frontEnd = headings.first?.start ?? utf8.count
        return Report(
            text: text, lines: lines, title: "", metadata: [], frontRange: 0..<frontEnd, preambleStart: 0,
            sections: sections, roots: sections.filter { $0.parent == nil }.map(\.index)
        )
    }

    static func search(_ text: String, _ query: String, scope: Int? = nil) throws -> (Report, SearchResults) {
        let report = report(text)
        return (report, try SearchIndex(report: report).search(SearchQuery(query, scope: scope)))
    }

    static func hitTexts(_ report: Report, _ results: SearchResults) -> [String] {
        results.hits.map { String(report.slice($0.range)) }
    }
}

@Suite struct SearchIndexTests {
    static let text = """
        总则前言，法治
        # 一、主要举措
        法治政府建设。信用
        修复成功率98.97%。
        ## (一)律师
        公职律师数量上升，法治政府。
        ## (二)信用修复
        推行企业信用修复“一件事”，信用修复成功率。
        # 二、存在的不足
        法 治 政 府有待加强。ＡＢＣ和abc。

        """

    @Test func hardWrappedAndLetterSpacedTextMatches() throws {
        let (report, results) = try SearchFixture.search(Self.text, "法治政府")
        #expect(SearchFixture.hitTexts(report, results) == ["法治政府", "法治政府", "法 治 政 府"])
        #expect(results.hits.map(\.section) == [0, 1, 3])
        let (wrapped, wrappedResults) = try SearchFixture.search(Self.text, "信用修复")
        #expect(SearchFixture.hitTexts(wrapped, wrappedResults) == ["信用\n修复", "信用修复", "信用修复", "信用修复"])
        #expect(wrappedResults.hits.map(\.line) == [3, 7, 8, 8])
    }

    @Test func hitsMapBackToTheOriginalCharacters() throws {
        let queries = ["（一）", "abc", "ＡＢＣ", "98.97％", "，法治", "修复成功"]
        for query in queries {
            let (report, results) = try SearchFixture.search(Self.text, query)
            #expect(!results.isEmpty, "\(query)")
            for hit in results.hits {
                #expect(SearchIndex.fold(String(report.slice(hit.range))) == SearchIndex.fold(query), "\(query)")
            }
        }
    }

    @Test func everyTermMustOccurInTheSectionsOwnText() throws {
        // 律师 occurs only in 1.1, whose own text also has 法治; 1's own text has 法治 but no 律师.
        let (report, results) = try SearchFixture.search(Self.text, "法治 律师")
        #expect(results.sections.map(\.section) == [1])
        #expect(results.sections.map(\.count) == [3])
        #expect(SearchFixture.hitTexts(report, results) == ["律师", "律师", "法治"])
        #expect(Array(results.countsIncludingDescendants) == [3, 3, 0, 0])
    }

    @Test func quotedPhrasesKeepTheirSpaces() throws {
        let text = "前言\n# 一\nrule of law and\nrule, law of\n"
        let (report, phrase) = try SearchFixture.search(text, "\"rule of law\"")
        #expect(SearchFixture.hitTexts(report, phrase) == ["rule of law"])
        let (_, words) = try SearchFixture.search(text, "rule of law")
        #expect(words.totalCount == 6)
        let (wrapped, wrappedPhrase) = try SearchFixture.search("# 一\nthe rule\n  of law\n", "“rule of law”")
        #expect(SearchFixture.hitTexts(wrapped, wrappedPhrase) == ["rule\n  of law"])
    }

    @Test(arguments: [
        ("aaa", "aa", [0..<2]),
        ("aaaa", "aa", [0..<2, 2..<4]),
        ("法法法", "法法", [0..<6]),
        ("abab a", "aba", [0..<3]),
    ])
    func overlappingOccurrencesAreLeftmostAndNonOverlapping(text: String, query: String, expected: [Range<Int>]) throws {
        let (_, results) = try SearchFixture.search(text, query)
        #expect(results.hits.map(\.range) == expected)
    }

    @Test(arguments: ["", " ", "\u{3000}\u{3000}", " \" \" "])
    func emptyQueriesFindNothingWithoutError(query: String) throws {
        let (report, results) = try SearchFixture.search(Self.text, query)
        #expect(results.isEmpty)
        #expect(results.sections.isEmpty)
        #expect(Array(results.countsIncludingDescendants) == Array(repeating: 0, count: report.sections.count))
    }

    @Test func frontMatterMatchesAsItsOwnPseudoSection() throws {
        let (_, results) = try SearchFixture.search(Self.text, "法治")
        #expect(results.sections.first?.section == nil)
        #expect(results.frontMatterCount == 1)
        #expect(results.sections.map(\.section) == [nil, 0, 1, 3])
        #expect(Array(results.countsIncludingDescendants) == [2, 1, 0, 1])
        #expect(results.totalCount == 4)
    }

    @Test func scopeLimitsTheSearchToASubtree() throws {
        let (_, whole) = try SearchFixture.search(Self.text, "信用修复")
        #expect(whole.totalCount == 4)
        let (_, chapter) = try SearchFixture.search(Self.text, "信用修复", scope: 0)
        #expect(chapter.totalCount == 4)
        let (_, item) = try SearchFixture.search(Self.text, "信用修复", scope: 2)
        #expect(item.hits.map(\.section) == [2, 2, 2])
        let (_, other) = try SearchFixture.search(Self.text, "信用修复", scope: 3)
        #expect(other.isEmpty)
        #expect(throws: SearchError.invalidScope(9)) {
            try SearchFixture.search(Self.text, "信用修复", scope: 9)
        }
    }

    @Test func hitsNeverRunIntoTheNextSection() throws {
        // The line break before a heading is dropped between CJK characters, but a section
        // boundary still separates the two texts.
        let (_, across) = try SearchFixture.search("# 一\n法治\n# 政府\n", "治#")
        #expect(across.isEmpty)
        let (_, within) = try SearchFixture.search("# 一\n法治\n@政府\n", "治@")
        #expect(within.totalCount == 1)
    }

    @Test func manyChangedCharactersAndLongWhitespaceRunsMapExactly() throws {
        let prefix = String(repeating: "Ａ，", count: 3000)
        let spaces = String(repeating: " ", count: 1000)
        let text = "# 一\n" + prefix + "目标x" + spaces + "y\n"
        let (report, results) = try SearchFixture.search(text, "目标 \"x y\"")
        #expect(SearchFixture.hitTexts(report, results) == ["目标", "x" + spaces + "y"])
        let (_, letters) = try SearchFixture.search(text, "a,a")
        #expect(letters.totalCount == 1500)
        #expect(letters.hits.last.map { report.slice($0.range) } == "Ａ，Ａ")
    }

    @Test func navigationFindsTheNextAndPreviousHit() throws {
        let (_, results) = try SearchFixture.search(Self.text, "信用修复")
        let starts = results.hits.map(\.range.lowerBound)
        #expect(results.firstHit(atOrAfter: 0) == 0)
        #expect(results.firstHit(atOrAfter: starts[1]) == 1)
        #expect(results.firstHit(atOrAfter: starts[1] + 1) == 2)
        #expect(results.firstHit(atOrAfter: starts[3] + 1) == nil)
        #expect(results.lastHit(before: starts[1]) == 0)
        #expect(results.lastHit(before: 0) == nil)
        #expect(results.sections.map(\.hitIndices) == [0..<1, 1..<4])
    }

    @Test func snippetIsOneLineAroundTheHit() throws {
        let (report, results) = try SearchFixture.search(Self.text, "信用修复")
        let wrapped = report.snippet(for: results.hits[0], context: 3)
        #expect(wrapped.text == "建设。信用 修复成功率")
        #expect(wrapped.text[wrapped.highlight] == "信用 修复")
        #expect(wrapped.isTruncatedAtStart && wrapped.isTruncatedAtEnd)
        let whole = report.snippet(for: results.hits[1], context: 100)
        #expect(whole.text == "## (二)信用修复 推行企业信用修复“一件事”，信用修复成功率。")
        #expect(whole.text[whole.highlight] == "信用修复")
        #expect(!whole.isTruncatedAtStart && !whole.isTruncatedAtEnd)
    }
}
