import ReportKit
import ReportUI

/// Key scripts the browser tests replay over whole reports. Timing them is `report-bench
/// frames`'s job; the tests only need them to run.
package enum KeyScripts {
    /// A reading session over any report: moving, folding, jumping, paging the text.
    package static let typicalKeys: [Key] =
        [.down, .down, .right, .down, .character("]"), .character("]"), .character("}"), .character("["),
         .character("E"), .end, .home, .pageDown, .pageDown, .pageUp, .tab, .character(" "), .character(" "),
         .character("b"), .character("G"), .character("g"), .tab, .character("}"), .control("o"), .control("n"),
         .character("C"), .character("2"), .character(":"), .character("3"), .character("."), .character("2"),
         .enter, .character("{"), .up, .up, .left, .character(">"), .character("<"), .character("?"), .escape]

    /// Searching: typing a query, stepping through hits, filtering the tree, the results list.
    package static let searchKeys: [Key] =
        [.character("/"), .character("法"), .character("治"), .enter, .character("n"), .character("n"),
         .character("N"), .character("F"), .down, .down, .character("F"), .character("R"), .down, .end,
         .enter, .tab, .pageDown, .tab, .character("/"), .control("r"), .character("."), .backspace,
         .control("r"), .up, .escape, .escape]

    /// Keys typed one after another, as a script: a newline is Enter, a TAB is Tab.
    package static func keys(typing text: String) -> [Key] {
        text.map { character in
            switch character {
            case "\n": .enter
            case "\t": .tab
            default: .character(character)
            }
        }
    }

    package static func events(typing text: String) -> [InputEvent] {
        keys(typing: text).map(InputEvent.key)
    }

    /// Replays `keys` `rounds` times through a session, drawing a frame after each key, as the
    /// run loop does; returns how many keys were handled before the session ended.
    package static func replay(
        _ keys: [Key], report: Report, size: Size = Size(width: 120, height: 40),
        options: BrowserOptions = BrowserOptions(), rounds: Int = 1
    ) -> Int {
        var session = BrowserSession(report: report, options: options, size: size)
        _ = session.frame()
        var handled = 0
        for _ in 0..<max(1, rounds) {
            for key in keys {
                guard session.handle(.key(key)) else { return handled }
                _ = session.frame()
                handled += 1
            }
        }
        return handled
    }
}
