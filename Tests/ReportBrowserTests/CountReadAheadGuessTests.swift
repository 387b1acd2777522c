import Testing

@testable import report_browser

/// Which command lines start reading the index ahead, and which index path they name.
@Suite struct CountReadAheadGuessTests {
    private func path(_ words: [String]) -> String? {
        CountReadAheadGuess.indexPath(["report-browser"] + words, defaultPath: { "/cache/index-v3.sqlite" })
    }

    @Test func countsThroughAnIndexAreGuessed() {
        #expect(path(["search", "-c", "精神", "lib"]) == "/cache/index-v3.sqlite")
        #expect(path(["search", "精神", "lib", "--files-with-matches"]) == "/cache/index-v3.sqlite")
        #expect(path(["search", "--count", "精神", "lib", "--index", "/tmp/i.sqlite"]) == "/tmp/i.sqlite")
        #expect(path(["search", "-l", "精神", "--index=/tmp/j.sqlite", "lib"]) == "/tmp/j.sqlite")
        // As the parser takes it: the last one given.
        #expect(path(["search", "-c", "精神", "--index", "/a", "lib", "--index", "/b"]) == "/b")
    }

    @Test func otherCommandLinesAreNot() {
        #expect(path([]) == nil)
        #expect(path(["search", "精神", "lib"]) == nil)
        #expect(path(["outline", "-c", "lib"]) == nil)
        #expect(path(["search", "-c", "精神", "lib", "--no-index"]) == nil)
        #expect(path(["search", "-c", "精.", "lib", "--regex"]) == nil)
        #expect(path(["search", "-c", "精神", "lib", "--scope", "三"]) == nil)
        #expect(path(["search", "-c", "jingshen", "lib", "--pinyin"]) == nil)
    }
}
