import ReportUI

/// Curses draws colour through numbered pairs that must be defined before use. Pairs are
/// defined the first time a (foreground, background) combination is drawn and reused after,
/// so a theme never has to know about pair numbers.
struct ColorPairTable {
    struct Combination: Hashable {
        var foreground: TerminalColor
        var background: TerminalColor
    }

    /// Defines pair `number` for a combination in the terminal; false if the terminal refused.
    typealias Define = (_ number: Int, _ combination: Combination) -> Bool

    /// Pairs 1..<limit may be defined; pair 0 is the terminal's default colours.
    let limit: Int
    private(set) var pairs: [Combination: Int] = [:]
    private var refused: Set<Combination> = []

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// The pair for a combination, defining it on first use. Falls back to pair 0 (default
    /// colours) when the terminal runs out of pairs or refuses one.
    mutating func pair(
        foreground: TerminalColor, background: TerminalColor, define: Define
    ) -> Int {
        let combination = Combination(foreground: foreground, background: background)
        if foreground == .terminalDefault, background == .terminalDefault { return 0 }
        if let known = pairs[combination] { return known }
        let next = pairs.count + 1
        guard next < limit, !refused.contains(combination) else { return 0 }
        guard define(next, combination) else {
            refused.insert(combination)
            return 0
        }
        pairs[combination] = next
        return next
    }
}
