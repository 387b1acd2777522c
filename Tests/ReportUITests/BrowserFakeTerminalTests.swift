import Foundation
import ReportKit
import ReportTestSupport
import Testing

@testable import ReportUI

/// Reports the browser tests read: the bundled seed and a tiny hand-made one.
enum BrowserFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let seed: Report = {
        let url = repositoryRoot.appendingPathComponent("seeds/qiantang-2024-rule-of-law-report.txt")
        let data = (try? Data(contentsOf: url)) ?? Data()
        return ReportParser.parse(String(decoding: data, as: UTF8.self))
    }()

    static func parse(_ text: String) -> Report { ReportParser.parse(text) }

    /// Keys typed one after another, as a script.
    static func keys(_ text: String) -> [InputEvent] {
        KeyScripts.events(typing: text)
    }

    /// Runs actions against a fresh state and returns it.
    static func state(
        _ report: Report, size: Size = Size(width: 100, height: 30), after actions: [Action] = []
    ) -> (BrowserState, BrowserContext) {
        let context = BrowserContext(report: report)
        var state = BrowserState(report: report, size: size)
        state.send(.resize(size), context: context)
        for action in actions { state.send(action, context: context) }
        return (state, context)
    }

    /// The rows of a rectangle of a frame, trailing blanks trimmed.
    static func rows(of screen: Screen, in rect: Rect) -> [String] {
        (rect.y..<rect.maxY).map { y in
            var text = ""
            for x in rect.x..<rect.maxX where !screen[x: x, y: y].isContinuation { text += screen[x: x, y: y].text }
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    static func frame(
        _ report: Report, _ state: BrowserState, color: Bool = false, ascii: Bool = false
    ) -> Screen {
        BrowserRenderer.render(
            report: report, state: state, theme: .standard(color: color, ascii: ascii), size: state.size
        ).screen
    }
}

@Suite struct BrowserRunLoopTests {
    @Test func quitsWithStatusZeroOnQ() {
        let terminal = FakeTerminal(size: Size(width: 100, height: 30), events: BrowserFixtures.keys("jjq") + BrowserFixtures.keys("j"))
        let status = BrowserApp(report: BrowserFixtures.seed).run(on: terminal)
        #expect(status == 0)
        // The first frame, then one per key before q; the j after q is never read.
        #expect(terminal.frames.count == 3)
    }

    @Test(arguments: [InputEvent.key(.control("c")), .terminate])
    func quitsOnControlCAndTermination(_ event: InputEvent) {
        let terminal = FakeTerminal(size: Size(width: 100, height: 30), events: [.key(.down), event, .key(.down)])
        #expect(BrowserApp(report: BrowserFixtures.seed).run(on: terminal) == 0)
        #expect(terminal.frames.count == 2)
    }

    @Test func endOfInputEndsTheLoop() {
        let terminal = FakeTerminal(size: Size(width: 100, height: 30), events: [])
        #expect(BrowserApp(report: BrowserFixtures.seed).run(on: terminal) == 0)
        #expect(terminal.frames.count == 1)
        #expect(terminal.lastText.contains("杭州市钱塘区人民政府"))
    }

    @Test func noColorFramesCarryNoColours() {
        let terminal = FakeTerminal(size: Size(width: 100, height: 30), events: BrowserFixtures.keys("j?"))
        _ = BrowserApp(report: BrowserFixtures.seed, options: BrowserOptions(color: false)).run(on: terminal)
        for frame in terminal.frames {
            #expect(frame.cells.allSatisfy { $0.style.foreground == .terminalDefault && $0.style.background == .terminalDefault })
        }
        let colored = FakeTerminal(size: Size(width: 100, height: 30), events: [])
        _ = BrowserApp(report: BrowserFixtures.seed, options: BrowserOptions(color: true)).run(on: colored)
        #expect(colored.lastFrame.cells.contains { $0.style.foreground != .terminalDefault })
    }

    @Test(arguments: [(["NO_COLOR": "1"], false), ([:], true), (["NO_COLOR": ""], true)])
    func noColorEnvironment(_ environment: [String: String], _ expected: Bool) {
        #expect(BrowserOptions.colorAllowed(environment: environment) == expected)
    }

    @Test func benchmarkRunsTheWholeScriptWithoutQuitting() {
        let handled = KeyScripts.replay(KeyScripts.typicalKeys, report: BrowserFixtures.seed, rounds: 2)
        #expect(handled == 2 * KeyScripts.typicalKeys.count)
        #expect(KeyScripts.replay([.down, .character("q"), .down], report: BrowserFixtures.seed) == 1)
    }
}
