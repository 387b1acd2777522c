import Foundation
import ReportKit
import ReportTestSupport
import Testing

/// Alignment tables on synthetic revisions of real text.
@Suite struct CompareAlignmentTests {
    let articles = Array(RevisionFixtures.lawArticles.prefix(12))
    let isArticle: (Section) -> Bool = { $0.marker.hasSuffix("条") }

    @Test func fixturesAreRealText() {
        #expect(RevisionFixtures.lawArticles.count == 43)
        #expect(RevisionFixtures.tasks.count == 10)
    }

    @Test func articleInsertedEarlyShiftsTheRest() {
        let old = RevisionFixtures.law(articles)
        var revised = articles
        revised.insert(RevisionFixtures.lawArticles[30], at: 1)
        let new = RevisionFixtures.law(revised)
        let table = SectionAligner.align(old, new).table(old, new, where: isArticle)
        #expect(table.count == 13)
        #expect(table[0] == ("第一条", "第一条", .same))
        #expect(table[1] == (nil, "第二条", .new))
        for number in 2...12 {
            let row = table[number]
            #expect(row == ("第\(RevisionFixtures.numeral(number))条", "第\(RevisionFixtures.numeral(number + 1))条", .moved))
        }
    }

    @Test func articleDeleted() {
        let old = RevisionFixtures.law(articles)
        var revised = articles
        revised.remove(at: 3)
        let new = RevisionFixtures.law(revised)
        let table = SectionAligner.align(old, new).table(old, new, where: isArticle)
        #expect(table.count == 12)
        #expect(table.contains { $0 == ("第四条", nil, .removed) })
        #expect(table.contains { $0 == ("第五条", "第四条", .moved) })
        #expect(table.contains { $0 == ("第三条", "第三条", .same) })
        // The removed article is listed where it stood.
        #expect(table.firstIndex { $0.0 == "第四条" } == 3)
    }

    @Test func articleSplitInTwo() {
        // 第四条 and 第五条 have no items, so joined they read as one article.
        let whole = articles[3] + articles[4]
        let old = RevisionFixtures.law(Array(articles[0..<3]) + [whole] + Array(articles[5...]))
        let new = RevisionFixtures.law(articles)
        let table = SectionAligner.align(old, new).table(old, new, where: isArticle)
        #expect(table.contains { $0 == ("第四条", "第四条", .split) })
        #expect(table.contains { $0 == ("第四条", "第五条", .split) })
        #expect(table.contains { $0 == ("第五条", "第六条", .moved) })
        #expect(!table.contains { $0.2 == .new || $0.2 == .removed })
    }

    @Test func twoArticlesMerged() {
        let old = RevisionFixtures.law(articles)
        let whole = articles[3] + articles[4]
        let new = RevisionFixtures.law(Array(articles[0..<3]) + [whole] + Array(articles[5...]))
        let table = SectionAligner.align(old, new).table(old, new, where: isArticle)
        #expect(table.contains { $0 == ("第四条", "第四条", .merged) })
        #expect(table.contains { $0 == ("第五条", "第四条", .merged) })
        #expect(table.contains { $0 == ("第六条", "第五条", .moved) })
    }

    @Test func swappedTasksAreMoved() {
        let tasks = Array(RevisionFixtures.tasks.prefix(5))
        var swapped = tasks
        swapped.swapAt(0, 1)
        let old = RevisionFixtures.workReport(tasks)
        let new = RevisionFixtures.workReport(swapped)
        let table = SectionAligner.align(old, new).table(old, new) { $0.depth == 2 }
        #expect(table.count == 5)
        #expect(table[0] == ("（二）", "（一）", .moved))
        #expect(table[1] == ("（一）", "（二）", .moved))
        #expect(table[2] == ("（三）", "（三）", .same))
    }

    @Test func slightlyRenamedHeadingIsModified() throws {
        let tasks = Array(RevisionFixtures.tasks.prefix(4))
        var renamed = tasks
        renamed[2].heading += "，提高质量"
        let old = RevisionFixtures.workReport(tasks)
        let new = RevisionFixtures.workReport(renamed)
        let alignment = SectionAligner.align(old, new)
        let pair = try #require(alignment.pairs.first { $0.old.map { old.sections[$0].address } == "1.3" })
        #expect(pair.new.map { new.sections[$0].address } == "1.3")
        #expect(pair.status == .modified)
        #expect(pair.similarity > 0.8 && pair.similarity < 1)
        // The part holding it changed too; nothing else did.
        let changed = alignment.pairs.filter { $0.status != .same }.compactMap { $0.new.map { new.sections[$0].address } }
        #expect(changed == ["1", "1.3"])
    }

    @Test func aReportWithItselfIsAllSame() throws {
        let report = ReportParser.parse(try TestPaths.text(TestPaths.seed))
        let alignment = SectionAligner.align(report, report)
        #expect(alignment.pairs.count == report.sections.count)
        #expect(alignment.isIdentical)
        #expect(alignment.pairs.enumerated().allSatisfy { $0.element.old == $0.offset && $0.element.new == $0.offset })
    }

    @Test func againstAnEmptyReportEverythingIsNewOrRemoved() throws {
        let report = ReportParser.parse(try TestPaths.text(TestPaths.seed))
        let empty = ReportParser.parse("")
        let forward = SectionAligner.align(empty, report)
        #expect(forward.pairs.count == report.sections.count)
        #expect(forward.pairs.allSatisfy { $0.status == .new && $0.old == nil })
        let backward = SectionAligner.align(report, empty)
        #expect(backward.pairs.allSatisfy { $0.status == .removed && $0.new == nil })
        #expect(SectionAligner.align(empty, empty).pairs.isEmpty)
    }

    @Test func isDeterministic() throws {
        let old = ReportParser.parse(try TestPaths.text(RevisionFixtures.pairs.appendingPathComponent("xingzheng_fuyi_fa_2017.txt")))
        let new = ReportParser.parse(try TestPaths.text(RevisionFixtures.pairs.appendingPathComponent("xingzheng_fuyi_fa_2023.txt")))
        #expect(SectionAligner.align(old, new).pairs == SectionAligner.align(old, new).pairs)
    }

    @Test func everySectionOccursAndChangesCanBeWalked() throws {
        let old = ReportParser.parse(try TestPaths.text(RevisionFixtures.pairs.appendingPathComponent("gwr2023.txt")))
        let new = ReportParser.parse(try TestPaths.text(TestPaths.corpus.appendingPathComponent("docs/01_guowuyuan_gwr2024.txt")))
        let alignment = SectionAligner.align(old, new)
        for index in old.sections.indices { #expect(!alignment.pairs(forOld: index).isEmpty) }
        for index in new.sections.indices { #expect(!alignment.pairs(forNew: index).isEmpty) }
        var walked: [Int] = []
        var cursor = -1
        while let next = alignment.nextChange(after: cursor) {
            walked.append(next)
            cursor = next
        }
        #expect(walked == alignment.pairs.indices.filter { alignment.pairs[$0].status.isChange })
        #expect(alignment.previousChange(before: walked.last ?? 0) == (walked.count > 1 ? walked[walked.count - 2] : nil))
    }

    /// Many sections on both sides: the aligner must finish (no quadratic blow-up); the test
    /// asserts on the result, the time goes to BENCHMARKS.md.
    @Test func aHundredThousandSections() {
        var oldText = "大报告\n"
        var newText = "大报告\n"
        for number in 1...100_000 {
            let line = "\(number). 第\(number)项工作完成情况，办理案件\(number % 997)件，群众满意度提升。\n"
            oldText += line
            newText += number % 1000 == 0 ? "\(number). 第\(number)项工作完成情况，办理案件\(number % 997 + 1)件。\n" : line
        }
        let old = ReportParser.parse(oldText)
        let new = ReportParser.parse(newText)
        #expect(old.sections.count == 100_000)
        let alignment = SectionAligner.align(old, new)
        let counts = alignment.counts
        #expect(counts[.same] == 99_900)
        // The hundred changed lines differ from each other only in digits, so some pair up
        // crosswise (第1000项 inside 第10000项); what matters is that none is lost.
        #expect(counts[.new] == nil && counts[.removed] == nil)
        #expect(alignment.pairs.filter { $0.status.isChange }.count >= 100)
    }
}
