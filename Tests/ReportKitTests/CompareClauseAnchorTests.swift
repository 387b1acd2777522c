import Foundation
import ReportKit
import ReportTestSupport
import Testing

/// Alignment tables for the clause anchors: a clause carried over word for word ties a section
/// to its source even when the section already has another, larger one.
@Suite struct CompareClauseAnchorTests {
    let articles = RevisionFixtures.lawArticles
    let isArticle: (Section) -> Bool = { $0.marker.hasSuffix("条") }

    /// 2017 第十条's paragraphs: its fourth (who the respondent is) is the clause that moves.
    var paragraphs: [String] { articles[9].components(separatedBy: "\n").filter { !$0.isEmpty } }

    /// Old 第十条 gives its fourth paragraph to the new 第十三条, whose bulk is old 第十三条:
    /// the new article merges the two.
    func revision(keepingTheClauseInItsArticle: Bool) -> (old: Report, new: Report) {
        let moved = paragraphs[3]
        let rest = keepingTheClauseInItsArticle ? paragraphs : paragraphs.filter { $0 != moved }
        let old = RevisionFixtures.law(Array(articles[0..<14]))
        let new = RevisionFixtures.law(
            Array(articles[0..<9]) + [rest.joined(separator: "\n")] + Array(articles[10..<12])
                + [moved + "\n" + articles[12]] + [articles[13]])
        return (old, new)
    }

    @Test func clauseMovedIntoAnotherArticleLinksItsSource() {
        let (old, new) = revision(keepingTheClauseInItsArticle: false)
        #expect(paragraphs.count >= 4)
        let table = SectionAligner.align(old, new).table(old, new, where: isArticle)
        #expect(table.contains { $0.0 == "第十条" && $0.1 == "第十三条" && $0.2 == .merged })
        #expect(table.contains { $0.0 == "第十条" && $0.1 == "第十条" })
        #expect(table.contains { $0.0 == "第十三条" && $0.1 == "第十三条" })
        // New 第十三条 has two sources; read backwards, old 第十条 takes two pieces back.
        let reversed = SectionAligner.align(new, old).table(new, old, where: isArticle)
        #expect(reversed.contains { $0.0 == "第十三条" && $0.1 == "第十条" && $0.2 == .merged })
    }

    /// A copy of a clause the source's successor still holds is a reused sentence, not a piece.
    @Test func clauseStillHeldByTheSuccessorIsNoAnchor() {
        let (old, new) = revision(keepingTheClauseInItsArticle: true)
        let table = SectionAligner.align(old, new).table(old, new, where: isArticle)
        #expect(table.contains { $0.0 == "第十条" && $0.1 == "第十条" })
        #expect(!table.contains { $0.0 == "第十条" && $0.1 == "第十三条" })
    }
}

/// The clause anchors on a law too large to compare every clause with every other (over 316
/// articles a side): candidates come from the clauses' rarer trigrams.
@Suite struct CompareClauseAnchorLargeLawTests {
    let articles = RevisionFixtures.lawArticles
    let isArticle: (Section) -> Bool = { $0.marker.hasSuffix("条") }

    /// Articles of seeded random characters, each its own subject, unchanged in the revision;
    /// seven sentences each, so that a side holds more clauses than `anchorLargeSide`.
    static func fillers(_ count: Int) -> [String] {
        let characters = Array("国家机关人民政府法律规定组织公民权利义务管理监督审查决定申请处理程序期限依照应当可以不得有关其他部门负责工作制度建立健全保障实施条例办法标准")
        var random = SplitMix64(seed: 17)
        return (0..<count).map { _ in
            let clauses = (0..<7).map { _ in String((0..<18).map { _ in characters.randomElement(using: &random)! }) }
            return clauses.joined(separator: "。") + "。"
        }
    }

    @Test func clauseMovedIntoAnotherArticleOfALargeLaw() {
        let filler = Self.fillers(340)
        let paragraphs = articles[9].components(separatedBy: "\n").filter { !$0.isEmpty }
        let moved = paragraphs[3]
        let rest = paragraphs.filter { $0 != moved }
        let old = RevisionFixtures.law(filler + Array(articles[0..<14]))
        let new = RevisionFixtures.law(
            filler + Array(articles[0..<9]) + [rest.joined(separator: "\n")] + Array(articles[10..<12])
                + [moved + "\n" + articles[12]] + [articles[13]])
        #expect(old.sections.filter(isArticle).count > 316)
        let source = "第\(RevisionFixtures.numeral(filler.count + 10))条"
        let target = "第\(RevisionFixtures.numeral(filler.count + 13))条"
        let table = SectionAligner.align(old, new).table(old, new, where: isArticle)
        #expect(table.contains { $0.0 == source && $0.1 == target && $0.2 == .merged })
        #expect(table.contains { $0.0 == source && $0.1 == source })
        #expect(table.contains { $0.0 == target && $0.1 == target })
    }
}
