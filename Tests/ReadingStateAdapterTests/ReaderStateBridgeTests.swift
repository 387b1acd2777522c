import Foundation
import ReaderState
import ReportKit
import ReportUI
import Testing

@testable import ReadingStateAdapter

/// The bridge between the browser and a real `StateStore` in a temporary XDG state directory.
@Suite struct ReaderStateBridgeTests {
    let report = ReportParser.parse(String(decoding: BundledReport.bytes, as: UTF8.self))

    func index(of address: String) -> Int {
        report.sections.firstIndex { $0.address == address } ?? -1
    }

    func start(of address: String) -> Int {
        report.sections[index(of: address)].ownRange.lowerBound
    }

    /// A body offset well inside a section's text, on a character boundary.
    func bodyOffset(in address: String, characters: Int = 12, of report: Report? = nil) -> Int {
        let report = report ?? self.report
        let section = report.sections[report.sections.firstIndex { $0.address == address }!]
        let body = report.slice(section.bodyRange)
        return section.bodyRange.lowerBound + body.prefix(characters).utf8.count
    }

    @Test func browserSessionsRoundTripThroughTheStore() throws {
        let directory = try TemporaryStateDirectory()
        defer { directory.remove() }
        let store = directory.store

        let first = ReaderStateBridge(store: store, report: report, file: nil)
        var session = BrowserSession(report: report, options: BrowserOptions(color: false), size: Size(width: 100, height: 30), store: first)
        #expect(session.state.message == nil)
        for event in Self.keys(":3.2\nma:1\n") { _ = session.handle(event) }
        session.finish()
        #expect(first.lastSaveNotices.isEmpty)

        // What `report-browser marks` and any other reader of the store see.
        let hash = DocumentIdentity(report: report).hash
        let saved = try #require(store.load(documentHash: hash).state)
        #expect(saved.marks["a"]?.place.sectionAddress == "3.2")
        #expect(saved.readingPosition?.sectionAddress == "1")
        #expect(saved.selection?.sectionAddress == "1")

        let second = ReaderStateBridge(store: store, report: report, file: nil)
        var reopened = BrowserSession(report: report, options: BrowserOptions(color: false), size: Size(width: 100, height: 30), store: second)
        #expect(reopened.state.selection == .section(index(of: "1")))
        #expect(reopened.state.message?.text.hasPrefix("Resumed at 1 ") == true)
        #expect(reopened.frame().screen.lines.last?.contains("Resumed at 1 ") == true)
        for event in Self.keys("'a") { _ = reopened.handle(event) }
        #expect(reopened.state.selection == .section(index(of: "3.2")))
    }

    @Test func goToAddressesAreRecalledInTheNextSession() throws {
        let directory = try TemporaryStateDirectory()
        defer { directory.remove() }
        let size = Size(width: 100, height: 30)

        let first = ReaderStateBridge(store: directory.store, report: report, file: nil)
        var session = BrowserSession(report: report, options: BrowserOptions(color: false), size: size, store: first)
        for event in Self.keys(":3.2\n:1\n") { _ = session.handle(event) }
        session.finish()
        #expect(first.lastSaveNotices.isEmpty)
        let saved = try #require(directory.store.load(documentHash: DocumentIdentity(report: report).hash).state)
        #expect(saved.gotoHistory?.queries == ["3.2", "1"])

        let second = ReaderStateBridge(store: directory.store, report: report, file: nil)
        var reopened = BrowserSession(report: report, options: BrowserOptions(color: false), size: size, store: second)
        for event in Self.keys(":") + [.key(.up), .key(.up)] { _ = reopened.handle(event) }
        #expect(reopened.state.prompt.text == "3.2")
        _ = reopened.handle(.key(.enter))
        #expect(reopened.state.selection == .section(index(of: "3.2")))
    }

    @Test func anchorsSurviveTheStoreExactly() throws {
        let directory = try TemporaryStateDirectory()
        defer { directory.remove() }
        let anchors: [TextAnchor] = [
            TextAnchor(row: .title, offset: report.frontRange.lowerBound),
            TextAnchor(row: .title, offset: report.preambleStart + 3),
            TextAnchor(row: .section(index(of: "1")), offset: start(of: "1")),
            TextAnchor(row: .section(index(of: "1")), offset: bodyOffset(in: "1.2")),
            TextAnchor(row: .section(index(of: "3.2")), offset: bodyOffset(in: "3.2", characters: 30)),
            TextAnchor(row: .section(report.sections.count - 1), offset: report.text.utf8.count),
        ]
        let letters = Array("abcdefgh")
        var marks: [Character: TextAnchor] = [:]
        for (letter, anchor) in zip(letters, anchors) { marks[letter] = anchor }
        let reading = RememberedReading(place: anchors[4], marks: marks, searchHistory: ["述职", "营商环境"])
        let writer = ReaderStateBridge(store: directory.store, report: report, file: nil)
        #expect(writer.save(reading).isEmpty)

        let reader = ReaderStateBridge(store: directory.store, report: report, file: nil)
        let loaded = reader.load()
        #expect(loaded.notices.isEmpty)
        #expect(loaded.reading == reading)
    }

    @Test func aMarkDeletedHereStaysDeletedWhenAnotherBrowserSaves() throws {
        let directory = try TemporaryStateDirectory()
        defer { directory.remove() }
        let markA = TextAnchor(row: .section(index(of: "3.2")), offset: start(of: "3.2"))
        let markB = TextAnchor(row: .section(index(of: "2")), offset: start(of: "2"))
        _ = ReaderStateBridge(store: directory.store, report: report, file: nil).save(RememberedReading(marks: ["a": markA]))

        let one = ReaderStateBridge(store: directory.store, report: report, file: nil)
        let two = ReaderStateBridge(store: directory.store, report: report, file: nil)
        let seenByOne = try #require(one.load().reading)
        let seenByTwo = try #require(two.load().reading)
        #expect(seenByOne.marks == ["a": markA])

        // One deletes a; two, still showing a, sets b; then one saves again without b.
        var oneNow = seenByOne
        oneNow.marks["a"] = nil
        #expect(one.save(oneNow).isEmpty)
        var twoNow = seenByTwo
        twoNow.marks["b"] = markB
        #expect(two.save(twoNow).isEmpty)
        oneNow.place = markB
        #expect(one.save(oneNow).isEmpty)

        let final = try #require(ReaderStateBridge(store: directory.store, report: report, file: nil).load().reading)
        #expect(final.marks == ["b": markB])
        #expect(final.place == markB)
    }

    @Test func anEditedFileFindsItsMarksByTheirText() throws {
        let directory = try TemporaryStateDirectory()
        defer { directory.remove() }
        let file = directory.path + "/report.txt"
        let mark = TextAnchor(row: .section(index(of: "3.2")), offset: bodyOffset(in: "3.2", characters: 30))
        _ = ReaderStateBridge(store: directory.store, report: report, file: file).save(RememberedReading(place: mark, marks: ["a": mark]))

        // Words added at the start of 3.2's text move everything after them.
        let inserted = "新增一句说明文字。"
        let bodyStart = report.sections[index(of: "3.2")].bodyRange.lowerBound
        let utf8 = Array(report.text.utf8)
        let editedText = String(decoding: utf8[..<bodyStart] + Array(inserted.utf8) + utf8[bodyStart...], as: UTF8.self)
        let edited = ReportParser.parse(editedText)
        let bridge = ReaderStateBridge(store: directory.store, report: edited, file: file)
        let loaded = bridge.load()
        let anchor = try #require(loaded.reading?.marks["a"])
        #expect(anchor.offset == mark.offset + inserted.utf8.count)
        #expect(loaded.reading?.place == anchor)
        #expect(loaded.notices.contains { $0.contains("mark a found again") }, "\(loaded.notices)")

        var session = BrowserSession(report: edited, options: BrowserOptions(color: false), size: Size(width: 120, height: 30), store: bridge)
        #expect(session.state.message?.text.contains("mark a found again") == true)
        #expect(session.state.message?.text.hasPrefix("Resumed at 3.2 ") == true)
        _ = session.handle(.key(.character("q")))
    }

    @Test func aDamagedStateFileIsANoticeNotAnError() throws {
        let directory = try TemporaryStateDirectory()
        defer { directory.remove() }
        let path = try #require(directory.store.stateFilePath(documentHash: DocumentIdentity(report: report).hash))
        try FileManager.default.createDirectory(atPath: directory.path + "/report-browser", withIntermediateDirectories: true)
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: path))

        let bridge = ReaderStateBridge(store: directory.store, report: report, file: nil)
        let session = BrowserSession(report: report, options: BrowserOptions(color: false), size: Size(width: 200, height: 30), store: bridge)
        #expect(session.state.selection == .title)
        #expect(session.state.message?.isError == true)
        #expect(session.frame().screen.lines.last?.contains("set aside") == true)
    }

    @Test func aDisabledStoreReadsAndWritesNothing() throws {
        let bridge = ReaderStateBridge(store: .disabled, report: report, file: nil)
        #expect(bridge.load().reading == nil)
        #expect(bridge.load().notices.isEmpty)
        #expect(bridge.save(RememberedReading(marks: ["a": TextAnchor(row: .title, offset: 0)])).isEmpty)
        #expect(bridge.load().reading == nil)
    }

    /// Works for root too, for whom no directory is read-only: the state directory's place is
    /// taken by a file.
    @Test func anUnwritableStateDirectoryIsANotice() throws {
        let directory = try TemporaryStateDirectory()
        defer { directory.remove() }
        try Data("not a directory".utf8).write(to: URL(fileURLWithPath: directory.path + "/report-browser"))
        let bridge = ReaderStateBridge(store: directory.store, report: report, file: nil)
        var session = BrowserSession(report: report, options: BrowserOptions(color: false), size: Size(width: 100, height: 30), store: bridge)
        for event in Self.keys("jma") { _ = session.handle(event) }
        #expect(session.state.message?.isError == true)
        #expect(!bridge.lastSaveNotices.isEmpty)
        #expect(session.state.message?.text == bridge.lastSaveNotices.joined(separator: " · "))
        // The mark still works in this session.
        for event in Self.keys("j'a") { _ = session.handle(event) }
        #expect(session.state.selection == .section(index(of: "1")))
    }

    @Test(arguments: [
        ([], [], []),
        (["a"], [], ["a"]),
        (["a", "b"], ["a"], ["b"]),
        (["a", "c", "b"], ["a", "b", "c"], ["c", "b"]),
        (["b", "c"], ["a", "b", "c"], ["b", "c"]),
        (["a", "b"], ["a", "b"], []),
    ])
    func newSearchesAreTheChangedTail(_ history: [String], _ known: [String], _ expected: [String]) {
        #expect(Array(ReaderStateBridge.newSearches(in: history, since: known)) == expected)
    }

    @Test(arguments: [(nil, nil), ("-", nil), ("/no-such-directory/a/../b.txt", "/no-such-directory/b.txt")] as [(String?, String?)])
    func documentPaths(_ file: String?, _ expected: String?) {
        #expect(ReaderStateBridge.absolutePath(of: file) == expected)
    }

    static func keys(_ text: String) -> [InputEvent] {
        text.map { $0 == "\n" ? .key(.enter) : .key(.character($0)) }
    }
}

/// `XDG_STATE_HOME` pointed at a fresh directory.
struct TemporaryStateDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "report-browser-bridge-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    var store: StateStore { StateStore.standard(environment: ["XDG_STATE_HOME": path]) }

    func remove() {
        chmod(path + "/report-browser", 0o700)
        try? FileManager.default.removeItem(atPath: path)
    }
}
