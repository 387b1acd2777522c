import ReportUI
import Testing

@testable import report_bench

/// `report-bench frames` times the results frame of a search run on the worker by pausing the
/// script after the typed search while the frame says "searching…". Other background work
/// waking the run loop meanwhile must not end that pause.
@Suite struct RecordingTerminalPauseTests {
    let size = Size(width: 40, height: 3)
    let script: [InputEvent] = [.key(.character("x")), .key(.enter)]

    private func frame(status: String) -> Screen {
        var screen = Screen(size: size)
        _ = screen.put(status, x: 0, y: size.height - 1, style: .plain)
        return screen
    }

    private func pausingTerminal() -> RecordingTerminal {
        let terminal = RecordingTerminal(size: size, script: script, start: Stopwatch.now())
        terminal.pausesForBackgroundWork = true
        terminal.pausesAfter = [0]
        terminal.present(frame(status: "ready"), cursor: nil)
        // The first pause, for the index, ends at once when work is due.
        #expect(terminal.nextEvent(orWakeWhen: { true }) == .woken)
        #expect(terminal.nextEvent(orWakeWhen: { false }) == script[0])
        terminal.present(frame(status: "/x searching…"), cursor: nil)
        return terminal
    }

    @Test func wakeUpsThatLeaveTheFrameSearchingKeepThePause() {
        let terminal = pausingTerminal()
        // An older query's answer, or the index, lands: the loop absorbs it, the frame still
        // says searching, and the loop asks again.
        #expect(terminal.nextEvent(orWakeWhen: { true }) == .woken)
        #expect(terminal.nextEvent(orWakeWhen: { true }) == .woken)
        #expect(terminal.pausesEnded.isEmpty)
        // The answer to the typed query arrives as a frame without a key.
        terminal.present(frame(status: "/x 1/3"), cursor: nil)
        #expect(terminal.nextEvent(orWakeWhen: { false }) == script[1])
        #expect(terminal.pausesEnded == [.workCame])
        #expect(terminal.framesWithoutKey == 1)
    }

    @Test func aPauseThatOutlastsItsLimitSaysSo() {
        let terminal = pausingTerminal()
        terminal.pauseLimit = 0
        #expect(terminal.nextEvent(orWakeWhen: { false }) == script[1])
        #expect(terminal.pausesEnded == [.timedOut])
    }
}

extension TerminalWait {
    static func == (wait: TerminalWait, event: InputEvent) -> Bool { wait == .event(event) }
}
