import ArgumentParser
import CursesTerminal
import FoundationEssentials
import LibraryAdapter
import ReaderState
import ReadingStateAdapter
import ReportIndex
import ReportKit
import ReportUI

/// `report-browser DIR` and `report-browser FILE FILE…`: the library view. In a pipe it
/// prints the list (path, title, date, issuer, tab-separated), as one report prints its outline.
struct LibraryBrowsing {
    let paths: [String]
    let indexPath: String
    let ascii: Bool
    let ambiguousWide: Bool
    let noColor: Bool
    let noState: Bool

    /// The paths of a library when the arguments name one: a folder (then a missing path
    /// beside it is a member that cannot be read), or more than one existing file. `+place`
    /// arguments belong to a single report, and `FILE 3.2` stays the slip the one-report path
    /// explains.
    static func libraryPaths(file: String?, place: String?, more: [String]) -> [String]? {
        let given = ([file, place].compactMap { $0 } + more)
        guard !given.contains(where: { $0.hasPrefix("+") || $0 == "-" }) else { return nil }
        let files = FileManager.default
        let hasFolder = given.contains { path in
            var isDirectory = false
            return files.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory
        }
        let allExist = given.allSatisfy { files.fileExists(atPath: $0) }
        return hasFolder || (given.count > 1 && allExist) ? given : nil
    }

    func run() throws {
        let stateStore = noState ? nil : StateStore.standard()
        let catalog = IndexedLibraryCatalog(paths: paths, indexPath: indexPath) { report, path in
            stateStore.map { ReaderStateBridge(store: $0, report: report, file: path) }
        }
        // Nothing to list is said in one line before the screen is touched, as an empty file is.
        guard !catalog.entries.isEmpty else {
            StandardStreams.error("report-browser: no files under \(paths.joined(separator: ", "))")
            throw ExitCode(1)
        }
        guard StandardStreams.outputIsTerminal, StandardStreams.inputIsTerminal else {
            for entry in catalog.entries {
                let columns = entry.failure.map { [entry.path, "cannot be read: \($0)"] } ?? [entry.path, entry.title, entry.date, entry.issuer]
                StandardStreams.output(columns.joined(separator: "\t") + "\n")
            }
            return
        }
        let environment = ProcessInfo.processInfo.environment
        try AmbiguousWidthChoice.apply(flag: ambiguousWide, environment: environment)
        let options = BrowserOptions(ascii: ascii, color: !noColor && BrowserOptions.colorAllowed(environment: environment))
        try FullScreen.run(environment: environment, colors: options.color) { terminal in
            LibraryApp(catalog: catalog, options: options).run(on: terminal)
        }
    }
}
