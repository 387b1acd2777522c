import ArgumentParser
import ReportIndex

/// `--index PATH` and `--no-index`, shared by `index` and `search`.
struct IndexOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The index file (default: $XDG_CACHE_HOME/report-browser/\(IndexLocation.fileName)).", valueName: "path"))
    var index: String?

    var path: String { index ?? IndexLocation.defaultPath() }
}
