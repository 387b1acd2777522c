import ReportKit
import ReportUI

/// The key presses replayed against the browser: a reading session that moves, folds, jumps,
/// pages the text, expands the whole tree, goes to an address near the end of the report,
/// searches as it types, steps through and lists the hits, filters the tree and opens the
/// help, so that each kind of work a key can cause is in the sample.
enum KeyScript {
    /// With `pinyin`, the search turns pinyin on (Ctrl-P) and types its initials, `xyxf`.
    static func keys(for report: Report, pinyin: Bool = false) -> [Key] {
        script(for: report, pinyin: pinyin).keys
    }

    /// The keys, and the index among them of the last character typed into the search prompt,
    /// from which the benchmark times the frame that brings the search's results.
    static func script(for report: Report, pinyin: Bool = false) -> (keys: [Key], lastTypedSearchKey: Int) {
        // A chapter four fifths of the way in: far enough that a jump that walks the tree
        // instead of indexing it shows up.
        let target = String(max(1, report.roots.count * 4 / 5))
        let moving: [Key] = [
            .character("j"), .character("j"), .character("l"), .character("j"), .character("]"), .character("]"),
            .character("}"), .character("}"), .character("["), .pageDown, .pageDown, .pageUp,
        ]
        let text: [Key] = [.tab, .character(" "), .character(" "), .character("b"), .character("G"), .character("g"), .tab]
        let ends: [Key] = [.character("G"), .character("g"), .character("}"), .control("o"), .control("n")]
        let folding: [Key] = [.character("E"), .character("G"), .character("g"), .character("C"), .character("2"), .character("1")]
        let goTo: [Key] = [.character(":")] + target.map { Key.character($0) } + [.enter]
        // Incremental search: every character typed searches the whole report again.
        let typed: [Key] = pinyin ? [.control("p")] + "xyxf".map { Key.character($0) } : "信用修复".map { Key.character($0) }
        let search: [Key] = [.character("/")] + typed + [
            .enter, .character("n"), .character("n"), .character("N"), .character("R"), .character("j"), .escape,
            .character("F"), .character("j"), .character("F"), .escape,
        ]
        let rest: [Key] = [
            .character("{"), .character("k"), .character("k"), .character("h"), .character(">"), .character("<"),
            .character("?"), .character("j"), .escape,
        ]
        let before = moving + text + ends + folding + goTo
        return (before + search + rest, before.count + typed.count)
    }
}
