import Testing
@testable import ReportKit

@Suite struct SearchRegexTests {
    static let text = """
        前言ABC
        # 一、举措
        (一)推行企业信用修复,信用
        修复成功率98.97%。
        # 二、不足
        （二）执法投诉率上升。法治
        # 三、安排

        """

    static func search(_ pattern: String, scope: Int? = nil) throws -> (Report, SearchResults) {
        let report = SearchFixture.report(text)
        return (report, try SearchIndex(report: report).search(SearchQuery(pattern, isRegex: true, scope: scope)))
    }

    @Test(arguments: [
        ("信用.?修复", ["信用修复", "信用\n修复"]),
        ("\\d+\\.\\d+%", ["98.97%"]),
        ("（[一二]）", ["(一)", "（二）"]),
        ("\\([一二]\\)", ["(一)", "（二）"]),
        ("abc", ["ABC"]),
        ("[A-Z]+", ["ABC"]),
        ("率[^。]*", ["率98.97%", "率上升"]),
        // ^ and $ are the start and end of a section's own text
        ("^#[一二]", ["# 一", "# 二"]),
        ("。$", ["。"]),
    ])
    func patternsRunOverTheFoldedText(pattern: String, expected: [String]) throws {
        let (report, results) = try Self.search(pattern)
        #expect(SearchFixture.hitTexts(report, results) == expected)
    }

    @Test func everySectionWithAMatchMatches() throws {
        let (_, results) = try Self.search("[一二]")
        #expect(results.sections.map(\.section) == [0, 1])
        #expect(results.sections.map(\.count) == [2, 2])
    }

    @Test func matchesDoNotSpanSectionsAndEmptyMatchesAreDropped() throws {
        // `\s` could reach over the separator between 法治 and the next heading.
        let (_, across) = try Self.search("法治\\s#")
        #expect(across.isEmpty)
        let (_, empty) = try Self.search("x*")
        #expect(empty.isEmpty)
    }

    @Test func scopeAppliesToRegularExpressions() throws {
        let (_, results) = try Self.search("[一二]", scope: 1)
        #expect(results.hits.map(\.section) == [1, 1])
    }

    @Test(arguments: ["(", "[a-", "a{2,1}", "*"])
    func invalidPatternsThrowAClearError(pattern: String) throws {
        let error = #expect(throws: SearchError.self) { try Self.search(pattern) }
        guard case .invalidPattern(let reported, let reason) = error else {
            Issue.record("unexpected error \(String(describing: error))")
            return
        }
        #expect(reported == pattern)
        #expect(!reason.isEmpty)
        #expect(error?.description.hasPrefix("invalid regular expression \"\(pattern)\"") == true)
    }

    @Test func emptyPatternFindsNothing() throws {
        let (_, results) = try Self.search("  ")
        #expect(results.isEmpty)
    }

    @Test func patternLiteralsAreFoldedButSyntaxIsKept() {
        #expect(SearchIndex.foldedPattern("（一）\\D") == "\\(一\\)\\D")
        #expect(SearchIndex.foldedPattern("Ａ[１-９]") == "a[1-9]")
    }
}
