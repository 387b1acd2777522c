import ReportKit
import ReportTestSupport
import Testing

@testable import ReportUI

/// Remembering across sessions through an in-memory store: what is saved when, and how a
/// session opens with it.
@Suite struct BrowserResumeTests {
    let report = BrowserFixtures.seed
    let size = Size(width: 100, height: 30)

    func index(of address: String) -> Int {
        report.sections.firstIndex { $0.address == address } ?? -1
    }

    func run(_ events: [InputEvent], store: MemoryStateStore, options: BrowserOptions = BrowserOptions(color: false)) -> FakeTerminal {
        let terminal = FakeTerminal(size: size, events: events)
        #expect(BrowserApp(report: report, options: options, store: store).run(on: terminal) == 0)
        return terminal
    }

    @Test(arguments: ["q", "\u{3}", "end of input", "terminate"])
    func quitSavesMarksAndPlace(_ ending: String) {
        let store = MemoryStateStore()
        var events = BrowserFixtures.keys(":3.2\nma:1\n")
        switch ending {
        case "q": events += BrowserFixtures.keys("q")
        case "\u{3}": events.append(.key(.control("c")))
        case "terminate": events.append(.terminate)
        default: break
        }
        // Keys after the ending are never read, so they must not change what was saved.
        if ending != "end of input" { events += BrowserFixtures.keys("jj") }
        _ = run(events, store: store)
        #expect(store.loads == 1)
        // Once right after `ma`, once on the way out.
        #expect(store.saves.count == 2)
        let last = store.saves.last
        #expect(last?.marks["a"] == TextAnchor(row: .section(index(of: "3.2")), offset: report.sections[index(of: "3.2")].ownRange.lowerBound))
        #expect(last?.place?.row == .section(index(of: "1")))
    }

    @Test func markChangesAreSavedAtOnce() {
        let store = MemoryStateStore()
        var script = ScriptedSession(store: store)
        script.type(":3.2\nma")
        #expect(store.saves.count == 1)
        #expect(store.saves.last?.marks.keys.sorted() == ["a"])
        script.type(":1\n'a")
        #expect(store.saves.count == 1)
        script.type("Md")
        #expect(store.saves.count == 2)
        #expect(store.saves.last?.marks.isEmpty == true)
    }

    @Test func reopeningResumesAtTheSavedPlaceWithANotice() {
        let store = MemoryStateStore()
        _ = run(BrowserFixtures.keys(":3.2\nmaq"), store: store)
        let terminal = run([], store: store)
        let location = "3.2 \(SectionLabels.heading(of: report.sections[index(of: "3.2")]))"
        #expect(terminal.lastFrame.lines.last?.contains("Resumed at \(location)") == true, "\(terminal.lastText)")

        var script = ScriptedSession(store: store)
        #expect(script.address == "3.2")
        #expect(script.state.message?.isError == false)
        // The notice lasts one key; the marks came back too.
        script.type(":1\n")
        #expect(!script.statusLine.contains("Resumed"))
        script.type("'a")
        #expect(script.address == "3.2")
    }

    @Test func resumingKeepsTheReadingPositionInsideTheText() {
        let store = MemoryStateStore()
        var first = ScriptedSession(store: store, size: Size(width: 90, height: 14))
        first.type("j\t")
        var steps = 0
        while !(first.state.reading.part == .body && first.state.reading.offset > 0 && first.state.reading.section != 0), steps < 40 {
            first.type("j")
            steps += 1
        }
        let place = first.state.place
        #expect(place.position.part == .body && place.position.section != 0)
        first.session.finish()
        let second = ScriptedSession(store: store, size: Size(width: 90, height: 14))
        #expect(second.state.place.row == place.row)
        #expect(second.state.place.position == place.position)
        let text = second.state.layout.detailText
        #expect(
            BrowserFixtures.rows(of: second.session.frame().screen, in: text)
                == BrowserFixtures.rows(of: first.session.frame().screen, in: text))
    }

    @Test func freshStartsAtTheTopButKeepsTheMarks() {
        let store = MemoryStateStore()
        _ = run(BrowserFixtures.keys(":3.2\nma:2\nq"), store: store)
        var script = ScriptedSession(store: store, options: BrowserOptions(color: false, fresh: true))
        #expect(script.state.selection == .title)
        #expect(script.state.message == nil)
        script.type("'a")
        #expect(script.address == "3.2")
    }

    @Test func storeNoticesAppearInTheStatusLine() {
        let notice = "reading state was damaged; set aside as x.json.corrupt"
        let fresh = ScriptedSession(store: MemoryStateStore(loadNotices: [notice]))
        #expect(fresh.statusLine.contains(notice))
        #expect(fresh.state.message?.isError == true)
        #expect(fresh.state.selection == .title)

        let saved = RememberedReading(place: TextAnchor(row: .section(index(of: "2")), offset: report.sections[index(of: "2")].ownRange.lowerBound))
        let both = ScriptedSession(store: MemoryStateStore(stored: saved, loadNotices: ["mark b dropped"]))
        #expect(both.state.message?.text == "Resumed at 2 \(SectionLabels.heading(of: report.sections[index(of: "2")])) · mark b dropped")
    }

    @Test func saveFailuresAreShownNotFatal() {
        let store = MemoryStateStore()
        store.saveNotices = ["cannot save reading state in /nowhere: read-only"]
        var script = ScriptedSession(store: store)
        script.type(":3.2\nma")
        #expect(script.statusLine.contains("cannot save reading state"))
        #expect(script.state.message?.isError == true)
        script.type(":1\n'a")
        #expect(script.address == "3.2")
    }

    @Test func searchHistoryIsHandedBackUntouched() {
        let store = MemoryStateStore(stored: RememberedReading(searchHistory: ["营商环境", "述职"]))
        var script = ScriptedSession(store: store)
        script.type("ma")
        #expect(store.saves.last?.searchHistory == ["营商环境", "述职"])
    }

    @Test func goToHistoryIsRestoredAndHandedBack() {
        let store = MemoryStateStore(stored: RememberedReading(gotoHistory: ["3.2", "1"]))
        var script = ScriptedSession(store: store)
        script.type(":")
        script.press(.up)
        #expect(script.state.prompt.text == "1")
        script.press(.up)
        #expect(script.state.prompt.text == "3.2")
        script.press(.escape)
        script.type("ma")
        #expect(store.saves.last?.gotoHistory == ["3.2", "1"])
    }

    @Test func marksAtPlacesOutsideTheReportAreMadeSafe() {
        let end = report.text.utf8.count
        let stored = RememberedReading(
            place: TextAnchor(row: .section(report.sections.count + 5), offset: end + 100),
            marks: ["a": TextAnchor(row: .section(index(of: "1")), offset: end), "1": TextAnchor(row: .title, offset: 0)])
        var script = ScriptedSession(store: MemoryStateStore(stored: stored))
        #expect(script.state.selection == .title)
        #expect(script.state.marks.letters == ["a"])
        script.type("'a")
        #expect(script.address == "1")
    }
}

/// Places to anchors and back: exact for text, stable for the lines that are not text.
@Suite struct TextAnchorTests {
    let report = BrowserFixtures.seed

    @Test func everyLineOfEveryDocumentRoundTrips() {
        let size = Size(width: 70, height: 12)
        let context = BrowserContext(report: report)
        let rows: [OutlineRow] = [.title] + report.sections.indices.map(OutlineRow.section)
        var bodyLines = 0
        for row in rows {
            let layout = BrowserLayout(size: size, treeShare: 36, focus: .detail, headerLines: 2)
            let document = context.document(for: row, layout: layout)
            var cursor = document.firstCursor
            var seen = 0
            while seen < 400 {
                let place = BrowserPlace(row: row, position: document.position(of: cursor))
                let anchor = place.anchor(in: report)
                let back = BrowserPlace(anchor, in: report)
                #expect(back.row == row)
                if place.position.part == .body {
                    bodyLines += 1
                    #expect(back == place, "\(row) \(place.position)")
                }
                // Whatever a line maps to maps to itself: saving twice changes nothing.
                #expect(back.anchor(in: report) == anchor, "\(row) \(place.position)")
                let next = document.advance(cursor, by: 1)
                if next == cursor { break }
                cursor = next
                seen += 1
            }
        }
        #expect(bodyLines > 100)
    }

    @Test func startOfARowIsItsTop() {
        for row in [OutlineRow.title, .section(0), .section(5)] {
            let top = BrowserPlace(row: row, position: .start(of: row))
            #expect(BrowserPlace(top.anchor(in: report), in: report) == top)
        }
    }

    @Test func offsetsOutsideTheRowFallBackToItsTop() {
        let chapter = report.roots[1]
        let outside = report.sections[report.roots[2]].ownRange.lowerBound + 10
        let place = BrowserPlace(TextAnchor(row: .section(chapter), offset: outside), in: report)
        #expect(place == BrowserPlace(row: .section(chapter), position: .start(of: .section(chapter))))
        let front = BrowserPlace(TextAnchor(row: .title, offset: outside), in: report)
        #expect(front.position == .start(of: .title))
    }
}
