import ArgumentParser
import ReportKit
import ReportUI

struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "List the key figures: every number with its unit, kind, subject and section.",
        discussion: """
            One row per figure: address, value (normalised: 200.1亿元 is 20010000000 元), unit, \
            kind (count, amount, change, share, target), subject, and the figure as written. Years, \
            dates, article and item numbers, footnote marks, document numbers and names in \
            quotation marks are left out. Numbers too large to read are reported on stderr.

            Examples:
              report-browser figures
              report-browser figures report.txt --unit 亿元
              report-browser figures report.txt --section 1 --json | jq '.figures[].subject'
              report-browser figures a.txt b.txt --csv > figures.csv
            """
    )

    @Argument(help: ArgumentHelp("Reports to read (default: the bundled report); `-` reads standard input.", valueName: "file"))
    var files: [String] = []

    @Option(help: ArgumentHelp("Force the text encoding: utf-8, utf-16le, utf-16be, gb18030.", valueName: "name"))
    var encoding: String?

    @Flag(help: "Print JSON: {figures: [{address, line, text, value, unit, kind, direction, qualifier, subject, sentence}]}.")
    var json = false

    @Flag(help: "Print CSV (UTF-8 with BOM, for spreadsheets).")
    var csv = false

    @Option(help: ArgumentHelp("Only figures in this unit; 亿元 and 万元 both mean 元, 万人 means 人.", valueName: "unit"))
    var unit: String?

    @Option(help: ArgumentHelp("Only figures in this section and its subsections (any address `show` takes).", valueName: "address"))
    var section: String?

    func validate() throws {
        if let encoding, TextEncoding(name: encoding) == nil {
            throw ValidationError("unknown encoding ‘\(encoding)’; use utf-8, utf-16le, utf-16be or gb18030")
        }
        if json, csv { throw ValidationError("--json and --csv cannot be combined") }
    }

    func run() throws {
        let forced = encoding.flatMap(TextEncoding.init(name:))
        let paths: [String?] = files.isEmpty ? [nil] : files
        var rows: [(file: String?, figure: Figure)] = []
        for path in paths {
            let loaded = try ReportLoading.load(path: path, encoding: forced)
            for figure in try figures(of: loaded) {
                rows.append((paths.count > 1 ? loaded.name : nil, figure))
            }
        }
        if json {
            StandardStreams.output(FigureExport.json(rows), raw: true)
        } else if csv {
            StandardStreams.output(FigureExport.csv(rows), raw: true)
        } else {
            printTable(rows)
        }
    }

    private func figures(of loaded: LoadedReport) throws -> [Figure] {
        let report = loaded.report
        let extraction = FigureExtractor.extract(from: report)
        for number in extraction.unparsed {
            StandardStreams.error("report-browser: \(loaded.name): line \(number.line): number \(number.reason.rawValue) to read; left out")
        }
        var table = FigureTable(extraction.figures)
        if let section {
            let resolution = report.resolve(section)
            guard case .found(let index) = resolution else {
                let reason = report.describeFailure(of: section, resolution) ?? "not found"
                StandardStreams.error("report-browser: \(loaded.name): --section: \(reason)")
                throw ExitCode(1)
            }
            table = table.inSection(index, of: report)
        }
        if let unit { table = table.withUnit(unit) }
        return table.rows
    }

    private func printTable(_ rows: [(file: String?, figure: Figure)]) {
        var output = ""
        for (file, figure) in rows {
            var columns: [String] = []
            if let file { columns.append(file) }
            columns.append(pad(figure.address.isEmpty ? "-" : figure.address, 6))
            columns.append(pad("\(FigureExport.numberLiteral(figure.value)) \(figure.unit)", 20))
            columns.append(pad(figure.kind.rawValue + (figure.direction.map { $0 == .up ? " ↑" : " ↓" } ?? ""), 9))
            columns.append(pad(figure.subject.isEmpty ? "-" : figure.subject, 24))
            columns.append(figure.text.replacing("\n", with: ""))
            output += columns.joined(separator: " ") + "\n"
        }
        StandardStreams.output(output)
    }

    /// Pads to a display width so Chinese columns line up; longer text is left as is.
    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }
}
