import Testing
@testable import ReportKit

@Suite struct SearchQueryTests {
    @Test(arguments: [
        ("信用修复", ["信用修复"]),
        ("法治 政府 律师", ["法治", "政府", "律师"]),
        ("法治\u{3000}政府", ["法治", "政府"]),
        ("  法治   政府\t", ["法治", "政府"]),
        ("\"rule of law\" court", ["rule of law", "court"]),
        ("“法治 政府”建设", ["法治 政府", "建设"]),
        ("a\"b c\"d", ["a", "b c", "d"]),
        ("\"left open phrase", ["left open phrase"]),
        ("x “unbalanced  spaces", ["x", "unbalanced  spaces"]),
        ("a \"\" b", ["a", "b"]),
        ("", []),
        ("   ", []),
        ("\u{3000}", []),
        ("\" \"", []),
    ])
    func keywordParsing(text: String, terms: [String]) {
        let query = SearchQuery(text)
        #expect(query.terms == terms)
        #expect(query.isEmpty == terms.isEmpty)
    }

    @Test(arguments: [
        (" a b ", ["a b"]),
        ("信用.{0,2}修复", ["信用.{0,2}修复"]),
        ("\"quoted\"", ["\"quoted\""]),
        ("  ", []),
    ])
    func regexModeKeepsTheWholePattern(text: String, terms: [String]) {
        #expect(SearchQuery(text, isRegex: true).terms == terms)
    }

    @Test func explicitTermsDropBlankOnes() {
        #expect(SearchQuery(terms: ["a", " ", "", "b c"]).terms == ["a", "b c"])
    }
}
