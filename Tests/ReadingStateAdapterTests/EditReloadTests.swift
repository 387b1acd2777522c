import Foundation
import ReaderState
import ReportKit
import ReportUI
import Testing

@testable import ReadingStateAdapter

/// `v` with an editor that changed the file: the session goes on in the new text, with the
/// reader's place and marks found again by their words (ReadingCarry), or keeps the old text
/// and says why.
@Suite struct EditReloadTests {
    static let old = ReportParser.parse(String(decoding: BundledReport.bytes, as: UTF8.self))
    static let size = Size(width: 100, height: 30)

    /// Stands for the executable's outlet: `edit` "runs the editor", and the next question
    /// gets `outcome`, worked out from the text and reading the browser hands over.
    final class EditingOutlet: TextOutlet {
        var editedLines: [Int] = []
        var questionsAfterEdit = 0
        private var edited = false
        let outcome: (Report, RememberedReading) -> EditOutcome?

        init(outcome: @escaping (Report, RememberedReading) -> EditOutcome?) { self.outcome = outcome }

        func copy(_ text: String) -> OutletNotice { OutletNotice("") }
        func pipe(_ text: String, to command: String) -> OutletNotice { OutletNotice("") }
        func edit(line: Int) -> OutletNotice {
            editedLines.append(line)
            edited = true
            return OutletNotice("Back from editor")
        }
        func save(_ text: String, to path: String) -> OutletNotice { OutletNotice("") }
        func captureMouse(_ on: Bool) -> OutletNotice { OutletNotice("") }
        func takeEditedReport(from report: Report, reading: () -> RememberedReading) -> EditOutcome? {
            guard edited else { return nil }
            edited = false
            questionsAfterEdit += 1
            return outcome(report, reading())
        }
    }

    static func section(_ address: String, in report: Report) -> Section {
        report.sections.first { $0.address == address }!
    }

    /// The bundled text with a paragraph added to 1.1 (every later offset moves), section 2.2
    /// deleted and a fifth chapter appended.
    static func edited() -> String {
        let text = old.text
        let utf8 = Array(text.utf8)
        let insertAt = section("1.1", in: old).bodyRange.lowerBound
        let removed = section("2.2", in: old).subtreeRange
        var bytes = Array(utf8[..<insertAt]) + Array("这是编辑器新加的一段话，用来检验重新载入后位置不变。\n".utf8)
        bytes += utf8[insertAt..<removed.lowerBound]
        bytes += utf8[removed.upperBound...]
        return String(decoding: bytes, as: UTF8.self) + "\n五、编辑时新加的一章\n新加一章的正文。\n"
    }

    static func events(_ text: String) -> [InputEvent] {
        text.map { $0 == "\n" ? .key(.enter) : $0 == "\t" ? .key(.tab) : .key(.character($0)) }
    }

    /// The words at an anchor, to tell the same place in two texts.
    static func words(at anchor: TextAnchor, in report: Report) -> String {
        String(decoding: Array(report.text.utf8)[anchor.offset...].prefix(30), as: UTF8.self)
    }

    @Test func anEditedFileIsReloadedKeepingThePlaceAndTheMarksWhoseTextIsLeft() throws {
        let new = ReportParser.parse(Self.edited())
        let outlet = EditingOutlet { report, reading in
            let (carried, notices) = ReadingCarry.carry(reading, from: report, to: new)
            return .reopened(ReopenedReport(
                report: new, origin: ReportOrigin(name: "r.txt", path: "r.txt", format: .text), store: nil,
                reading: carried, notices: notices, notice: OutletNotice("Reloaded r.txt after the edit")))
        }
        var session = BrowserSession(report: Self.old, options: BrowserOptions(color: false), size: Self.size, outlet: outlet)
        for event in Self.events(":2.2\nmb:3.2\nma:1.2\n\tjj") { _ = session.handle(event) }
        #expect(outlet.questionsAfterEdit == 0)
        let before = session.state.remembered(in: Self.old)
        let placeBefore = try #require(before.place)
        let markBefore = try #require(before.marks["a"])
        #expect(session.state.focus == .detail)

        _ = session.handle(.key(.character("v")))
        #expect(outlet.editedLines.count == 1)
        #expect(outlet.questionsAfterEdit == 1)
        #expect(session.report.text == new.text)
        #expect(session.report.sections.last?.heading == "编辑时新加的一章")
        let after = session.state.remembered(in: new)
        let place = try #require(after.place)
        #expect(Self.words(at: place, in: new) == Self.words(at: placeBefore, in: Self.old))
        #expect(place.offset != placeBefore.offset, "the added paragraph moved the text")
        #expect(session.state.selection == .section(new.sections.firstIndex { $0.address == "1.2" }!))
        #expect(session.state.focus == .detail)
        let mark = try #require(after.marks["a"])
        #expect(Self.words(at: mark, in: new) == Self.words(at: markBefore, in: Self.old))
        #expect(after.marks["b"] == nil)
        let message = try #require(session.state.message)
        #expect(message.text.hasPrefix("Reloaded r.txt after the edit"))
        #expect(message.text.contains("mark b dropped"))
        #expect(session.frame().screen.lines.last?.contains("Reloaded r.txt") == true)
        // The marks work in the new text.
        for event in Self.events(":1\n'a") { _ = session.handle(event) }
        #expect(session.state.selection == .section(new.sections.firstIndex { $0.address == "3.2" }!))
    }

    @Test func aFileThatNoLongerOpensKeepsTheOldTextAndSaysWhy() {
        let outlet = EditingOutlet { _, _ in .kept(OutletNotice("Kept the old text: r.txt: no such file", isError: true)) }
        var session = BrowserSession(report: Self.old, options: BrowserOptions(color: false), size: Self.size, outlet: outlet)
        for event in Self.events(":3.2\nv") { _ = session.handle(event) }
        #expect(outlet.questionsAfterEdit == 1)
        #expect(session.report.text == Self.old.text)
        #expect(session.state.selection == .section(Self.old.sections.firstIndex { $0.address == "3.2" }!))
        #expect(session.state.message?.text == "Kept the old text: r.txt: no such file")
        #expect(session.state.message?.isError == true)
    }

    @Test func carryingIntoTheSameTextChangesNothing() {
        var session = BrowserSession(report: Self.old, options: BrowserOptions(color: false), size: Self.size)
        for event in Self.events(":3.2\nma\tjj") { _ = session.handle(event) }
        let reading = session.state.remembered(in: Self.old)
        let (carried, notices) = ReadingCarry.carry(reading, from: Self.old, to: Self.old)
        #expect(carried == reading)
        #expect(notices.isEmpty)
    }
}
