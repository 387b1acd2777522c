import ReportKit
import Testing

@testable import ReportUI

/// `m` on a report of the library marks it as the old side, `c` on another opens the compare
/// view of the two; `q` there comes back to the list.
@Suite struct LibraryCompareTests {
    @Test func markThenCompareOpensTheCompareViewAndQuitComesBackToTheList() {
        var script = ScriptedLibrary()
        script.select(title: "上城区2022年法治政府建设情况报告")
        script.type("m")
        #expect(script.list.compareOld == 0)
        #expect(script.statusLine.contains("Old side: 上城.txt"), "\(script.statusLine)")
        script.select(title: "拱墅区2022年法治政府建设报告")
        #expect(script.statusLine.contains("old: 上城.txt"), "the mark stays in the status line: \(script.statusLine)")
        let opened = script.type("c")
        #expect(opened)
        let compare = try! #require(script.session.compare)
        #expect(compare.document.oldName == "上城.txt" && compare.document.newName == "拱墅.txt")
        #expect(compare.document.old.title == "上城区2022年法治政府建设情况报告")
        #expect(compare.document.new.title == "拱墅区2022年法治政府建设报告")
        #expect(script.session.bindingContext == .compare)
        #expect(script.frameLines[0].contains("Compare  上城.txt → 拱墅.txt"), "\(script.frameLines[0])")
        // The compare view's own keys work: `]` moves to a change.
        script.type("]")
        #expect(script.session.compare?.state.selected ?? 0 > 0)
        let goesOn = script.type("q")
        #expect(goesOn, "q leaves the compare view, not the library")
        #expect(script.session.compare == nil)
        #expect(script.session.bindingContext == .library)
        #expect(script.list.selectedRow == .report(1))
        #expect(script.list.compareOld == 0, "the mark stays for comparing with another report")
        #expect(script.frameLines[0].hasPrefix("Library"), "\(script.frameLines[0])")
    }

    @Test func compareWithoutAMarkOrWithTheMarkedReportItselfSaysSo() {
        var script = ScriptedLibrary()
        script.select(title: "上城区2022年法治政府建设情况报告")
        script.type("c")
        #expect(script.session.compare == nil)
        #expect(script.statusLine.contains("Mark the old side first"), "\(script.statusLine)")
        script.type("mc")
        #expect(script.session.compare == nil)
        #expect(script.statusLine.contains("上城.txt is the marked report itself"), "\(script.statusLine)")
        // `m` again takes the mark off.
        script.type("m")
        #expect(script.list.compareOld == nil)
        #expect(script.statusLine.contains("Unmarked 上城.txt"), "\(script.statusLine)")
    }

    @Test func unreadableMembersGiveAMessageNotACompare() {
        var script = ScriptedLibrary()
        let broken = script.list.entries.firstIndex { $0.failure != nil }!
        script.press(.end)
        #expect(script.list.selectedRow == .report(broken))
        script.type("m")
        #expect(script.list.compareOld == nil)
        #expect(script.statusLine.contains("broken.bin cannot be read"), "\(script.statusLine)")
        script.select(title: "上城区2022年法治政府建设情况报告")
        script.type("m")
        script.press(.end)
        script.type("c")
        #expect(script.session.compare == nil)
        #expect(script.statusLine.contains("broken.bin cannot be read"), "\(script.statusLine)")
    }

    @Test func aMemberThatFailsWhenOpenedIsSaidInTheListAndLosesItsMark() {
        let catalog = FailingOpenCatalog(MemoryLibraryCatalog.sample(), failing: 0)
        var session = LibrarySession(catalog: catalog, options: BrowserOptions(color: false), size: Size(width: 100, height: 30))
        for key in BrowserFixtures.keys("m") { _ = session.handle(key) }
        #expect(session.list.compareOld == 0)
        for key in BrowserFixtures.keys("jc") { _ = session.handle(key) }
        #expect(session.compare == nil)
        #expect(session.list.compareOld == nil)
        #expect(session.list.entries[0].failure == "vanished")
        #expect(session.frame().screen.lines.last?.contains("上城.txt: vanished") == true)
    }

    @Test func controlCInTheCompareViewEndsTheSession() {
        var script = ScriptedLibrary()
        script.select(title: "上城区2022年法治政府建设情况报告")
        script.type("m")
        script.select(title: "拱墅区2022年法治政府建设报告")
        script.type("c")
        #expect(script.session.compare != nil)
        let goesOn = script.session.handle(.key(.control("c")))
        #expect(!goesOn)
    }

    @Test func theMarkedRowShowsItsTag() {
        var script = ScriptedLibrary()
        script.select(title: "上城区2022年法治政府建设情况报告")
        script.type("m")
        script.press(.down)
        let row = script.frameLines.first { $0.contains("上城区2022年法治政府建设情况报告") } ?? ""
        #expect(row.hasPrefix("  \(LibraryRenderer.compareOldTag)上城区2022年"), "\(row)")
        let other = script.frameLines.first { $0.contains("拱墅区2022年法治政府建设报告") } ?? ""
        #expect(!other.contains(LibraryRenderer.compareOldTag), "\(other)")
    }
}

/// A catalog whose listing says a member is readable, but opening it fails: the file went
/// away or changed between the listing and the key press.
final class FailingOpenCatalog: LibraryCatalog {
    let base: MemoryLibraryCatalog
    let failing: Int

    init(_ base: MemoryLibraryCatalog, failing: Int) {
        self.base = base
        self.failing = failing
    }

    var entries: [LibraryEntry] { base.entries }
    var listingNote: String { base.listingNote }

    func open(_ entry: Int) -> Result<OpenedLibraryReport, LibraryOpenFailure> {
        entry == failing ? .failure(LibraryOpenFailure(reason: "vanished")) : base.open(entry)
    }

    func search(_ query: SearchQuery) -> LibrarySearchOutcome { base.search(query) }
}
