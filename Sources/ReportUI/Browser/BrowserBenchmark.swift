import ReportKit

/// Key press to finished frame, timed the way the run loop does the work. A benchmark, not a
/// test: nothing asserts on time; the executable or a script reports the numbers.
package enum BrowserBenchmark {
    /// A reading session over any report: moving, folding, jumping, paging the text.
    package static let typicalKeys: [Key] =
        [.down, .down, .right, .down, .character("]"), .character("]"), .character("}"), .character("["),
         .character("E"), .end, .home, .pageDown, .pageDown, .pageUp, .tab, .character(" "), .character(" "),
         .character("b"), .character("G"), .character("g"), .tab, .character("}"), .control("o"), .control("f"),
         .character("C"), .character("2"), .character(":"), .character("3"), .character("."), .character("2"),
         .enter, .character("{"), .up, .up, .left, .character(">"), .character("<"), .character("?"), .escape]

    /// Searching: typing a query (the first key builds the index), stepping through hits,
    /// filtering the tree, the results list. Time the keys after the first search apart from
    /// it, since building the index is a one-off.
    package static let searchKeys: [Key] =
        [.character("/"), .character("法"), .character("治"), .enter, .character("n"), .character("n"),
         .character("N"), .character("F"), .down, .down, .character("F"), .character("R"), .down, .end,
         .enter, .tab, .pageDown, .tab, .character("/"), .control("r"), .character("."), .backspace,
         .control("r"), .up, .escape, .escape]

    /// The time of each key, in order. Repeats the script `rounds` times for steadier numbers.
    package static func keyToFrame(
        report: Report, keys: [Key] = typicalKeys, size: Size = Size(width: 120, height: 40),
        options: BrowserOptions = BrowserOptions(), rounds: Int = 1
    ) -> [Duration] {
        var session = BrowserSession(report: report, options: options, size: size)
        _ = session.frame()
        let clock = ContinuousClock()
        var durations: [Duration] = []
        for _ in 0..<max(1, rounds) {
            for key in keys {
                let start = clock.now
                guard session.handle(.key(key)) else { return durations }
                _ = session.frame()
                durations.append(clock.now - start)
            }
        }
        return durations
    }

    package static func median(_ durations: [Duration]) -> Duration? {
        guard !durations.isEmpty else { return nil }
        return durations.sorted()[durations.count / 2]
    }
}
