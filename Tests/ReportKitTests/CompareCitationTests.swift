import Foundation
@testable import ReportKit
import Testing

/// Alignment tables for renumbered citations: penalty articles that differ only by the article
/// they cite follow the cited articles' renumbering, not their own text read literally.
@Suite struct CompareCitationTests {
    let isArticle: (Section) -> Bool = { $0.marker.hasSuffix("条") }

    let duties = [
        "公民应当依法登记户籍信息，变更住址的应当在三十日内申报。",
        "企业应当按照规定建立安全生产责任制度，定期开展隐患排查。",
        "经营者应当明码标价，不得哄抬价格或者串通涨价。",
        "医疗机构应当妥善保管病历资料，保存期限不少于十五年。",
    ]

    func penalty(_ article: Int) -> String {
        "违反本法第\(RevisionFixtures.numeral(article))条规定的，由主管部门责令改正，处一万元以上五万元以下罚款。"
    }

    /// Four duties and a penalty for each; the revision inserts a duty after the first, so the
    /// penalty for old 第二条 now cites 第三条 — the very words of the old penalty for 第三条.
    var revision: (old: Report, new: Report) {
        let old = RevisionFixtures.law(duties + (1...4).map(penalty))
        let new = RevisionFixtures.law(
            [duties[0], "行政机关应当公开办事指南，方便群众查询。"] + duties[1...] + [1, 3, 4, 5].map(penalty))
        return (old, new)
    }

    @Test func penaltiesFollowTheArticlesTheyCite() {
        let (old, new) = revision
        let table = SectionAligner.align(old, new).table(old, new, where: isArticle)
        for (from, to) in [("第五条", "第六条"), ("第六条", "第七条"), ("第七条", "第八条"), ("第八条", "第九条")] {
            #expect(table.contains { $0.0 == from && $0.1 == to }, "\(from) → \(to)")
        }
        #expect(!table.contains { $0.0 == "第七条" && $0.1 == "第七条" })
        #expect(table.contains { $0 == (nil, "第二条", .new) })
        // Read backwards the same holds.
        let reversed = SectionAligner.align(new, old).table(new, old, where: isArticle)
        #expect(reversed.contains { $0.0 == "第七条" && $0.1 == "第六条" })
        #expect(!reversed.contains { $0.0 == "第七条" && $0.1 == "第七条" })
    }

    /// Lists of citations (`第十二条、第十三条`, `第三十九条第一款第一项`) are renumbered one by
    /// one; another law's articles (`《…法》第二条`) and articles without one counterpart are not.
    @Test func citationsAreRewrittenOnlyForTheLawItself() throws {
        let old = RevisionFixtures.law([
            "甲。", "乙。", "依照本法第一条、第二条和《中华人民共和国其他法》第二条的规定办理。",
            "依照本法第二条第一款第一项、第二项的规定。",
        ])
        let new = RevisionFixtures.law(["甲。", "丙。", "乙。", "依照本法第一条、第三条和《中华人民共和国其他法》第二条的规定办理。"])
        var state = LinkState(oldCount: old.sections.count, newCount: new.sections.count)
        let article = { (report: Report, marker: String) in report.sections.first { $0.marker == marker }!.index }
        state.add(article(old, "第一条"), article(new, "第一条"), similarity: 1)
        state.add(article(old, "第二条"), article(new, "第三条"), similarity: 1)
        let rewritten = try #require(CitationRenumbering.renumbered(old, new, links: state))
        #expect(rewritten.text.contains("依照本法第一条、第三条和《中华人民共和国其他法》第二条的规定办理。"))
        #expect(rewritten.text.contains("依照本法第三条第一款第一项、第二项的规定。"))
        #expect(rewritten.sections.map(\.marker) == old.sections.map(\.marker))
        // With no article renumbered, nothing is rewritten.
        var unchanged = LinkState(oldCount: old.sections.count, newCount: new.sections.count)
        unchanged.add(article(old, "第二条"), article(new, "第二条"), similarity: 1)
        #expect(CitationRenumbering.renumbered(old, new, links: unchanged) == nil)
    }
}
