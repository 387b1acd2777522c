extension Key {
    /// How the key is written in the help overlay, the README and status messages. The arrows
    /// are East Asian ambiguous, so ASCII mode spells them out.
    package func label(ascii: Bool = false) -> String {
        switch self {
        case .up where ascii: "Up"
        case .down where ascii: "Down"
        case .left where ascii: "Left"
        case .right where ascii: "Right"
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let letter): "Ctrl-\(letter.uppercased())"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .escape: "Esc"
        case .function(let number): "F\(number)"
        }
    }
}
