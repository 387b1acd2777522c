import ReportKit
import Testing

@testable import ReportUI

/// The library list: folder groups, titles, dates and issuers from the metadata, order by
/// path, date or title, filtering by typing, unreadable members listed with their reason.
@Suite struct LibraryListTests {
    let shangcheng = "上城区2022年法治政府建设情况报告"
    let gongshu = "拱墅区2022年法治政府建设报告"
    let qiantang = "杭州市钱塘区人民政府关于钱塘区2024年法治政府建设年度报告"

    @Test func theListGroupsReportsByFolderWithTheirMetadata() {
        let script = ScriptedLibrary()
        #expect(script.list.rows.first == .folder("reports/2022", reports: 2))
        #expect(script.list.rows.contains(.folder("reports/2023", reports: 2)))
        #expect(script.reportTitles == [shangcheng, gongshu, qiantang, "reports/2023/broken.bin"])
        // The first report is selected, not the folder above it.
        #expect(script.list.selectedRow == .report(0))
        let lines = script.frameLines
        #expect(lines[0].contains("Library · 4 reports · by path"), "\(lines[0])")
        let row = lines.first { $0.contains(shangcheng) } ?? ""
        #expect(row.contains("2023-03-10 10:00") && row.contains("上城区司法局"), "\(row)")
        let broken = lines.first { $0.contains("broken.bin") } ?? ""
        #expect(broken.contains("cannot be read: not a report: binary data"), "\(broken)")
        #expect(script.statusLine.contains("reports/2022/上城.txt"), "\(script.statusLine)")
    }

    @Test func sortCyclesThroughDateAndTitleWithinFolders() {
        var script = ScriptedLibrary()
        script.type("s")
        #expect(script.list.sort == .date)
        // Newest first within each folder (2023年6月1日 after 2023-03-10), undated last; folders stay grouped.
        #expect(script.reportTitles == [gongshu, shangcheng, qiantang, "reports/2023/broken.bin"])
        #expect(script.frameLines[0].contains("by date"))
        script.type("s")
        #expect(script.list.sort == .title)
        // Code-point order: 上 (U+4E0A) before 拱 (U+62F1), a path-like title before Chinese.
        #expect(script.reportTitles == [shangcheng, gongshu, "reports/2023/broken.bin", qiantang])
        script.type("s")
        #expect(script.list.sort == .path)
    }

    @Test func datesAsReportsWriteThemOrderTogether() {
        #expect(LibraryDateKey("2023-03-10 10:00")! > LibraryDateKey("2023年1月5日")!)
        #expect(LibraryDateKey("２０２４年３月５日") == LibraryDateKey("2024.3.5"))
        #expect(LibraryDateKey("2024年") == LibraryDateKey("2024"))
        #expect(LibraryDateKey("") == nil)
        #expect(LibraryDateKey("第12号") == nil)
        let entries = ["2023-01-01", "", "2024-06-30", "2024-06-01"].enumerated().map { index, date in
            LibraryEntry(path: "\(index).txt", folder: ".", title: "t", date: date, issuer: "", failure: nil)
        }
        #expect(LibraryRows.ordered([0, 1, 2, 3], of: entries, by: .date) == [2, 3, 0, 1])
    }

    @Test func typingFiltersAndEscapeTakesTheFilterAway() {
        var script = ScriptedLibrary()
        script.type("f拱墅")
        #expect(script.list.bindingContext == .prompt)
        #expect(script.reportTitles == [gongshu])
        #expect(script.list.rows == [.folder("reports/2022", reports: 1), .report(1)])
        #expect(script.statusLine.contains("Filter: 拱墅"), "\(script.statusLine)")
        script.press(.enter)
        #expect(script.list.bindingContext == .library)
        #expect(script.frameLines[0].contains("filter: 拱墅"))
        script.press(.escape)
        #expect(script.reportTitles.count == 4)
    }

    @Test func chineseTypedInTheListStartsTheFilterAndMatchesIssuersAndPaths() {
        var script = ScriptedLibrary()
        script.type("司法局")
        #expect(script.list.bindingContext == .prompt)
        #expect(script.reportTitles == [shangcheng])
        script.press(.escape)
        #expect(script.reportTitles.count == 4)
        // Full-width and case fold as search does: ＢＲＯＫＥＮ finds broken.bin's path.
        script.type("fＢＲＯＫＥＮ\n")
        #expect(script.reportTitles == ["reports/2023/broken.bin"])
        script.type("f")
        script.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        script.type("nothing-like-this\n")
        #expect(script.list.rows.isEmpty)
        #expect(script.frameText.contains("No report matches the filter"))
    }

    @Test func enterOpensTheReportInPlaceAndLGoesBack() {
        var script = ScriptedLibrary()
        script.select(title: qiantang)
        script.press(.enter)
        #expect(script.session.current == 2)
        #expect(script.session.bindingContext == .browse)
        // The single-report browser, unchanged: its header and tree.
        #expect(script.frameLines[0].contains(qiantang))
        #expect(script.frameText.contains("一、主要举措和突出成效"))
        // Everything of one report works inside: go-to, marks.
        script.type(":二\n")
        #expect(script.session.report?.state.selection.sectionIndex.map { BrowserFixtures.seed.sections[$0].address } == "2")
        script.type("ma")
        script.type("L")
        #expect(script.session.current == nil)
        #expect(script.list.selectedRow == .report(2))
        // Reopened, the report is where it was left, its mark still set.
        script.press(.enter)
        #expect(script.catalog.opened == [2])
        #expect(script.session.report?.state.marks.places["a"] != nil)
        #expect(script.session.report?.state.selection.sectionIndex.map { BrowserFixtures.seed.sections[$0].address } == "2")
    }

    @Test func anUnreadableMemberIsListedNotOpened() {
        var script = ScriptedLibrary()
        script.select(title: "reports/2023/broken.bin")
        script.press(.enter)
        #expect(script.session.current == nil)
        #expect(script.catalog.opened.isEmpty)
        #expect(script.statusLine.contains("cannot be read"), "\(script.statusLine)")
    }

    @Test func qQuitsFromTheListAndFromAnOpenedReport() {
        var list = ScriptedLibrary()
        let listGoesOn = list.type("q")
        #expect(!listGoesOn)
        var inside = ScriptedLibrary()
        inside.press(.enter)
        #expect(inside.session.current == 0)
        let insideGoesOn = inside.type("q")
        #expect(!insideGoesOn)
    }

    @Test func tinyTerminalsSayTheyAreTooSmall() {
        var script = ScriptedLibrary(size: Size(width: 12, height: 3))
        #expect(script.frameLines[0].contains("Too small"))
        _ = script.session.handle(.resize(Size(width: 40, height: 8)))
        #expect(script.frameLines[0].contains("Library"))
        #expect(script.frameLines.count == 8)
    }
}
