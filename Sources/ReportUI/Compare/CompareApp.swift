import ReportKit

/// The compare view's run loop: reads events from a terminal until the reader quits, drawing
/// a frame after each. It shares the browser's terminal adapter, key table and drawing pieces.
public struct CompareApp {
    private let document: CompareDocument
    private let theme: CompareTheme

    public init(old: Report, new: Report, oldName: String, newName: String, options: BrowserOptions = BrowserOptions()) {
        let ascii = options.ascii || DisplayWidth.ambiguous == .wide
        theme = CompareTheme(color: options.color, ascii: ascii)
        document = CompareDocument(old: old, new: new, oldName: oldName, newName: newName, arrow: theme.arrow)
    }

    /// Runs until `q`, Ctrl-C, a termination request or the end of input; returns 0.
    public func run(on terminal: some Terminal) -> Int32 {
        var session = CompareSession(document: document, theme: theme, size: terminal.size)
        present(session.frame(), on: terminal)
        document.startIndexing()
        while let event = terminal.nextEvent() {
            if case .key(let key) = event {
                switch KeyBindings.action(for: key, in: session.state.bindingContext) {
                case .suspend?: terminal.suspend()
                case .redraw?: terminal.invalidate()
                default: break
                }
            }
            guard session.handle(event) else { break }
            present(session.frame(), on: terminal)
        }
        return 0
    }

    private func present(_ frame: (screen: Screen, cursor: (x: Int, y: Int)?), on terminal: some Terminal) {
        terminal.present(frame.screen, cursor: frame.cursor)
    }
}

/// One compare session: the state and the document, advanced one event at a time. The run
/// loop and the tests share it.
package struct CompareSession {
    package let document: CompareDocument
    package let theme: CompareTheme
    package private(set) var state: CompareState

    package init(document: CompareDocument, theme: CompareTheme, size: Size) {
        self.document = document
        self.theme = theme
        state = CompareState(size: size)
        state.select(0, document)
    }

    /// Applies an event; false when the session is over.
    package mutating func handle(_ event: InputEvent) -> Bool {
        guard let action = Self.action(for: event, in: state.bindingContext) else { return true }
        state.apply(action, document: document)
        return !state.hasQuit
    }

    package static func action(for event: InputEvent, in context: BindingContext) -> Action? {
        switch event {
        case .key(let key): KeyBindings.action(for: key, in: context)
        case .mouse(let mouse):
            switch mouse.kind {
            case .press: .click(x: mouse.x, y: mouse.y)
            case .wheelUp: .scroll(x: mouse.x, y: mouse.y, lines: -BrowserApp.wheelLines)
            case .wheelDown: .scroll(x: mouse.x, y: mouse.y, lines: BrowserApp.wheelLines)
            }
        case .resize(let size): .resize(size)
        case .terminate: .quit
        }
    }

    package func frame() -> (screen: Screen, cursor: (x: Int, y: Int)?) {
        CompareRenderer.render(state: state, document: document, theme: theme)
    }
}
