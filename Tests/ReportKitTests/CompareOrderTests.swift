import Foundation
import ReportKit
import Testing

/// Alignment tables for order as evidence: a link whose neighbours were aligned elsewhere is a
/// move, and a move must stand on a good part of its text (`TierOrder`).
@Suite struct CompareOrderTests {
    let articles = RevisionFixtures.lawArticles
    let revised = RevisionFixtures.revisedLawArticles
    let isArticle: (Section) -> Bool = { $0.marker.hasSuffix("条") }

    /// The 2017 law with article `deleted` (0-based) dropped and a 2023 article that shares a
    /// phrase with it inserted far away, `fromEnd` places before the end.
    func deletion(_ deleted: Int, echoedBy echo: Int, fromEnd: Int) -> (old: Report, new: Report) {
        var bodies = articles
        bodies.remove(at: deleted)
        bodies.insert(revised[echo], at: bodies.count - fromEnd)
        return (RevisionFixtures.law(articles), RevisionFixtures.law(bodies))
    }

    /// 2017 第十八条 (forwarding an application, abolished in 2023) shares 接受转送 with 2023
    /// 第六十条; 第二十五条 (withdrawal) shares 撤回行政复议申请 with 第七十四条 (settlement).
    /// Neither is a successor: their neighbours are aligned in order, far from the echo.
    @Test(arguments: [(17, 59), (24, 73)])
    func deletedArticleEchoedFarAwayStaysRemoved(deleted: Int, echo: Int) {
        for fromEnd in [0, 3] {
            let (old, new) = deletion(deleted, echoedBy: echo, fromEnd: fromEnd)
            let oldMarker = "第\(RevisionFixtures.numeral(deleted + 1))条"
            let newMarker = "第\(RevisionFixtures.numeral(articles.count - fromEnd))条"
            let table = SectionAligner.align(old, new).table(old, new, where: isArticle)
            #expect(table.contains { $0 == (oldMarker, nil, .removed) })
            #expect(table.contains { $0 == (nil, newMarker, .new) })
            // Read backwards the echo is the deleted article and the old one new.
            let reversed = SectionAligner.align(new, old).table(new, old, where: isArticle)
            #expect(reversed.contains { $0 == (newMarker, nil, .removed) })
            #expect(reversed.contains { $0 == (nil, oldMarker, .new) })
        }
    }

    /// A real move keeps enough of its text: 2017 第三十条 (administrative review before
    /// litigation) became 2023 第二十三条, rewritten, and moved from 第五章 to 第二章.
    @Test func rewrittenArticleMovedFarIsFollowed() {
        var bodies = Array(articles.prefix(32))
        bodies.remove(at: 29)
        bodies.insert(revised[22], at: 8)
        let old = RevisionFixtures.law(Array(articles.prefix(32)))
        let new = RevisionFixtures.law(bodies)
        let table = SectionAligner.align(old, new).table(old, new, where: isArticle)
        #expect(table.contains { $0 == ("第三十条", "第九条", .modified) })
        #expect(!table.contains { $0.2 == .new || $0.2 == .removed })
    }
}

/// Order is evidence only where numbers run through the document: a report's tasks, numbered
/// again under each part, are reordered freely from one year to the next.
@Suite struct CompareOrderInListsTests {
    let tasks = RevisionFixtures.tasks.map { "\($0.heading)。\($0.body)" }

    func report(_ parts: [(String, [String])]) -> Report {
        var text = "政府工作报告\n"
        for (part, (heading, children)) in parts.enumerated() {
            text += "\(RevisionFixtures.numeral(part + 1))、\(heading)\n"
            for (offset, child) in children.enumerated() { text += "（\(RevisionFixtures.numeral(offset + 1))）\(child)\n" }
        }
        return ReportParser.parse(text)
    }

    /// The first task moves to the end and keeps under a third of its text, the rest new: its
    /// share of either text is below a move's bar, yet it is the same task.
    @Test func taskMovedToTheEndAndCutStaysLinked() {
        let review = tasks[7..<10].map { String($0.prefix(300)) }
        let first = tasks[0]
        let cut = String(first.prefix(first.count * 3 / 10)) + String(tasks[9].dropFirst(300).prefix(600))
        let old = report([("过去一年工作回顾", review), ("今年政府工作任务", Array(tasks[0..<8]))])
        let new = report([("过去一年工作回顾", review), ("今年政府工作任务", Array(tasks[1..<8]) + [cut])])
        let table = SectionAligner.align(old, new).table(old, new) { $0.depth == 2 }
        #expect(table.contains { $0.0 == "（一）" && $0.1 == "（八）" && $0.2 == .modified })
        #expect(!table.contains { $0.2 == .new || $0.2 == .removed })
    }
}
