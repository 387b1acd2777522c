import Foundation
import ReportKit
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
