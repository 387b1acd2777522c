import ReportKit
import Testing

@testable import ReportUI

/// `#` in the library: the listed reports' figures in one table, grouped by subject, so the
/// same measure sits together across reports; Enter opens the report at the figure.
@Suite struct LibraryFiguresTests {
    static func catalog() -> MemoryLibraryCatalog {
        MemoryLibraryCatalog([
            ("a/上城.txt", """
                上城区2024年法治政府建设报告
                一、主要工作
                全年受理行政复议案件120件。开展执法检查30次。
                """),
            ("a/拱墅.txt", """
                拱墅区2024年法治政府建设报告
                一、主要工作
                开展执法检查12次。全年受理行政复议案件95件。
                """),
        ])
    }

    func list(_ script: ScriptedLibrary) -> LibraryFiguresList? {
        if case .figures(let list) = script.list.mode { list } else { nil }
    }

    @Test func theTableGroupsTheSameSubjectAcrossReports() throws {
        var script = ScriptedLibrary(Self.catalog())
        script.type("#")
        #expect(script.list.bindingContext == .figures)
        let rows = try #require(list(script)?.rows)
        let described = rows.map { "\($0.entry) \($0.figure.text)" }
        #expect(described.count == 4, "\(described)")
        // Each subject's figures together, reports in list order within it.
        let subjects = rows.map { SearchIndex.fold($0.figure.subject) }
        var seen: [String] = []
        for subject in subjects where seen.last != subject {
            #expect(!seen.contains(subject), "subject \(subject) split: \(described)")
            seen.append(subject)
        }
        let reviews = rows.filter { $0.figure.text.hasSuffix("件") }
        #expect(reviews.map(\.entry) == [0, 1], "\(described)")
        let frame = script.frameText
        #expect(frame.contains("Figures of the listed reports · 4 · by subject"), "\(frame)")
        #expect(frame.contains("上城区2024年法治政府建设报告") && frame.contains("95件"), "\(frame)")
    }

    @Test func typingFiltersAndEnterOpensTheReportAtTheFigure() throws {
        var script = ScriptedLibrary(Self.catalog())
        script.type("#95")
        let rows = try #require(list(script)?.rows)
        #expect(rows.map(\.figure.text) == ["95件"])
        script.press(.enter)
        #expect(script.session.current == 1)
        let state = try #require(script.session.report?.state)
        let report = script.catalog.reports[1]!
        let lit = try #require(state.reader.highlight)
        #expect(String(report.slice(lit)) == "95件")
        script.type("L")
        #expect(script.session.current == nil)
    }

    @Test func aLongListIsNarrowedFirst() {
        let members = (0...LibraryState.figuresReportLimit).map { ("r/\($0).txt", "报告\($0)\n一、工作\n完成10件。" as String?) }
        var script = ScriptedLibrary(MemoryLibraryCatalog(members))
        script.type("#")
        #expect(script.list.bindingContext == .library)
        #expect(script.catalog.opened.isEmpty)
        #expect(script.statusLine.contains("narrow to 200 with f or / first"), "\(script.statusLine)")
    }

    @Test func tabOrdersEachSubjectByValueThenGroupsByUnitAndKeepsTheCursor() throws {
        var script = ScriptedLibrary(MemoryLibraryCatalog([
            ("a/上城.txt", "上城区2024年法治政府建设报告\n一、主要工作\n全年受理行政复议案件120件。开展执法检查30次。\n"),
            ("a/拱墅.txt", "拱墅区2024年法治政府建设报告\n一、主要工作\n全年受理行政复议案件95件。\n"),
            ("a/西湖.txt", "西湖区2024年法治政府建设报告\n一、主要工作\n全年受理行政复议案件300件。开展执法检查8次。\n"),
        ]))
        script.type("#")
        func texts() -> [String] { list(script)?.rows.map(\.figure.text) ?? [] }
        let reviews: (String) -> Bool = { $0.hasSuffix("件") }
        #expect(texts().filter(reviews) == ["120件", "95件", "300件"], "\(texts())")
        script.press(.down)
        let chosen = try #require(list(script).map { $0.rows[$0.cursor] })
        script.press(.tab)
        #expect(list(script)?.order == .value)
        #expect(texts().filter(reviews) == ["300件", "120件", "95件"], "\(texts())")
        #expect(list(script).map { $0.rows[$0.cursor] } == chosen)
        #expect(script.frameText.contains("by subject, largest first"), "\(script.frameText)")
        script.press(.tab)
        #expect(list(script)?.order == .unit)
        // Every 件 before every 次: the unit groups come first, subjects inside them.
        let units = list(script)?.rows.map(\.figure.unit) ?? []
        #expect(units == units.sorted { $0 == "件" && $1 != "件" }, "\(units)")
        #expect(Set(units) == ["件", "次"])
        script.press(.tab)
        #expect(list(script)?.order == .subject)
    }
}
