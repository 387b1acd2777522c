import Foundation
import Testing
import ReportKit
@testable import ReaderState

@Suite struct DocumentStateTests {
    static let identity = DocumentIdentity(report: SeedReport.report)

    static func place(_ fragment: String) -> ReadingPlace {
        ReadingPlace(in: SeedReport.report, offset: SeedReport.offset(of: fragment))
    }

    static func sampleState() -> DocumentState {
        var state = DocumentState(identity: identity, documentPath: "/reports/钱塘区 2024.txt")
        state.selection = ReadingPlace(in: SeedReport.report, sectionIndex: SeedReport.index(of: "3.2"))
        state.readingPosition = place("认真落实行政负责人")
        state.setMark("a", at: place("(二)强化述职述法"), date: TestDates.at(1))
        state.setMark("B", at: place("发布日期"), date: TestDates.at(2), label: "来源")
        state.setMark("c", at: place("全年区政府常务会议"), date: TestDates.at(3))
        state.deleteMark("c", date: TestDates.at(4))
        state.recordSearch("述法", date: TestDates.at(5))
        state.recordSearch("营商环境", date: TestDates.at(6))
        state.recordJump(from: place("一、主要举措"))
        return state
    }

    @Test func jsonRoundTrip() throws {
        let state = Self.sampleState()
        let data = try StateCoding.encode(state)
        #expect(try StateCoding.decode(data) == state)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"formatVersion\" : 1"))
        #expect(json.contains("钱塘区 2024.txt"), "text stays readable, not \\u-escaped")
    }

    @Test func minimalFileDecodesWithDefaults() throws {
        let json = #"{"formatVersion": 1, "documentHash": "\#(Self.identity.hash)"}"#
        let state = try StateCoding.decode(Data(json.utf8))
        #expect(state == DocumentState(identity: Self.identity))
    }

    @Test func gotoHistoryRoundTripsThroughJSON() throws {
        var state = Self.sampleState()
        state.recordGoto("3.2", date: TestDates.at(7))
        state.recordGoto("述法", date: TestDates.at(8))
        let data = try StateCoding.encode(state)
        let decoded = try StateCoding.decode(data)
        #expect(decoded == state)
        #expect(decoded.gotoHistory?.queries == ["3.2", "述法"])
        #expect(String(decoding: data, as: UTF8.self).contains("\"gotoHistory\""))
    }

    @Test func stateWithoutGotoHistoryLoadsAndStaysWithout() throws {
        let state = Self.sampleState()
        let data = try StateCoding.encode(state)
        #expect(!String(decoding: data, as: UTF8.self).contains("gotoHistory"))
        let older = #"{"formatVersion": 1, "documentHash": "\#(Self.identity.hash)", "searchHistory": []}"#
        let decoded = try StateCoding.decode(Data(older.utf8))
        #expect(decoded.gotoHistory == nil)
        #expect(try StateCoding.decode(data) == state)
    }

    @Test func mergeUnionsGotoHistories() {
        var ours = DocumentState(identity: Self.identity)
        ours.recordGoto("4", date: TestDates.at(3))
        var theirs = DocumentState(identity: Self.identity)
        theirs.recordGoto("3.2", date: TestDates.at(1))
        theirs.recordGoto("4", date: TestDates.at(2))
        #expect(ours.merged(with: theirs).gotoHistory?.queries == ["3.2", "4"])
        #expect(DocumentState(identity: Self.identity).merged(with: theirs).gotoHistory?.queries == ["3.2", "4"])
        #expect(ours.merged(with: DocumentState(identity: Self.identity)).gotoHistory?.queries == ["4"])
    }

    @Test func marksListInLetterOrder() {
        var state = DocumentState(identity: Self.identity)
        for letter: Character in ["z", "B", "a", "A", "1"] { state.setMark(letter, at: Self.place("述法")) }
        #expect(state.marks.sorted.map(\.letter) == ["a", "z", "A", "B", "1"])
        #expect(state.marks["a"]?.displayText == Self.place("述法").snippet)
        #expect(Self.sampleState().marks["B"]?.displayText == "来源")
    }

    enum Event { case set(Int), deleted(Int) }

    /// One letter in our state and in the stored one: the later event wins, ours on a tie.
    @Test(arguments: [
        (Event.set(2), Event.set(1), "ours"),
        (Event.set(1), Event.set(2), "theirs"),
        (Event.set(2), Event.set(2), "ours"),
        (Event.deleted(3), Event.set(2), "deleted"),
        (Event.set(3), Event.deleted(2), "ours"),
        (Event.set(1), Event.deleted(2), "deleted"),
    ])
    func markMergeKeepsTheLatestChange(_ ours: Event, _ theirs: Event, _ winner: String) {
        func table(_ event: Event, _ fragment: String) -> MarkTable {
            var table = MarkTable()
            switch event {
            case .set(let time): table.set("a", Mark(place: Self.place(fragment), createdAt: TestDates.at(time)))
            case .deleted(let time): table.remove("a", at: TestDates.at(time))
            }
            return table
        }
        let merged = table(ours, "述法").merged(with: table(theirs, "营商"))
        switch winner {
        case "ours": #expect(merged["a"]?.place == Self.place("述法"))
        case "theirs": #expect(merged["a"]?.place == Self.place("营商"))
        default:
            #expect(merged["a"] == nil)
            #expect(merged.deletions["a"] != nil, "the deletion is kept for the next merge")
        }
    }

    @Test func mergeUnionsMarksAndSearchesAndKeepsOurPosition() {
        var ours = DocumentState(identity: Self.identity)
        ours.setMark("a", at: Self.place("述法"), date: TestDates.at(10))
        ours.recordSearch("营商", date: TestDates.at(11))
        ours.recordSearch("述法", date: TestDates.at(14))
        ours.readingPosition = Self.place("述法")
        var theirs = DocumentState(identity: Self.identity)
        theirs.setMark("b", at: Self.place("营商"), date: TestDates.at(12))
        theirs.recordSearch("行政复议", date: TestDates.at(12))
        theirs.recordSearch("营商", date: TestDates.at(13))
        theirs.readingPosition = Self.place("营商")
        theirs.selection = Self.place("一、主要举措")
        let merged = ours.merged(with: theirs)
        #expect(merged.marks.sorted.map(\.letter) == ["a", "b"])
        #expect(merged.searchHistory.queries == ["行政复议", "营商", "述法"])
        #expect(merged.readingPosition == Self.place("述法"))
        #expect(merged.selection == Self.place("一、主要举措"), "nothing of ours to prefer")
    }

    @Test func searchHistoryIsDeduplicatedBoundedAndMostRecentLast() {
        var history = SearchHistory(limit: 3)
        for (time, query) in ["甲", "乙", "  ", "甲", "丙", "丁"].enumerated() {
            history.record(query, at: TestDates.at(time))
        }
        #expect(history.queries == ["甲", "丙", "丁"])
        // A use older than everything kept falls outside the bound (as from a merge).
        history.record("乙", at: TestDates.at(1))
        #expect(history.queries == ["甲", "丙", "丁"])
        history.record("乙", at: TestDates.at(9))
        #expect(history.queries == ["丙", "丁", "乙"])
    }

    @Test func adaptingToTheSameDocumentChangesNothing() {
        let state = Self.sampleState()
        let adapted = state.adapted(to: SeedReport.report, identity: Self.identity)
        #expect(adapted.state == state)
        #expect(adapted.notices.isEmpty)
    }

    @Test func adaptingToAnEditedDocumentMovesAndDropsMarks() throws {
        var state = DocumentState(identity: Self.identity)
        state.setMark("a", at: Self.place("认真落实行政负责人"), date: TestDates.at(1))
        state.setMark("b", at: Self.place("成立区级合法性审查中心"), date: TestDates.at(2))
        state.setMark("c", at: Self.place("全年区政府常务会议"), date: TestDates.at(3))
        state.readingPosition = Self.place("认真落实行政负责人")
        let editedText = SeedReport.text.replacingOccurrences(
            of: "严格落实党政主要负责人履行推进法治建设第一责任人职责。认真落实行政负责人出庭应诉制度,7名区领导出庭应诉8次。",
            with: "相关内容另行报告。")
        let edited = ReportParser.parse(editedText)
        let editedIdentity = DocumentIdentity(report: edited)
        let (adapted, notices) = state.adapted(to: edited, identity: editedIdentity)
        #expect(adapted.documentHash == editedIdentity.hash)
        #expect(adapted.marks["a"] == nil)
        #expect(adapted.marks["c"] == state.marks["c"], "text before the edit is untouched")
        let moved = try #require(adapted.marks["b"])
        #expect(moved.place.resolve(in: edited)?.isExact == true)
        #expect(moved.place.resolve(in: edited)?.offset == SeedReport.offset(of: "成立区级合法性审查中心", in: editedText))
        #expect(moved.createdAt == TestDates.at(2))
        #expect(adapted.readingPosition == nil)
        #expect(notices == [
            "report changed since last read: mark b found again by its text",
            "mark a dropped: its text is no longer in the report",
            "last reading position is no longer in the report; starting at the top",
        ])
    }
}
