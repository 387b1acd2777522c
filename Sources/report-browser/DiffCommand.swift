import ArgumentParser
import ReportKit

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a report section by section: what moved, changed, came and went.",
        discussion: """
            Sections are paired by content, not by number, so a revision that inserts an article \
            and renumbers every later one, or a new year's report that reorders its tasks, is \
            followed. Each line is one pair: `=` same, `~` modified, `>` moved or renumbered, \
            `<` split, `&` merged, `+` new, `-` removed. With ADDRESS (any address `show` takes, \
            looked up in OLD, else in NEW) the pairs of that section are shown with the changed \
            words and numbers. Exit status like diff(1): 0 same, 1 different, 2 trouble.

            Examples:
              report-browser diff law-2017.txt law-2023.txt
              report-browser diff gwr2023.txt gwr2024.txt --stat
              report-browser diff old.txt new.txt --json | jq '.pairs[] | select(.status=="new")'
              report-browser diff old.txt new.txt 第三条
            """
    )

    @Argument(help: ArgumentHelp("The older version (`-` reads standard input).", valueName: "old"))
    var oldFile: String

    @Argument(help: ArgumentHelp("The newer version.", valueName: "new"))
    var newFile: String

    @Argument(help: ArgumentHelp("Show only the pairs of this section, with the changes inside it.", valueName: "address"))
    var address: String?

    @Option(help: ArgumentHelp("Force the text encoding of both files: utf-8, utf-16le, utf-16be, gb18030.", valueName: "name"))
    var encoding: String?

    @Flag(help: "Print the alignment as JSON: {old, new, pairs: [{old, new, status, similarity}]}.")
    var json = false

    @Flag(help: "Print only how many pairs have each status.")
    var stat = false

    func validate() throws {
        if let encoding, TextEncoding(name: encoding) == nil {
            throw ValidationError("unknown encoding ‘\(encoding)’; use utf-8, utf-16le, utf-16be or gb18030")
        }
        if json && stat { throw ValidationError("--json and --stat cannot be combined") }
    }

    func run() throws {
        let forced = encoding.flatMap(TextEncoding.init(name:))
        let old = try ReportLoading.load(path: oldFile, encoding: forced, failureStatus: 2)
        let new = try ReportLoading.load(path: newFile, encoding: forced, failureStatus: 2)
        let alignment = SectionAligner.align(old.report, new.report)
        var positions = Array(alignment.pairs.indices)
        if let address {
            positions = try self.positions(of: address, in: alignment, old: old, new: new)
        }
        let shown = positions.map { alignment.pairs[$0] }
        if json {
            StandardStreams.output(
                AlignmentExport.json(alignment, old: old.report, oldFile: old.name, new: new.report, newFile: new.name, pairs: positions),
                raw: true)
        } else if stat {
            StandardStreams.output(DiffOutput.stat(shown, old: old.report, new: new.report), raw: false)
        } else if address != nil {
            StandardStreams.output(DiffOutput.detail(shown, old: old.report, new: new.report), raw: false)
        } else {
            DiffOutput.writeOutline(shown, old: old.report, new: new.report)
        }
        if !shown.allSatisfy({ $0.status == .same }) { throw ExitCode(1) }
    }

    private func positions(of address: String, in alignment: SectionAlignment, old: LoadedReport, new: LoadedReport) throws -> [Int] {
        let inOld = old.report.resolve(address)
        if case .found(let index) = inOld { return alignment.pairs(forOld: index) }
        let inNew = new.report.resolve(address)
        if case .found(let index) = inNew { return alignment.pairs(forNew: index) }
        let reason = old.report.describeFailure(of: address, inOld) ?? "not found"
        StandardStreams.error("report-browser: \(old.name): \(reason)")
        throw ExitCode(2)
    }
}
