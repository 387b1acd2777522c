import ArgumentParser
import CursesTerminal
import FoundationEssentials
import ReportKit
import ReportUI

/// `report-browser --compare OLD NEW` (or `report-browser OLD --compare NEW`): both versions
/// side by side on their aligned sections. In a pipe it prints the aligned outline, as `diff`
/// does, the way the browser prints the outline.
struct CompareLaunch {
    var files: [String]
    var document: DocumentOptions
    var format: FormatOption
    var ascii: Bool
    var ambiguousWide: Bool
    var noColor: Bool

    /// OLD and NEW from `--compare`'s values and the FILE argument.
    static func paths(compare: [String], file: String?) throws -> (old: String, new: String) {
        switch (compare.count, file) {
        case (2, nil): return (compare[0], compare[1])
        case (1, let file?): return (file, compare[0])
        default: throw ValidationError("--compare takes two files: report-browser --compare OLD NEW")
        }
    }

    func run() throws {
        let (oldPath, newPath) = try Self.paths(compare: files, file: document.file)
        let encoding = document.encoding.flatMap(TextEncoding.init(name:))
        let old = try ReportLoading.load(path: oldPath, encoding: encoding, format: format.forced)
        let new = try ReportLoading.load(path: newPath, encoding: encoding, format: format.forced)
        let readsInput = oldPath == "-" || newPath == "-"
        guard StandardStreams.outputIsTerminal && (StandardStreams.inputIsTerminal || readsInput) else {
            let alignment = SectionAligner.align(old.report, new.report)
            DiffOutput.writeOutline(alignment.pairs, old: old.report, new: new.report)
            return
        }
        let environment = ProcessInfo.processInfo.environment
        try AmbiguousWidthChoice.apply(flag: ambiguousWide, environment: environment)
        let options = BrowserOptions(ascii: ascii, color: !noColor && BrowserOptions.colorAllowed(environment: environment))
        let app = CompareApp(old: old.report, new: new.report, oldName: old.name, newName: new.name, options: options)
        try FullScreen.run(environment: environment, colors: options.color) { app.run(on: $0) }
    }
}
