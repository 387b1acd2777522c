import ReportKit

/// How the browser looks, as chosen on the command line and by the environment.
public struct BrowserOptions: Sendable {
    /// Tree guides and borders in ASCII, for terminals that draw box drawing two cells wide.
    public var ascii: Bool
    /// Colours; false gives attributes only (bold, reverse, underline).
    public var color: Bool

    public init(ascii: Bool = false, color: Bool = true) {
        self.ascii = ascii
        self.color = color
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
    private let theme: BrowserTheme

    public init(report: Report, options: BrowserOptions = BrowserOptions()) {
        self.report = report
        theme = .standard(color: options.color, ascii: options.ascii)
    }

    /// Runs until `q`, Ctrl-C, a termination request or the end of input. Returns the exit
    /// status, 0. The terminal's own setup and teardown are the caller's.
    public func run(on terminal: some Terminal) -> Int32 {
        // The cache outlives frames: only what scrolls into view is wrapped again.
        let context = BrowserContext(report: report, glyphs: theme.glyphs, lineCache: DetailLineCache())
        var state = BrowserState(report: report, size: terminal.size)
        state.apply(.resize(terminal.size), context: context)
        present(state, on: terminal, context: context)
        while let event = terminal.nextEvent() {
            if event == .terminate { break }
            guard let action = Self.action(for: event, in: state.bindingContext) else { continue }
            state.apply(action, context: context)
            if state.hasQuit { break }
            present(state, on: terminal, context: context)
        }
        return 0
    }

    private func present(_ state: BrowserState, on terminal: some Terminal, context: BrowserContext) {
        let frame = BrowserRenderer.render(
            report: report, state: state, theme: theme, size: state.size, lineCache: context.lineCache)
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
