import ReportKit
import Testing

@testable import ReportUI

/// A store in memory: hands out what it was given and records every save.
final class MemoryStateStore: ReadingStateStore {
    var stored: RememberedReading?
    var loadNotices: [String]
    var saveNotices: [String] = []
    private(set) var saves: [RememberedReading] = []
    private(set) var loads = 0

    init(stored: RememberedReading? = nil, loadNotices: [String] = []) {
        self.stored = stored
        self.loadNotices = loadNotices
    }

    func load() -> (reading: RememberedReading?, notices: [String]) {
        loads += 1
        return (stored, loadNotices)
    }

    func save(_ reading: RememberedReading) -> [String] {
        saves.append(reading)
        if saveNotices.isEmpty { stored = reading }
        return saveNotices
    }
}

/// A session driven key by key, for assertions on the state between keys.
struct ScriptedSession {
    var session: BrowserSession
    let report: Report

    init(
        _ report: Report = BrowserFixtures.seed, store: (any ReadingStateStore)? = nil,
        options: BrowserOptions = BrowserOptions(color: false), size: Size = Size(width: 100, height: 30)
    ) {
        self.report = report
        session = BrowserSession(report: report, options: options, size: size, store: store)
    }

    var state: BrowserState { session.state }
    var address: String? { state.selection.sectionIndex.map { report.sections[$0].address } }
    var statusLine: String { session.frame().screen.lines.last ?? "" }
    var frameText: String { session.frame().screen.lines.joined(separator: "\n") }

    /// Types text: `\n` is Enter, other characters are themselves.
    @discardableResult
    mutating func type(_ text: String) -> Bool {
        for event in BrowserFixtures.keys(text) where !session.handle(event) { return false }
        return true
    }

    mutating func press(_ keys: Key...) {
        for key in keys { _ = session.handle(.key(key)) }
    }

    func index(of address: String) -> Int {
        report.sections.firstIndex { $0.address == address } ?? -1
    }

    func location(_ address: String) -> String {
        let section = report.sections[index(of: address)]
        return "\(address) \(SectionLabels.heading(of: section))"
    }
}

@Suite struct BrowserMarksTests {
    @Test func markThenGoElsewhereThenQuoteReturns() {
        var script = ScriptedSession()
        script.type(":3.2\nma")
        #expect(script.state.marks["a"]?.row == .section(script.index(of: "3.2")))
        #expect(script.state.message?.text == "Mark a set: \(script.location("3.2"))")
        script.type(":1\n")
        #expect(script.address == "1")
        script.type("'a")
        #expect(script.address == "3.2")
        #expect(script.state.bindingContext == .browse)
    }

    @Test func markKeepsTheReadingPositionExactly() {
        var script = ScriptedSession(size: Size(width: 90, height: 14))
        script.type("j\tjjjjjj")
        let marked = script.state.place
        #expect(marked.position != .start(of: marked.row))
        script.type("mq}}")
        #expect(script.state.place != marked)
        script.type("'q")
        #expect(script.state.place == marked)
    }

    @Test func settingALetterAgainMovesTheMark() {
        var script = ScriptedSession()
        script.type(":1\nma:2\nma")
        #expect(script.state.message?.text == "Mark a moved: \(script.location("2"))")
        script.type(":4\n'a")
        #expect(script.address == "2")
    }

    @Test(arguments: [
        ("'b", "No mark b · m b sets it", true),
        ("m1", "Marks are named by a letter, a-z or A-Z", true),
        ("m中", "Marks are named by a letter, a-z or A-Z", true),
    ])
    func badLettersAreReported(_ keys: String, _ message: String, _ isError: Bool) {
        var script = ScriptedSession()
        script.type(":3.2\nma:1\n" + keys)
        #expect(script.state.message?.text == message)
        #expect(script.state.message?.isError == isError)
        #expect(script.state.bindingContext == .browse)
        #expect(script.address == "1")
        #expect(script.statusLine.contains(message))
    }

    @Test func quoteWithoutMarksSaysHowToSetOne() {
        for key in ["'", "M"] {
            var script = ScriptedSession()
            script.type(key)
            #expect(script.state.bindingContext == .browse)
            #expect(script.state.message?.text == "No marks yet · m and a letter marks this place")
        }
    }

    @Test func escapeCancelsAPendingMark() {
        var script = ScriptedSession()
        script.type("jm")
        #expect(script.state.bindingContext == .markLetter)
        #expect(script.statusLine.contains("press a letter"))
        script.press(.escape)
        #expect(script.state.bindingContext == .browse)
        #expect(script.state.marks.isEmpty)
        // The next letter is an ordinary key again: j moves down.
        script.type("j")
        #expect(script.address == "1.1")
    }

    @Test func backAndForwardWalkThroughMarkJumps() {
        var script = ScriptedSession()
        script.type(":3.2\nma:1\n'a")
        #expect(script.address == "3.2")
        let back = Key.control("o")
        let forward = Key.control("n")
        script.press(back)
        #expect(script.address == "1")
        script.press(back)
        #expect(script.address == "3.2")
        script.press(back)
        #expect(script.address == nil)
        script.press(forward)
        #expect(script.address == "3.2")
        script.press(forward)
        #expect(script.address == "1")
        script.press(forward)
        #expect(script.address == "3.2")
        script.press(forward)
        #expect(script.state.message?.text == "No newer jump")
    }

    @Test func jumpingToTheMarkWhereYouAreIsNotAJump() {
        var script = ScriptedSession()
        script.type(":3.2\nma'a")
        script.press(.control("o"))
        // Back goes past 3.2 to where the go-to started, not to 3.2 again.
        #expect(script.address == nil)
    }

    @Test func markJumpOpensCollapsedSections() {
        var script = ScriptedSession()
        script.type(":3.2\nmaC")
        #expect(script.address == "3")
        script.type("'a")
        #expect(script.address == "3.2")
        let frame = script.frameText
        #expect(frame.contains(SectionLabels.heading(of: script.report.sections[script.index(of: "3.2")])))
    }
}

@Suite struct BrowserMarksListTests {
    @Test func listShowsLetterAddressHeadingAndSnippet() {
        var script = ScriptedSession()
        script.type(":3.2\nma:1.2\nmb:1\nM")
        #expect(script.state.bindingContext == .marks)
        let report = script.report
        let rows = script.frameText.split(separator: "\n").map(String.init)
        for (letter, address) in [("a", "3.2"), ("b", "1.2")] {
            let section = report.sections[script.index(of: address)]
            let snippet = MarkListing.snippet(at: script.state.marks[Character(letter)]!, in: report)
            #expect(!snippet.isEmpty)
            // The list clips the snippet; its first words are on the row.
            let row = rows.first { $0.contains("\(letter)  \(address)") }
            #expect(row?.contains(SectionLabels.heading(of: section)) == true, "\(script.frameText)")
            #expect(row?.contains(String(snippet.prefix(6))) == true, "\(script.frameText)")
        }
        // No mark is at 1, so the list opens on its first row.
        #expect(script.state.highlightedMark == "a")
    }

    @Test func listOpensOnTheMarkOfTheCurrentPlace() {
        var script = ScriptedSession()
        script.type(":3.2\nma:1.2\nmbM")
        #expect(script.state.highlightedMark == "b")
    }

    @Test func enterJumpsAndDDeletes() {
        var script = ScriptedSession()
        script.type(":3.2\nma:1.2\nmb:4\nMj")
        #expect(script.state.highlightedMark == "b")
        script.press(.enter)
        #expect(script.state.bindingContext == .browse)
        #expect(script.address == "1.2")
        script.press(.control("o"))
        #expect(script.address == "4")

        script.type("Md")
        #expect(script.state.marks["a"] == nil)
        #expect(script.state.marks["b"] != nil)
        #expect(script.state.bindingContext == .marks)
        #expect(script.statusLine.contains("Mark a deleted"))
        #expect(!script.frameText.contains("a  3.2"))
        script.type("d")
        #expect(script.state.marks.isEmpty)
        // The list closes with its last mark.
        #expect(script.state.bindingContext == .browse)
    }

    @Test(arguments: [Key.escape, .character("q"), .character("M")])
    func closingKeysCloseTheListAndNothingElse(_ key: Key) {
        var script = ScriptedSession()
        script.type(":3.2\nmaM")
        script.press(key)
        #expect(script.state.bindingContext == .browse)
        #expect(script.address == "3.2")
        #expect(!script.state.hasQuit)
    }

    @Test func cursorStaysWithinTheList() {
        var script = ScriptedSession()
        script.type(":3.2\nma:1\nmbM")
        script.type("kkk")
        #expect(script.state.highlightedMark == "a")
        script.type("jjjj")
        #expect(script.state.highlightedMark == "b")
    }

    @Test func longListsScrollToTheHighlightedRow() {
        var script = ScriptedSession(size: Size(width: 80, height: 10))
        let letters = Array("abcdefghijkl")
        for (index, letter) in letters.enumerated() {
            script.type(":\(index % 4 + 1)\nm\(letter)")
        }
        script.type("M" + String(repeating: "j", count: 11))
        #expect(script.state.highlightedMark == "l")
        let frame = script.frameText
        #expect(frame.contains("l  4"), "\(frame)")
        #expect(!frame.contains("a  1"), "\(frame)")
    }

    @Test func listFitsNarrowAndAsciiTerminals() {
        for ascii in [false, true] {
            var script = ScriptedSession(options: BrowserOptions(ascii: ascii, color: false), size: Size(width: 30, height: 8))
            script.type(":3.2\nmaM")
            let screen = script.session.frame().screen
            #expect(screen.lines.contains { $0.contains("a  3.2") }, "\(screen.lines.joined(separator: "\n"))")
            #expect(screen.lines.contains { $0.contains(MarksOverlay.title) })
        }
    }
}

@Suite struct BrowserMarksKeyTests {
    @Test(arguments: [
        (Key.character("m"), BindingContext.browse, Action.beginMark),
        (.character("'"), .browse, .beginMarkJump),
        (.character("M"), .browse, .showMarks),
        (.character("a"), .markLetter, .markLetter("a")),
        (.character("q"), .markLetter, .markLetter("q")),
        (.character("'"), .markLetter, .markLetter("'")),
        (.escape, .markLetter, .closeMarks),
        (.control("c"), .markLetter, .quit),
        (.control("c"), .marks, .quit),
        (.character("j"), .marks, .moveDown),
        (.up, .marks, .moveUp),
        (.enter, .marks, .jumpToListedMark),
        (.character("d"), .marks, .deleteListedMark),
        (.character("q"), .marks, .closeMarks),
        (.character("M"), .marks, .closeMarks),
    ])
    func keysMapToActions(_ key: Key, _ context: BindingContext, _ expected: Action) {
        #expect(KeyBindings.action(for: key, in: context) == expected)
    }

    @Test func otherKeysWhileWaitingForALetterAreIgnored() {
        #expect(BrowserApp.action(for: .key(.down), in: .markLetter) == nil)
        #expect(BrowserApp.action(for: .key(.character("z")), in: .marks) == nil)
    }

    @Test func helpAndKeyListNameTheMarkKeys() {
        let help = HelpOverlay.lines(ascii: false)
        for summary in ["Mark this place: m, then a letter", "Go back to a mark: ', then its letter", "List the marks", "Delete the mark"] {
            #expect(help.contains { $0.summary == summary })
        }
        let markdown = KeyBindings.markdownKeyList()
        #expect(markdown.contains("| `m` | Mark this place: m, then a letter |"))
        #expect(markdown.contains("### Marks list"))
    }
}
