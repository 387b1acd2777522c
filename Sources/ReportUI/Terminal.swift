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

/// What the run loop needs from a terminal. The ncurses adapter is one implementation; tests use
/// an in-memory fake that records frames.
public protocol Terminal: AnyObject {
    var size: Size { get }
    /// Waits for the next event; nil when the input has ended.
    func nextEvent() -> InputEvent?
    /// Draws a complete frame. `cursor` places the visible cursor (for prompts) or hides it.
    func present(_ screen: Screen, cursor: (x: Int, y: Int)?)
}
