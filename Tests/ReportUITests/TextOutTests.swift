import ReportKit
import ReportTestSupport
import Testing

@testable import ReportUI

/// Issue 14 item 8 as state: which text `y`, `|`, `v` and `s` take, the prompts, the mouse key,
/// and the outlet's answers on the status line. What the outlet does is the executable's
/// (tmux tests in TextOutEndToEndTests).
@Suite struct TextOutTests {
    let report = BrowserFixtures.seed

    /// The effects the key hands back, applied to the state `script` has reached.
    func effects(of key: Key, after script: inout SearchScript) -> [Effect] {
        guard let action = BrowserApp.action(for: .key(key), in: script.state.bindingContext) else { return [] }
        return script.state.apply(action, context: script.context)
    }

    func section(_ address: String) -> Section {
        report.sections.first { $0.address == address }!
    }

    @Test func yInTheTreeCopiesTheSelectedSectionWithItsSubsections() {
        var script = SearchScript(report)
        script.type(":3\n")
        let chapter = section("3")
        let expected = OutgoingText(label: "3", text: String(report.slice(chapter.subtreeRange)), line: chapter.line)
        #expect(effects(of: .character("y"), after: &script) == [.copy(expected)])
        #expect(expected.text.contains(section("3.2").heading))
    }

    @Test func yInTheTextPaneCopiesTheParagraphAtTheTop() {
        // A small terminal, so the section's text scrolls.
        var script = SearchScript(report, size: Size(width: 100, height: 12))
        let longest = report.sections.max { $0.bodyRange.count < $1.bodyRange.count }!
        script.type(":\(longest.address)\n")
        script.press([.tab])
        for _ in 0..<20 where script.state.reading.part != .body { script.press([.down]) }
        script.press([.down])
        let position = script.state.reading
        #expect(position.part == .body, "\(script.state.focus) \(position) \(script.frame().lines.joined(separator: "\n"))")
        guard case .copy(let outgoing)? = effects(of: .character("y"), after: &script).first else {
            Issue.record("y gave no copy")
            return
        }
        let start = report.sections[position.section!].ownRange.lowerBound + position.offset
        let line = report.lines.line(at: start)
        #expect(outgoing.line == line)
        #expect(outgoing.label == "the paragraph at line \(line)")
        #expect(!outgoing.text.contains("\n"))
        #expect(!outgoing.text.isEmpty)
        #expect(report.slice(report.lines.range(ofLine: line)).hasPrefix(outgoing.text))
    }

    @Test func vOpensTheEditorAtTheSectionsSourceLine() {
        var script = SearchScript(report)
        script.type(":2.1\n")
        #expect(effects(of: .character("v"), after: &script) == [.edit(line: section("2.1").line)])
    }

    @Test func pipeAsksForACommandAndEnterRunsIt() {
        var script = SearchScript(report)
        script.type(":1\n")
        #expect(effects(of: .character("|"), after: &script).isEmpty)
        #expect(script.state.bindingContext == .prompt)
        #expect(script.status.hasPrefix("|"))
        script.type(" wc -c ")
        let chapter = section("1")
        let outgoing = OutgoingText(label: "1", text: String(report.slice(chapter.subtreeRange)), line: chapter.line)
        #expect(effects(of: .enter, after: &script) == [.pipe(outgoing, command: "wc -c")])
        #expect(script.state.mode.isBrowsing)
    }

    @Test func escapeOrAnEmptyNameSavesNothing() {
        var script = SearchScript(report)
        #expect(effects(of: .character("s"), after: &script).isEmpty)
        #expect(script.status.hasPrefix("Save to: "))
        script.type("out.txt")
        #expect(effects(of: .escape, after: &script).isEmpty)
        #expect(script.state.mode.isBrowsing)
        _ = effects(of: .character("s"), after: &script)
        script.type("  ")
        #expect(effects(of: .enter, after: &script).isEmpty)
        _ = effects(of: .character("s"), after: &script)
        script.type("out.txt")
        guard case .save(_, let path)? = effects(of: .enter, after: &script).first else {
            Issue.record("Enter saved nothing")
            return
        }
        #expect(path == "out.txt")
    }

    @Test func theMouseKeyTogglesCapture() {
        var script = SearchScript(report)
        #expect(script.state.mouseCaptured)
        #expect(effects(of: .character("X"), after: &script) == [.captureMouse(false)])
        #expect(!script.state.mouseCaptured)
        #expect(effects(of: .character("X"), after: &script) == [.captureMouse(true)])
        let session = BrowserSession(report: report, options: BrowserOptions(mouse: false), size: Size(width: 100, height: 30))
        #expect(!session.state.mouseCaptured)
    }

    @Test func theOutletsAnswerIsShownAndItsAbsenceIsAnError() {
        final class RecordingOutlet: TextOutlet {
            var calls: [String] = []
            func copy(_ text: String) -> OutletNotice { calls.append("copy \(text.count)"); return OutletNotice("Copied it") }
            func pipe(_ text: String, to command: String) -> OutletNotice { calls.append("pipe \(command)"); return OutletNotice("") }
            func edit(line: Int) -> OutletNotice { calls.append("edit \(line)"); return OutletNotice("editor failed", isError: true) }
            func save(_ text: String, to path: String) -> OutletNotice { calls.append("save \(path)"); return OutletNotice("") }
            func captureMouse(_ on: Bool) -> OutletNotice { calls.append("mouse \(on)"); return OutletNotice("") }
        }
        let outlet = RecordingOutlet()
        var (state, context) = BrowserFixtures.state(report)
        state.send(.copyText, context: context, outlet: outlet)
        #expect(state.message == BrowserState.Message(text: "Copied it", isError: false))
        state.send(.editSource, context: context, outlet: outlet)
        #expect(state.message?.isError == true)
        state.send(.toggleMouse, context: context, outlet: outlet)
        #expect(outlet.calls == ["copy \(report.frontText.count)", "edit 1", "mouse false"])
        state.send(.copyText, context: context)
        #expect(state.message?.isError == true)
    }

    @Test func theHelpSaysShiftDragSelectsWhileTheMouseIsCaptured() {
        let help = KeyBindings.mouse.map { "\($0.gesture) \($0.summary)" }
        #expect(help.contains { $0.hasPrefix("Shift-drag") && $0.contains("Select text") })
        #expect(KeyBindings.action(for: .character("X"), in: .browse) == .toggleMouse)
    }
}
