import Testing
@testable import ReportKit

@Suite struct SearchTraditionalTests {
    @Test(arguments: [
        ("發展", "发展"), ("頭髮", "头发"), ("信用修復", "信用修复"), ("關於", "关于"), ("裡面", "里面"),
        ("經濟體制改革", "经济体制改革"), ("臺灣", "台湾"),
        // simplified text and characters that are also standard simplified ones stay as they are
        ("发展", "发展"), ("乾隆", "乾隆"), ("著作", "著作"), ("干部", "干部"),
        // compatibility ideographs are unified first, then simplified
        ("\u{F9D0}", "类"),
    ])
    func traditionalFoldsToSimplified(original: String, folded: String) {
        #expect(SearchIndex.fold(original) == folded)
    }

    @Test func searchFindsBothScriptsAndMapsHitsBack() throws {
        let text = "# 一、发展\n推动高质量发展。\n# 二、發展\n推動高質量發展，頭髮。\n"
        for query in ["发展", "發展", "高質量发展"] {
            let (report, results) = try SearchFixture.search(text, query)
            let found = SearchFixture.hitTexts(report, results)
            #expect(found.count == (query.count == 2 ? 4 : 2), "\(query): \(found)")
            for hit in results.hits {
                #expect(SearchIndex.fold(String(report.slice(hit.range))) == SearchIndex.fold(query))
            }
        }
        let (report, results) = try SearchFixture.search(text, "头发")
        #expect(SearchFixture.hitTexts(report, results) == ["頭髮"])
    }

    @Test func regexSeesTheSimplifiedText() throws {
        let report = SearchFixture.report("# a\n發展和發達\n")
        let results = try SearchIndex(report: report).search(SearchQuery("发[展达]", isRegex: true))
        #expect(SearchFixture.hitTexts(report, results) == ["發展", "發達"])
    }

    /// The folder's fast path skips only the ideographs in its bit set; everything else it
    /// copies must fold to itself, and everything it skips must agree with the slow path.
    @Test func fastPathAgreesWithTheSlowPathOnEveryIdeograph() {
        var disagreements: [String] = []
        for value in SimplifiedFolding.fastRange {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            if TextFolder.foldedBytes(text) != ScalarFoldTable.foldedBytes(of: text) { disagreements.append(text) }
            if TextFolder.foldedBytes("信" + text + "用") != ScalarFoldTable.foldedBytes(of: "信" + text + "用") {
                disagreements.append("信" + text + "用")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }

    @Test func tableHasTheCommonPairs() {
        let folding = SimplifiedFolding.shared
        #expect(folding.count > 3000)
        #expect(folding.simplified(of: 0x767C) == 0x53D1)  // 發 → 发
        #expect(folding.simplified(of: 0x9AEE) == 0x53D1)  // 髮 → 发
        #expect(folding.simplified(of: 0x53D1) == nil)
        #expect(folding.simplified(of: 0x4E7E) == nil)  // 乾 is also simplified
    }
}
