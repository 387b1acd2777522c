import ReportKit

/// How the browser looks, as chosen on the command line and by the environment.
public struct BrowserOptions: Sendable {
    /// Tree guides and borders in ASCII, for terminals that draw box drawing two cells wide.
    public var ascii: Bool
    /// Colours; false gives attributes only (bold, reverse, underline).
    public var color: Bool
    /// Start at the top instead of where the reader left off (`--fresh`); marks still load.
    public var fresh: Bool

    public init(ascii: Bool = false, color: Bool = true, fresh: Bool = false) {
        self.ascii = ascii
        self.color = color
        self.fresh = fresh
    }

    /// `NO_COLOR` set to anything non-empty turns colour off (no-color.org).
    public static func colorAllowed(environment: [String: String]) -> Bool {
        (environment["NO_COLOR"] ?? "").isEmpty
    }
}

/// The interactive browser: reads events from a terminal until the reader quits, drawing a
/// frame after each.
public struct BrowserApp {
    private let report: Report
    private let options: BrowserOptions
    private let store: (any ReadingStateStore)?
    private let searchCache: SearchCache?

    public init(report: Report, options: BrowserOptions = BrowserOptions()) {
        self.init(report: report, options: options, store: nil)
    }

    /// With a store, the browser resumes where the reader left off and keeps the marks.
    /// `searchCache` replaces the session's own, for tests that control the index build.
    package init(
        report: Report, options: BrowserOptions = BrowserOptions(), store: (any ReadingStateStore)?,
        searchCache: SearchCache? = nil
    ) {
        self.report = report
        self.options = options
        self.store = store
        self.searchCache = searchCache
    }

    /// Runs until `q`, Ctrl-C, a termination request or the end of input. Returns the exit
    /// status, 0. The terminal's own setup and teardown are the caller's.
    public func run(on terminal: some Terminal) -> Int32 {
        var session = BrowserSession(
            report: report, options: options, size: terminal.size, store: store, searchCache: searchCache)
        present(session.frame(), on: terminal)
        session.startBackgroundWork()
        loop: while true {
            if session.absorbBackgroundWork() { present(session.frame(), on: terminal) }
            switch terminal.nextEvent(orWakeWhen: { session.hasBackgroundWorkDone }) {
            case .event(let event):
                guard session.handle(event) else { break loop }
                present(session.frame(), on: terminal)
            case .woken:
                continue
            case .ended:
                break loop
            }
        }
        session.finish()
        return 0
    }

    private func present(_ frame: (screen: Screen, cursor: (x: Int, y: Int)?), on terminal: some Terminal) {
        terminal.present(frame.screen, cursor: frame.cursor)
    }

    /// Lines the wheel scrolls per notch.
    static let wheelLines = 3

    static func action(for event: InputEvent, in context: BindingContext) -> Action? {
        switch event {
        case .key(let key):
            if let action = KeyBindings.action(for: key, in: context) { return action }
            return context == .browse ? .unbound(key) : nil
        case .mouse(let mouse):
            switch mouse.kind {
            case .press: return .click(x: mouse.x, y: mouse.y)
            case .wheelUp: return .scroll(x: mouse.x, y: mouse.y, lines: -wheelLines)
            case .wheelDown: return .scroll(x: mouse.x, y: mouse.y, lines: wheelLines)
            }
        case .resize(let size): return .resize(size)
        case .terminate: return .quit
        }
    }
}

/// One browsing session: the state plus what outlives frames (the laid-out text), advanced
/// one event at a time. The run loop and the benchmark share it, so the benchmark times
/// exactly what a key press costs.
package struct BrowserSession {
    package let report: Report
    package let theme: BrowserTheme
    package private(set) var state: BrowserState
    private let context: BrowserContext
    private var memory: SessionMemory

    package init(
        report: Report, options: BrowserOptions, size: Size, store: (any ReadingStateStore)? = nil,
        searchCache: SearchCache? = nil
    ) {
        self.report = report
        // Guides and borders drawn two cells wide would break every column after them.
        theme = .standard(color: options.color, ascii: options.ascii || DisplayWidth.ambiguous == .wide)
        context = BrowserContext(
            report: report, glyphs: theme.glyphs, lineCache: DetailLineCache(), searchCache: searchCache)
        state = BrowserState(report: report, size: size)
        state.apply(.resize(size), context: context)
        memory = SessionMemory(store: store)
        memory.restore(into: &state, context: context, fresh: options.fresh)
    }

    /// Applies an event; false when the session is over.
    package mutating func handle(_ event: InputEvent) -> Bool {
        if event == .terminate { return false }
        guard let action = BrowserApp.action(for: event, in: state.bindingContext) else { return true }
        let marksBefore = state.marks.places
        state.apply(action, context: context)
        // A mark set or deleted is saved at once, so a crash loses nothing.
        if state.marks.places != marksBefore { memory.save(&state, context: context) }
        return !state.hasQuit
    }

    /// Starts what is worth doing on another thread while the reader looks at the first frame:
    /// building a long report's search index.
    package func startBackgroundWork() {
        context.searchCache.startIndexing()
    }

    /// True when background work has finished and `absorbBackgroundWork` would take it in.
    package var hasBackgroundWorkDone: Bool { context.searchCache.hasBuiltIndexWaiting }

    /// Takes in finished background work; true when that changed the frame (a search typed
    /// while the index was being built has its results now).
    package mutating func absorbBackgroundWork() -> Bool {
        guard context.searchCache.adoptBuiltIndex() else { return false }
        return state.searchIndexDidLand(context: context)
    }

    /// Saves the reading state; call once when the loop ends, however it ends.
    package mutating func finish() {
        memory.save(&state, context: context)
    }

    package func frame() -> (screen: Screen, cursor: (x: Int, y: Int)?) {
        BrowserRenderer.render(report: report, state: state, theme: theme, size: state.size, lineCache: context.lineCache)
    }
}
