import Foundation
import ReportKit
import Testing

/// Alignment tables for the clause pass: a clause that moved into an article written mostly
/// anew still ties that article to its source.
@Suite struct CompareClauseTests {
    let articles = RevisionFixtures.lawArticles
    let isArticle: (Section) -> Bool = { $0.marker.hasSuffix("条") }

    /// Sentences of a work-report task: text a law does not share.
    var unrelated: String { String(RevisionFixtures.tasks[1].body.prefix(400)) }

    /// A new article that only repeats a clause its source's successor already carries is a
    /// copy, not a piece.
    @Test func clauseAlreadyCarriedByTheSuccessorIsNoPiece() {
        let (first, second) = (articles[2], articles[8])
        let old = RevisionFixtures.law(Array(articles[0..<2]) + [first + second] + Array(articles[3..<8]))
        let new = RevisionFixtures.law(
            Array(articles[0..<2]) + [first + second] + Array(articles[3..<8]) + [unrelated + second])
        let table = SectionAligner.align(old, new).table(old, new, where: isArticle)
        #expect(table.contains { $0.0 == "第三条" && $0.1 == "第三条" })
        #expect(table.contains { $0 == (nil, "第九条", .new) })
    }
}
