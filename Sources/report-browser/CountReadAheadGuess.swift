import ReportIndex

/// Whether the command line looks like `search --count` or `--files-with-matches` through an
/// index, judged before ArgumentParser has read it, so that the index's records are read on
/// the idle core meanwhile (`CountReadAhead`). Only a guess: the count uses what was read only
/// when the parsed command names the same index path, so a wrong guess changes no answer.
enum CountReadAheadGuess {
    static func start(_ arguments: [String]) {
        guard let path = indexPath(arguments) else { return }
        // Before the first of the count's threads starts, as the count itself would.
        HeapGrowth.inLargeSteps()
        CountReadAhead.start(indexPath: path)
    }

    /// The index path a count would read, or nil when the arguments do not look like one.
    static func indexPath(_ arguments: [String], defaultPath: () -> String = { IndexLocation.defaultPath() }) -> String? {
        let words = arguments.dropFirst()
        guard words.first == "search", words.contains(where: countFlags.contains),
            !words.contains(where: indexAside.contains)
        else { return nil }
        var path: String?
        var previous = ""
        for word in words {
            if previous == "--index" { path = word }
            if word.hasPrefix("--index=") { path = String(word.dropFirst("--index=".count)) }
            previous = word
        }
        return path ?? defaultPath()
    }

    private static let countFlags: Set<String> = ["-c", "--count", "-l", "--files-with-matches"]
    /// Options with which a count never reads the index's postings.
    private static let indexAside: Set<String> = ["--no-index", "--regex", "--scope", "--pinyin"]
}
