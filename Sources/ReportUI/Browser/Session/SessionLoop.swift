/// What the run loop needs of a session, so that the one-report browser and the library
/// wait, dispatch and redraw the same way (suspend and redraw keys, background work landing).
package protocol LoopedSession {
    var bindingContext: BindingContext { get }
    var hasBackgroundWorkDone: Bool { get }
    /// Called once the first frame is up, so that opening never waits for background work.
    mutating func startBackgroundWork()
    mutating func absorbBackgroundWork() -> Bool
    /// False when the reader has quit.
    mutating func handle(_ event: InputEvent) -> Bool
    mutating func finish()
    func frame() -> (screen: Screen, cursor: (x: Int, y: Int)?)
}

package enum SessionLoop {
    /// Until the reader quits or input ends; the session is finished (state saved) on the way out.
    package static func run(_ session: inout some LoopedSession, on terminal: some Terminal) {
        present(session.frame(), on: terminal)
        session.startBackgroundWork()
        loop: while true {
            if session.absorbBackgroundWork() { present(session.frame(), on: terminal) }
            switch terminal.nextEvent(orWakeWhen: { session.hasBackgroundWorkDone }) {
            case .event(let event):
                switch BrowserApp.action(for: event, in: session.bindingContext) {
                case .suspend?: terminal.suspend()
                case .redraw?: terminal.invalidate()
                default: guard session.handle(event) else { break loop }
                }
                present(session.frame(), on: terminal)
            case .woken:
                continue
            case .ended:
                break loop
            }
        }
        session.finish()
    }

    private static func present(_ frame: (screen: Screen, cursor: (x: Int, y: Int)?), on terminal: some Terminal) {
        terminal.present(frame.screen, cursor: frame.cursor)
    }
}

extension BrowserSession: LoopedSession {
    package var bindingContext: BindingContext { state.bindingContext }
}

extension LibrarySession: LoopedSession {
    /// A report opened from the list starts its own background work when it is opened.
    package mutating func startBackgroundWork() {}
}
