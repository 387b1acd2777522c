import ArgumentParser
import FoundationEssentials
import ReportIndex

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or update the search index of a library of reports.",
        discussion: """
            Indexes every file under the DIRs (and the FILEs) given, so that `search` answers \
            from the index instead of reading every report. Run it again after reports change: \
            only new and changed files are read, renamed ones are recognised by their content, \
            deleted ones are dropped. Files that cannot be read are listed and skipped. A damaged \
            index, or one written by another version, is rebuilt. The index is a cache: deleting \
            it loses nothing but time.

            Examples:
              report-browser index ~/reports
              report-browser index reports/2024 reports/2025 --index /tmp/reports.sqlite
            """
    )

    @Argument(help: ArgumentHelp("Directories and files to index.", valueName: "path"))
    var paths: [String]

    @OptionGroup var indexOptions: IndexOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one directory or file to index") }
    }

    func run() throws {
        let started = Date()
        let summary: IndexUpdateSummary
        do {
            summary = try IndexUpdate.run(paths: paths, indexPath: indexOptions.path) { notice in
                StandardStreams.error("report-browser: \(notice)")
            }
        } catch {
            StandardStreams.error("report-browser: index \(indexOptions.path): \(error)")
            throw ExitCode(2)
        }
        for skipped in summary.skipped {
            StandardStreams.error("report-browser: \(skipped.displayPath): skipped: \(skipped.reason)")
        }
        let seconds = Date().timeIntervalSince(started)
        let megabytes = Double(summary.textBytes) / 1_048_576
        var parts = ["\(summary.added) added", "\(summary.changed) changed", "\(summary.renamed) renamed",
                     "\(summary.removed) removed", "\(summary.unchanged + summary.touched) unchanged"]
        if !summary.skipped.isEmpty { parts.append("\(summary.skipped.count) skipped") }
        StandardStreams.output(
            "\(parts.joined(separator: ", ")); \(DecimalPlaces.text(megabytes, places: 1)) MB indexed in "
                + "\(DecimalPlaces.text(seconds, places: 2)) s; index: \(indexOptions.path)\n")
        if let reason = summary.stoppedBecause {
            StandardStreams.error("report-browser: index stopped early: \(reason)")
            throw ExitCode(1)
        }
    }
}
