import ReportKit
import Testing

@testable import ReportUI

/// A store that also keeps preferences, in memory.
final class MemoryPreferencesStore: ReadingStateStore, PreferencesStore {
    var reading: RememberedReading?
    var preferences: BrowserPreferences?
    private(set) var preferenceSaves = 0

    func load() -> (reading: RememberedReading?, notices: [String]) { (reading, []) }

    func save(_ reading: RememberedReading) -> [String] {
        self.reading = reading
        return []
    }

    func loadPreferences() -> (preferences: BrowserPreferences?, notices: [String]) { (preferences, []) }

    func savePreferences(_ preferences: BrowserPreferences) -> [String] {
        self.preferences = preferences
        preferenceSaves += 1
        return []
    }
}

/// One section at a time, the tree's width and section sizes are remembered across sessions;
/// `Z` shows each section's share of the report in the tree.
@Suite struct ReadingPreferencesTests {
    @Test func choicesCarryOverToTheNextSession() {
        let store = MemoryPreferencesStore()
        var first = ScriptedSession(store: store)
        #expect(first.state.reader.continuous)
        let share = first.state.treeShare
        first.type("c>>Z")
        first.session.finish()
        #expect(store.preferenceSaves == 1)
        #expect(store.preferences == BrowserPreferences(continuousReading: false, treeShare: share + 10, sectionSizes: true))

        let second = ScriptedSession(store: store)
        #expect(!second.state.reader.continuous)
        #expect(second.state.treeShare == share + 10)
        #expect(second.state.tree.showsSizes)
        // A fresh store is the defaults.
        let fresh = ScriptedSession(store: MemoryPreferencesStore())
        #expect(fresh.state.reader.continuous && fresh.state.treeShare == share && !fresh.state.tree.showsSizes)
    }

    @Test func anEditedFileCannotSetAWidthOutOfRange() {
        var (state, context) = BrowserFixtures.state(BrowserFixtures.seed)
        let share = state.treeShare
        state.send(.restorePreferences(BrowserPreferences(treeShare: 500)), context: context)
        #expect(state.treeShare == share)
        state.send(.restorePreferences(BrowserPreferences(continuousReading: false, treeShare: 50)), context: context)
        #expect(state.treeShare == 50 && !state.reader.continuous)
    }

    @Test func shiftZShowsEachSectionsShareOfTheReport() {
        let report = BrowserFixtures.seed
        var session = ScriptedSession(report, size: Size(width: 100, height: 30))
        #expect(!session.frameText.contains("%\n"))
        session.type("Z")
        let frame = session.session.frame().screen
        let tree = BrowserFixtures.rows(of: frame, in: session.state.layout.tree)
        let chapterRow = tree.first { $0.contains("一、主要举措和突出成效") } ?? ""
        let expected = TreePane.sizeLabel(of: report.sections[0], in: report)
        #expect(chapterRow.hasSuffix(" " + expected), "\(tree.joined(separator: "\n"))")
        // Shares are whole percentages of the text; the chapters' add up to at most 100.
        let chapters = report.roots.map { report.sections[$0].subtreeRange.count * 100 / report.text.utf8.count }
        #expect(chapters.reduce(0, +) <= 100 && chapters.allSatisfy { $0 >= 0 })
        session.type("Z")
        #expect(!BrowserFixtures.rows(of: session.session.frame().screen, in: session.state.layout.tree).contains { $0.hasSuffix(expected) && $0.contains("一、主要举措") })
    }
}
