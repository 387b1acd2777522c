import Foundation
import ReportKit
@testable import ReportUI

/// Polls for up to ten seconds: background work on a loaded machine is slow, never absent.
func waitUntil(_ done: () -> Bool) -> Bool {
    for _ in 0..<10_000 {
        if done() { return true }
        usleep(1_000)
    }
    return done()
}

/// Replays keys; at each `nil` it opens the gate and waits for the browser's background work,
/// as a reader who stops typing would.
final class GatedTerminal: Terminal {
    let size: Size
    private var script: [InputEvent?]
    private let open: () -> Void
    private(set) var frames: [Screen] = []
    private(set) var wokenWithWorkDone = 0

    init(script: [InputEvent?], size: Size, open: @escaping () -> Void) {
        self.script = script
        self.size = size
        self.open = open
    }

    func nextEvent() -> InputEvent? {
        guard !script.isEmpty, let event = script.removeFirst() else { return nil }
        return event
    }

    func nextEvent(orWakeWhen isDue: () -> Bool) -> TerminalWait {
        guard let first = script.first else { return .ended }
        guard first == nil else { return nextEvent().map(TerminalWait.event) ?? .ended }
        script.removeFirst()
        open()
        if waitUntil(isDue) { wokenWithWorkDone += 1 }
        return .woken
    }

    func present(_ screen: Screen, cursor: (x: Int, y: Int)?) {
        frames.append(screen)
    }
}

extension GatedTerminal {
    /// The status line of every frame the real run loop draws for `script`, the gate opened at
    /// its pause, and how often the loop was woken with the background work done.
    static func statuses(
        of report: Report, cache: SearchCache, script: [InputEvent?], size: Size, open: @escaping () -> Void
    ) -> (lines: [String], wokenWithWorkDone: Int) {
        let terminal = GatedTerminal(script: script, size: size, open: open)
        _ = BrowserApp(report: report, options: BrowserOptions(color: false), store: nil, searchCache: cache)
            .run(on: terminal)
        return (terminal.frames.map { $0.lines.last ?? "" }, terminal.wokenWithWorkDone)
    }
}
