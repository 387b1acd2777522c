import ReportUI
import Testing

@testable import CursesTerminal

@Suite struct ColorPairTableTests {
    typealias Combination = ColorPairTable.Combination

    /// Records every definition the table asks the terminal for.
    final class Recorder {
        var definitions: [(Int, Combination)] = []
        var refuse: Set<Combination> = []
        func define(_ number: Int, _ combination: Combination) -> Bool {
            definitions.append((number, combination))
            return !refuse.contains(combination)
        }
    }

    @Test func definesEachCombinationOnceAndReusesIt() {
        var table = ColorPairTable(limit: 64)
        let recorder = Recorder()
        let requests: [(TerminalColor, TerminalColor)] = [
            (.red, .terminalDefault), (.blue, .black), (.red, .terminalDefault), (.blue, .black),
            (.terminalDefault, .yellow),
        ]
        let pairs = requests.map { table.pair(foreground: $0.0, background: $0.1, define: recorder.define) }
        #expect(pairs == [1, 2, 1, 2, 3])
        #expect(recorder.definitions.map(\.0) == [1, 2, 3])
        #expect(recorder.definitions.map(\.1) == [
            Combination(foreground: .red, background: .terminalDefault),
            Combination(foreground: .blue, background: .black),
            Combination(foreground: .terminalDefault, background: .yellow),
        ])
    }

    @Test func defaultColoursNeedNoPair() {
        var table = ColorPairTable(limit: 64)
        let recorder = Recorder()
        #expect(table.pair(foreground: .terminalDefault, background: .terminalDefault, define: recorder.define) == 0)
        #expect(recorder.definitions.isEmpty)
    }

    @Test func exhaustedTableFallsBackToDefaultColours() {
        var table = ColorPairTable(limit: 3)
        let recorder = Recorder()
        let pairs = [TerminalColor.red, .green, .blue, .red].map {
            table.pair(foreground: $0, background: .black, define: recorder.define)
        }
        #expect(pairs == [1, 2, 0, 1])
        #expect(recorder.definitions.count == 2)
    }

    @Test func refusedCombinationIsNotRetried() {
        var table = ColorPairTable(limit: 64)
        let recorder = Recorder()
        recorder.refuse = [Combination(foreground: .cyan, background: .magenta)]
        let first = table.pair(foreground: .cyan, background: .magenta, define: recorder.define)
        let second = table.pair(foreground: .cyan, background: .magenta, define: recorder.define)
        let next = table.pair(foreground: .white, background: .blue, define: recorder.define)
        #expect([first, second, next] == [0, 0, 1])
        #expect(recorder.definitions.count == 2)
    }
}
