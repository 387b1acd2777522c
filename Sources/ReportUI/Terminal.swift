/// A key press, already decoded from whatever the terminal sent.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, lower-case: `.control("c")` is Ctrl-C.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, backspace, delete, escape
    case function(Int)
}

public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case press
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(Size)
    /// The terminal was asked to stop (SIGTERM, SIGHUP, SIGINT outside raw mode).
    case terminate
}

/// How waiting for input ended.
public enum TerminalWait: Hashable, Sendable {
    case event(InputEvent)
    /// The caller's condition came true before any input arrived.
    case woken
    /// The input has ended.
    case ended
}

/// What the run loop needs from a terminal. The ncurses adapter is one implementation; tests use
/// an in-memory fake that records frames.
public protocol Terminal: AnyObject {
    var size: Size { get }
    /// Waits for the next event; nil when the input has ended.
    func nextEvent() -> InputEvent?
    /// Draws a complete frame. `cursor` places the visible cursor (for prompts) or hides it.
    func present(_ screen: Screen, cursor: (x: Int, y: Int)?)
    /// Waits like `nextEvent`, but also stops waiting, with `.woken`, once `isDue` returns true,
    /// so the run loop can take in work finished on another thread (a search index) while the
    /// reader is idle. A terminal that waits in slices checks `isDue` between them; by default
    /// it is not checked at all and the loop sees the work after the next event.
    func nextEvent(orWakeWhen isDue: () -> Bool) -> TerminalWait
    /// Gives the terminal back to the shell and stops the process (Ctrl-Z); returns once the
    /// shell continues it. The next frame must then be drawn in full.
    func suspend()
    /// Forgets what is on screen, so the next frame is drawn in full (Ctrl-L).
    func invalidate()
}

extension Terminal {
    public func suspend() {}
    public func invalidate() {}

    public func nextEvent(orWakeWhen isDue: () -> Bool) -> TerminalWait {
        nextEvent().map(TerminalWait.event) ?? .ended
    }
}
