#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ReportUI

/// An in-memory terminal that plays a script of key presses to the real browser run loop and
/// times each from the moment the event is handed over to the end of `present`.
///
/// `present` does the part of a real terminal's work that depends on the frame: it compares
/// the new frame with the previous one row by row and renders the changed rows to text, as
/// curses does before writing them out. The terminal's own output (escape sequences, the tty)
/// is not in the figure.
final class RecordingTerminal: Terminal {
    let size: Size
    private let script: [InputEvent]
    private var nextIndex = 0
    private var deliveredAt: UInt64
    private var deliveredAtCPU: UInt64
    private var previous: Screen?
    /// Milliseconds from `start` to the end of the first frame.
    private(set) var firstFrame: Double?
    /// The process's CPU clock at the end of the first frame.
    private(set) var firstFrameCPU: UInt64?
    /// For each scripted event that produced a frame: the event and its wall and CPU milliseconds.
    private(set) var timings: [(event: InputEvent, milliseconds: Double, cpuMilliseconds: Double)] = []
    private(set) var changedRows = 0
    private(set) var renderedCharacters = 0
    private(set) var lastFrame: Screen?
    /// Frames drawn without a key: a search typed before the index landed, or run on the
    /// search worker, getting its results.
    private(set) var framesWithoutKey = 0
    /// When each scripted event was handed over, and when each frame without a key was drawn.
    private(set) var deliveryTimes: [UInt64] = []
    private(set) var framesWithoutKeyTimes: [(afterEvent: Int, at: UInt64)] = []
    /// Before the first key, wait (up to `pauseLimit` seconds) for the browser's background
    /// work, as a reader looks at the first frame for a moment: the keys then find the search
    /// index built, as they do in a real session, and their times do not include its building.
    var pausesForBackgroundWork = false
    var pauseLimit = 30.0
    private var paused = false
    /// Script indices after which, with `pausesForBackgroundWork`, the terminal waits while the
    /// last frame says "searching…" or "indexing…", as a reader who has typed a search watches
    /// its results come before pressing Enter.
    var pausesAfter: Set<Int> = []
    private var pausedAfter: Set<Int> = []
    /// The end of the pause under way after a typed search. The pause lasts across the run
    /// loop's wake-ups: what wakes it may be other background work (the index landing, an
    /// older query's answer kept only for its own query) that leaves the frame "searching…".
    private var pauseDeadline: UInt64?
    enum PauseEnd: String { case workCame, timedOut }
    /// How each pause after a typed search ended: the frame stopped waiting for work, or the
    /// pause limit passed first.
    private(set) var pausesEnded: [PauseEnd] = []
    /// The last frame answered the last key delivered.
    private var keyAnswered = true
    /// Called after each frame with the event (nil for the first frame), the milliseconds and
    /// the frame, for `--trace`.
    var onFrame: ((InputEvent?, Double, Screen) -> Void)?

    /// `start`: when the run began, so that the first frame counts from there.
    init(size: Size, script: [InputEvent], start: UInt64) {
        self.size = size
        self.script = script
        deliveredAt = start
        deliveredAtCPU = Stopwatch.cpuNow()
    }

    func nextEvent(orWakeWhen isDue: () -> Bool) -> TerminalWait {
        if pausesForBackgroundWork, !paused {
            paused = true
            let deadline = Stopwatch.now() + UInt64(pauseLimit * 1e9)
            while !isDue(), Stopwatch.now() < deadline { usleep(1000) }
            return .woken
        }
        if pausesForBackgroundWork, nextIndex > 0, pausesAfter.contains(nextIndex - 1),
            pausedAfter.insert(nextIndex - 1).inserted
        {
            pauseDeadline = Stopwatch.now() + UInt64(pauseLimit * 1e9)
        }
        if let deadline = pauseDeadline {
            while !isDue(), lastFrameAwaitsWork, Stopwatch.now() < deadline { usleep(200) }
            if isDue(), Stopwatch.now() < deadline { return .woken }
            pauseDeadline = nil
            pausesEnded.append(lastFrameAwaitsWork ? .timedOut : .workCame)
        }
        return nextEvent().map(TerminalWait.event) ?? .ended
    }

    func nextEvent() -> InputEvent? {
        guard nextIndex < script.count else { return nil }
        defer { nextIndex += 1 }
        keyAnswered = false
        deliveredAt = Stopwatch.now()
        deliveredAtCPU = Stopwatch.cpuNow()
        deliveryTimes.append(deliveredAt)
        return script[nextIndex]
    }

    func present(_ screen: Screen, cursor: (x: Int, y: Int)?) {
        for y in 0..<screen.size.height where rowChanged(y, in: screen) {
            changedRows += 1
            renderedCharacters += screen.row(y).count
        }
        previous = screen
        let cpuNow = Stopwatch.cpuNow()
        let cpu = Stopwatch.milliseconds(from: deliveredAtCPU, to: cpuNow)
        let elapsed = Stopwatch.milliseconds(from: deliveredAt, to: Stopwatch.now())
        if firstFrame == nil {
            firstFrame = elapsed
            firstFrameCPU = cpuNow
            onFrame?(nil, elapsed, screen)
        } else if keyAnswered {
            framesWithoutKey += 1
            framesWithoutKeyTimes.append((nextIndex - 1, Stopwatch.now()))
            onFrame?(nil, elapsed, screen)
        } else {
            keyAnswered = true
            timings.append((script[nextIndex - 1], elapsed, cpu))
            onFrame?(script[nextIndex - 1], elapsed, screen)
        }
        lastFrame = screen
    }

    private var lastFrameAwaitsWork: Bool {
        guard let status = lastFrame?.lines.last else { return false }
        return status.contains("searching") || status.contains("indexing")
    }

    private func rowChanged(_ y: Int, in screen: Screen) -> Bool {
        guard let previous, previous.size == screen.size else { return true }
        let width = screen.size.width
        return !previous.cells[y * width..<(y + 1) * width].elementsEqual(screen.cells[y * width..<(y + 1) * width])
    }
}
