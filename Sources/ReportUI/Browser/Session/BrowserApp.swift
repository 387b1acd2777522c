import ReportKit

/// How the browser looks, as chosen on the command line and by the environment.
public struct BrowserOptions: Sendable {
    /// Tree guides and borders in ASCII, for terminals that draw box drawing two cells wide.
    public var ascii: Bool
    /// Colours; false gives attributes only (bold, reverse, underline).
    public var color: Bool
    /// Start at the top instead of where the reader left off (`--fresh`); marks still load.
    public var fresh: Bool
    /// Where the report's text came from: the header names its format, the status line the
    /// page of a PDF. nil reads as plain text.
    public var origin: ReportOrigin?
    /// Clicks and the wheel go to the browser (`--no-mouse`: to the terminal's own selection).
    public var mouse: Bool

    public init(
        ascii: Bool = false, color: Bool = true, fresh: Bool = false, origin: ReportOrigin? = nil, mouse: Bool = true
    ) {
        self.ascii = ascii
        self.color = color
        self.fresh = fresh
        self.origin = origin
        self.mouse = mouse
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
    private let outlet: (any TextOutlet)?

    public init(report: Report, options: BrowserOptions = BrowserOptions()) {
        self.init(report: report, options: options, store: nil)
    }

    /// With a store, the browser resumes where the reader left off and keeps the marks.
    /// `searchCache` replaces the session's own, for tests that control the index build.
    package init(
        report: Report, options: BrowserOptions = BrowserOptions(), store: (any ReadingStateStore)?,
        searchCache: SearchCache? = nil, outlet: (any TextOutlet)? = nil
    ) {
        self.report = report
        self.options = options
        self.store = store
        self.searchCache = searchCache
        self.outlet = outlet
    }

    /// Runs until `q`, Ctrl-C, a termination request or the end of input. Returns the exit
    /// status, 0. The terminal's own setup and teardown are the caller's.
    public func run(on terminal: some Terminal) -> Int32 {
        var session = BrowserSession(
            report: report, options: options, size: terminal.size, store: store, searchCache: searchCache,
            outlet: outlet)
        SessionLoop.run(&session, on: terminal)
        return 0
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
