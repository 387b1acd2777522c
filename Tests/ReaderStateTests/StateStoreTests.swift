import Foundation
import Testing
import ReportKit
@testable import ReaderState

@Suite struct StateStoreTests {
    static let hash = DocumentStateTests.identity.hash

    static func state(mark letter: Character, at fragment: String, time: Int) -> DocumentState {
        var state = DocumentState(documentHash: hash)
        state.setMark(letter, at: DocumentStateTests.place(fragment), date: TestDates.at(time))
        return state
    }

    @Test func roundTripCreatesTheDirectoryAndLeavesNoTemporaryFiles() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let store = StateStore(directory: temporary.path + "/nested/report-browser")
        let state = DocumentStateTests.sampleState()
        let (saved, notices) = store.save(state, date: TestDates.at(100))
        #expect(notices.isEmpty)
        #expect(saved?.savedAt == TestDates.at(100))
        let (loaded, loadNotices) = store.load(documentHash: Self.hash)
        #expect(loadNotices.isEmpty)
        #expect(loaded == saved)
        #expect(loaded?.marks == state.marks)
        #expect(temporary.files(in: "/nested/report-browser") == [".lock", "\(Self.hash).json", "paths"])
        #expect(store.load(documentHash: DocumentIdentity(text: "another text").hash).state == nil)
    }

    static func truncatedState() -> String {
        let full = String(decoding: try! StateCoding.encode(DocumentStateTests.sampleState()), as: UTF8.self)
        return String(full.prefix(full.count / 2))
    }

    static let damagedContents: [(name: String, contents: String, reason: String)] = [
        ("empty", "", "empty"),
        ("truncated", truncatedState(), "not valid JSON"),
        ("garbage", "\u{00}\u{01}binary junk", "not valid JSON"),
        ("no version", #"{"documentHash": "x"}"#, "no format version"),
        ("wrong shape", #"{"formatVersion": 1, "documentHash": "x", "marks": {"a": {"place": 5}}}"#, "bad “marks.a.place”"),
    ]

    @Test(arguments: damagedContents)
    func damagedFileIsSetAsideWithANotice(_ damaged: (name: String, contents: String, reason: String)) throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let store = StateStore(directory: temporary.path)
        let file = try #require(store.stateFilePath(documentHash: Self.hash))
        try Data(damaged.contents.utf8).write(to: URL(fileURLWithPath: file))

        let (loaded, notices) = store.load(documentHash: Self.hash)
        #expect(loaded == nil)
        #expect(notices.count == 1)
        let notice = try #require(notices.first)
        #expect(notice.contains(damaged.reason), "\(notice)")
        #expect(notice.contains("set aside as \(file).corrupt-"), "\(notice)")
        #expect(!FileManager.default.fileExists(atPath: file))
        let aside = try #require(temporary.files().first { $0.hasPrefix("\(Self.hash).json.corrupt-") })
        #expect(try Data(contentsOf: URL(fileURLWithPath: temporary.path + "/" + aside)) == Data(damaged.contents.utf8))

        let (saved, saveNotices) = store.save(Self.state(mark: "a", at: "述法", time: 1))
        #expect(saved != nil)
        #expect(saveNotices.isEmpty)
        #expect(store.load(documentHash: Self.hash).state?.marks["a"] != nil)
    }

    @Test func damagedFileFoundWhenSavingIsSetAsideAndReplaced() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let store = StateStore(directory: temporary.path)
        try Data("{".utf8).write(to: URL(fileURLWithPath: store.stateFilePath(documentHash: Self.hash)!))
        let (saved, notices) = store.save(Self.state(mark: "a", at: "述法", time: 1))
        #expect(saved != nil)
        #expect(notices.count == 1 && notices[0].contains("set aside"))
        #expect(store.load(documentHash: Self.hash).state?.marks["a"] != nil)
    }

    @Test func newerFormatIsLeftUntouched() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let store = StateStore(directory: temporary.path)
        let file = try #require(store.stateFilePath(documentHash: Self.hash))
        let future = Data(#"{"formatVersion": 2, "documentHash": "\#(Self.hash)", "bookmarks": [{"at": 1}]}"#.utf8)
        try future.write(to: URL(fileURLWithPath: file))

        let (loaded, notices) = store.load(documentHash: Self.hash)
        #expect(loaded == nil)
        #expect(notices == ["reading state was saved by a newer report-browser (format 2); left untouched, not updated"])
        let (saved, saveNotices) = store.save(Self.state(mark: "a", at: "述法", time: 1))
        #expect(saved == nil)
        #expect(saveNotices == notices)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == future)
        #expect(!temporary.files().contains { $0.contains("corrupt") })
    }

    @Test func unreadableFile() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let store = StateStore(directory: temporary.path)
        store.save(Self.state(mark: "a", at: "述法", time: 1))
        let file = try #require(store.stateFilePath(documentHash: Self.hash))
        chmod(file, 0)
        let (loaded, notices) = store.load(documentHash: Self.hash)
        if runningAsRoot {
            // Permissions do not stop root: the file is simply read.
            #expect(loaded?.marks["a"] != nil)
            #expect(notices.isEmpty)
        } else {
            #expect(loaded == nil)
            #expect(notices.count == 1 && notices[0].hasPrefix("reading state was unreadable (Permission denied); set aside"))
        }
    }

    @Test func readOnlyDirectoryIsANoticeNotAnError() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let store = StateStore(directory: temporary.path + "/report-browser")
        store.save(Self.state(mark: "a", at: "述法", time: 1))
        chmod(store.directory!, 0o555)
        let (saved, notices) = store.save(Self.state(mark: "b", at: "营商", time: 2))
        let loaded = store.load(documentHash: Self.hash)
        #expect(loaded.notices.isEmpty)
        if runningAsRoot {
            // Root writes through directory permissions, so the save must simply succeed.
            #expect(saved != nil)
            #expect(notices.isEmpty)
            #expect(loaded.state?.marks.sorted.map(\.letter) == ["a", "b"])
        } else {
            #expect(saved == nil)
            #expect(notices.count == 1 && notices[0].hasPrefix("cannot save reading state in \(store.directory!): "))
            #expect(loaded.state?.marks.sorted.map(\.letter) == ["a"])
        }
    }

    /// A path below a regular file cannot become a directory, for root too.
    @Test func uncreatableDirectoryIsANoticeNotAnError() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try Data("a file".utf8).write(to: URL(fileURLWithPath: temporary.path + "/plain-file"))
        let store = StateStore(directory: temporary.path + "/plain-file/report-browser")
        let loaded = store.load(documentHash: Self.hash)
        #expect(loaded.state == nil)
        #expect(loaded.notices.isEmpty)
        let (saved, notices) = store.save(Self.state(mark: "a", at: "述法", time: 1))
        #expect(saved == nil)
        #expect(notices == ["cannot create \(store.directory!) (Not a directory): reading state not saved"])
    }

    @Test func twoBrowsersInterleavingKeepBothMarks() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let first = StateStore(directory: temporary.path)
        let second = StateStore(directory: temporary.path)
        var firstState = first.load(documentHash: Self.hash).state ?? DocumentState(documentHash: Self.hash)
        var secondState = second.load(documentHash: Self.hash).state ?? DocumentState(documentHash: Self.hash)
        firstState.setMark("a", at: DocumentStateTests.place("述法"), date: TestDates.at(1))
        firstState.recordSearch("述法", date: TestDates.at(1))
        secondState.setMark("b", at: DocumentStateTests.place("营商"), date: TestDates.at(2))
        secondState.recordSearch("营商", date: TestDates.at(2))
        first.save(firstState)
        second.save(secondState)
        var loaded = try #require(first.load(documentHash: Self.hash).state)
        #expect(loaded.marks.sorted.map(\.letter) == ["a", "b"])
        #expect(loaded.searchHistory.queries == ["述法", "营商"])

        // The first browser never saw b; deleting a must not take b with it, nor bring a back.
        firstState.deleteMark("a", date: TestDates.at(3))
        first.save(firstState)
        second.save(secondState)
        loaded = try #require(second.load(documentHash: Self.hash).state)
        #expect(loaded.marks.sorted.map(\.letter) == ["b"])
    }

    @Test func concurrentSavesFromManyThreadsLoseNothing() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let directory = temporary.path + "/report-browser"
        let letters = Array("abcdefgh")
        DispatchQueue.concurrentPerform(iterations: letters.count) { worker in
            let store = StateStore(directory: directory)
            var state = DocumentState(documentHash: Self.hash)
            for round in 0..<5 {
                state.setMark(letters[worker], at: DocumentStateTests.place("述法"), date: TestDates.at(round))
                state.recordSearch("查询\(worker)-\(round)", date: TestDates.at(worker * 10 + round))
                store.save(state)
            }
        }
        let loaded = try #require(StateStore(directory: directory).load(documentHash: Self.hash).state)
        #expect(loaded.marks.sorted.map(\.letter) == letters)
        #expect(Set(loaded.searchHistory.queries).count == letters.count * 5)
        #expect(try !FileManager.default.contentsOfDirectory(atPath: directory).contains { $0.hasSuffix(".tmp") })
    }

    @Test func saveWaitsForTheLock() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let store = StateStore(directory: temporary.path)
        let lock = try FileLock(path: temporary.path + "/" + StateStore.lockFileName)
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            store.save(Self.state(mark: "a", at: "述法", time: 1))
            finished.signal()
        }
        // However long we wait, the save cannot get past the lock we hold.
        #expect(finished.wait(timeout: .now() + 0.3) == .timedOut)
        #expect(!FileManager.default.fileExists(atPath: store.stateFilePath(documentHash: Self.hash)!))
        lock.release()
        finished.wait()
        #expect(store.load(documentHash: Self.hash).state?.marks["a"] != nil)
    }

    @Test func editedFileFindsTheStateOfItsPreviousVersion() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let store = StateStore(directory: temporary.path)
        var state = Self.state(mark: "a", at: "认真落实行政负责人", time: 1)
        state.documentPath = "/reports/qiantang.txt"
        store.save(state)

        let editedText = SeedReport.text.replacingOccurrences(of: "(二)强化述职述法。", with: "(二)强化述职述法。另有补充。")
        let edited = ReportParser.parse(editedText)
        let editedIdentity = DocumentIdentity(report: edited)
        #expect(store.load(documentHash: editedIdentity.hash, documentPath: "/reports/other.txt").state == nil)
        let previous = try #require(store.load(documentHash: editedIdentity.hash, documentPath: "/reports/qiantang.txt").state)
        #expect(previous.documentHash == Self.hash)
        let (adapted, notices) = previous.adapted(to: edited, identity: editedIdentity)
        #expect(notices == ["report changed since last read: mark a found again by its text"])
        #expect(adapted.marks["a"]?.place.resolve(in: edited)?.offset == SeedReport.offset(of: "认真落实行政负责人", in: editedText))
        store.save(adapted)
        #expect(store.load(documentHash: editedIdentity.hash).state?.marks["a"] == adapted.marks["a"])
        // The old version keeps its own state, for a copy of it elsewhere.
        #expect(store.load(documentHash: Self.hash, documentPath: "/elsewhere/copy.txt").state?.marks["a"] == state.marks["a"])
    }

    @Test func disabledStoreReadsAndWritesNothing() {
        let (loaded, notices) = StateStore.disabled.load(documentHash: Self.hash)
        #expect(loaded == nil && notices.isEmpty)
        let saved = StateStore.disabled.save(Self.state(mark: "a", at: "述法", time: 1))
        #expect(saved.saved == nil && saved.notices.isEmpty)
        #expect(!StateStore.disabled.isEnabled)
    }

    @Test func withoutHomeTheStoreIsDisabledWithANotice() {
        let store = StateStore.standard(environment: ["PATH": "/usr/bin"])
        #expect(!store.isEnabled)
        #expect(store.load(documentHash: Self.hash).notices == ["HOME is not set: reading position and marks are not remembered"])
    }

    @Test(arguments: [
        (["XDG_STATE_HOME": "/xdg/state", "HOME": "/home/u"], StateLocation.directory("/xdg/state/report-browser")),
        (["XDG_STATE_HOME": "/xdg/state/", "HOME": "/home/u"], .directory("/xdg/state/report-browser")),
        (["XDG_STATE_HOME": "", "HOME": "/home/u"], .directory("/home/u/.local/state/report-browser")),
        (["XDG_STATE_HOME": "relative/state", "HOME": "/home/u"], .directory("/home/u/.local/state/report-browser")),
        (["HOME": "/home/u/"], .directory("/home/u/.local/state/report-browser")),
        (["HOME": "/"], .directory("/.local/state/report-browser")),
        (["XDG_STATE_HOME": "/"], .directory("/report-browser")),
        (["HOME": ""], .unavailable(notice: "HOME is not set: reading position and marks are not remembered")),
        ([:], .unavailable(notice: "HOME is not set: reading position and marks are not remembered")),
    ])
    func stateDirectoryFollowsXDG(_ environment: [String: String], _ expected: StateLocation) {
        #expect(StateLocation.resolve(environment: environment) == expected)
    }

    @Test func standardStoreWritesUnderXDGStateHome() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let store = StateStore.standard(environment: ["XDG_STATE_HOME": temporary.path, "HOME": "/nonexistent"])
        #expect(store.directory == temporary.path + "/report-browser")
        store.save(Self.state(mark: "a", at: "述法", time: 1))
        #expect(temporary.files(in: "/report-browser").contains("\(Self.hash).json"))
    }
}
