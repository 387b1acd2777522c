import Foundation
import Testing
@testable import ReaderState

@Suite struct PreferencesFileTests {
    @Test func preferencesRoundTripBesideTheDocumentStates() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let store = StateStore(directory: temporary.path + "/report-browser")
        #expect(store.loadPreferences().preferences == nil)
        let saved = StoredPreferences(continuousReading: false, treeShare: 41, sectionSizes: true)
        #expect(store.savePreferences(saved).isEmpty)
        #expect(store.loadPreferences().preferences == saved)
        #expect(temporary.files(in: "/report-browser") == ["preferences.json"])
    }

    @Test func aDamagedFileGivesTheDefaultsAndANotice() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let store = StateStore(directory: temporary.path)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: temporary.path + "/preferences.json"))
        let (preferences, notices) = store.loadPreferences()
        #expect(preferences == nil)
        #expect(notices.count == 1 && notices[0].contains("damaged"))
        // The next save replaces it.
        #expect(store.savePreferences(StoredPreferences(treeShare: 30)).isEmpty)
        #expect(store.loadPreferences().preferences?.treeShare == 30)
        #expect(StateStore.disabled.loadPreferences().preferences == nil)
        #expect(StateStore.disabled.savePreferences(StoredPreferences()).isEmpty)
    }
}
