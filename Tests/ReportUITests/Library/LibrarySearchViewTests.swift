import ReportKit
import Testing

@testable import ReportUI

/// `/` in the library: every report searched, results grouped by report then section with hit
/// counts at both levels, `n`/`N` across reports in order, inside a report and in the list.
@Suite struct LibrarySearchViewTests {
    let seedCount = BrowserFixtures.seed.text.components(separatedBy: "信用修复").count - 1

    @Test func searchKeepsTheReportsWithHitsGroupedBySectionWithCounts() {
        var script = ScriptedLibrary()
        script.type("/信用修复")
        #expect(script.catalog.searches == 0, "the search runs on Enter, not per key")
        #expect(script.statusLine.contains("/ 信用修复"), "\(script.statusLine)")
        script.press(.enter)
        #expect(script.catalog.searches == 1)
        let search = try! #require(script.list.search)
        #expect(search.reports.map(\.entry) == [0, 2])
        #expect(search.reports[0].count == 3)
        #expect(search.reports[1].count == seedCount)
        // Reports, each followed by its sections; the other reports and the failed file go.
        #expect(script.list.rows == [
            .folder("reports/2022", reports: 1), .report(0),
            .section(entry: 0, position: 0), .section(entry: 0, position: 1),
            .folder("reports/2023", reports: 1), .report(2),
        ] + (0..<search.reports[1].sections.count).map { .section(entry: 2, position: $0) })
        // The first hit row is selected.
        #expect(script.list.selectedRow == .section(entry: 0, position: 0))
        let lines = script.frameLines
        let report = lines.first { $0.contains("上城区2022年法治政府建设情况报告") } ?? ""
        #expect(report.hasSuffix(" 3"), "\(report)")
        let sectionRow = 1 + (script.list.rows.firstIndex(of: .section(entry: 0, position: 0)) ?? 0)
        #expect(lines[sectionRow].contains("推进信用修复") && lines[sectionRow].hasSuffix(" 2"), "\(lines.joined(separator: "\n"))")
        #expect(lines[0].contains("/信用修复: \(3 + seedCount) in 2"), "\(lines[0])")
        #expect(script.statusLine.contains("\(3 + seedCount) hits in 2 reports"), "\(script.statusLine)")
    }

    @Test func nAndNMoveAcrossHitRowsInOrderAndWrap() {
        var script = ScriptedLibrary()
        script.type("/信用修复\n")
        let hitRows = script.list.rows.filter { if case .section = $0 { true } else { false } }
        var visited: [LibraryRow] = [script.list.selectedRow!]
        for _ in 1..<hitRows.count {
            script.type("n")
            visited.append(script.list.selectedRow!)
        }
        #expect(visited == hitRows)
        script.type("n")
        #expect(script.list.selectedRow == hitRows[0])
        #expect(script.statusLine.contains("wrapped to the first report"))
        script.type("N")
        #expect(script.list.selectedRow == hitRows.last)
        // Collapsing a report leaves its row as its one stop.
        script.press(.home, .down, .left)
        #expect(script.list.rows.contains(.section(entry: 0, position: 0)) == false)
        script.press(.home)
        script.type("n")
        #expect(script.list.selectedRow == .report(0))
        script.press(.right)
        #expect(script.list.rows.contains(.section(entry: 0, position: 0)))
    }

    @Test func enterOnASectionRowOpensTheReportAtThatHitWithTheSearchShown() {
        var script = ScriptedLibrary()
        script.type("/信用修复\n")
        script.type("n")
        #expect(script.list.selectedRow == .section(entry: 0, position: 1))
        script.press(.enter)
        let state = try! #require(script.session.report?.state)
        let report = script.catalog.reports[0]!
        #expect(state.search?.query.text == "信用修复")
        #expect(state.search?.hitCount == 3)
        #expect(state.selection.sectionIndex.map { report.sections[$0].address } == "2")
        // The report's own tree shows its counts.
        let row = script.frameLines.first { $0.contains("· 二、下一步打算") } ?? ""
        #expect(row.contains(" 1│"), "\(script.frameText)")
        #expect(script.statusLine.contains("/信用修复 3/3"), "\(script.statusLine)")
    }

    @Test func nPastTheLastHitOfAReportGoesOnToTheNextReportAndNBack() {
        var script = ScriptedLibrary()
        script.type("/信用修复\n")
        script.press(.enter)
        #expect(script.session.current == 0)
        #expect(script.session.report?.state.search?.current == 0)
        script.type("nn")
        #expect(script.session.current == 0)
        #expect(script.session.report?.state.search?.current == 2)
        script.type("n")
        #expect(script.session.current == 2)
        #expect(script.session.report?.state.search?.current == 0)
        #expect(script.statusLine.contains("Next report: 杭州市钱塘区"), "\(script.statusLine)")
        // N at the first hit goes back to the last hit of the report before.
        script.type("N")
        #expect(script.session.current == 0)
        #expect(script.session.report?.state.search?.current == 2)
        // Inside a report of its own search, n stays in the report as always.
        script.type("/执法\n")
        let count = script.session.report?.state.search?.hitCount ?? 0
        for _ in 0..<(count + 1) { script.type("n") }
        #expect(script.session.current == 0)
    }

    @Test func aSearchWithoutHitsSaysSoAndKeepsTheList() {
        var script = ScriptedLibrary()
        script.type("/没有这个词\n")
        #expect(script.list.search == nil)
        #expect(script.reportTitles.count == 4)
        #expect(script.statusLine.contains("No hits for 没有这个词 in 4 reports"), "\(script.statusLine)")
        script.type("/信用修复\n")
        #expect(script.list.search != nil)
        script.press(.escape)
        #expect(script.list.search == nil)
        #expect(script.reportTitles.count == 4)
    }

    @Test func anInvalidPatternIsAnErrorNotASearch() {
        let catalog = MemoryLibraryCatalog.sample()
        var state = LibraryState(entries: catalog.entries, size: Size(width: 80, height: 20))
        state.receive(LibrarySearchOutcome(query: SearchQuery("(", isRegex: true), reports: [], error: "invalid pattern"))
        #expect(state.message?.isError == true)
        #expect(state.search == nil)
    }
}
