import ArgumentParser
import FoundationEssentials
import ReaderState
import ReportKit

struct MarksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marks",
        abstract: "List the marks saved for a report (set with m + letter in the browser).",
        discussion: """
            Marks belong to the report's text, not its file name: a renamed copy shows the same \
            marks. If the report was edited since, marks are found again by the text around \
            them, and those whose text is gone are reported on stderr. Reading state lives in \
            $XDG_STATE_HOME/report-browser (default ~/.local/state/report-browser).

            Each line: letter, section address, marker and heading, the text at the mark.

            Examples:
              report-browser marks report.txt
              report-browser marks report.txt --json | jq -r '.marks[].address'
            """
    )

    @OptionGroup var document: DocumentOptions

    @OptionGroup var format: FormatOption

    @Flag(help: "Print JSON: {document, marks: [{letter, address, marker, heading, line, offset, snippet, label?, createdAt}]}.")
    var json = false

    func run() throws {
        let loaded = try document.loadReport(format: format.forced)
        let report = loaded.report
        let identity = DocumentIdentity(report: report)
        let store = StateStore.standard()
        let (stored, loadNotices) = store.load(documentHash: identity.hash, documentPath: documentPath)
        var notices = loadNotices
        var marks: [(letter: Character, mark: Mark)] = []
        if let stored {
            let adapted = stored.adapted(to: report, identity: identity)
            notices += adapted.notices
            marks = adapted.state.marks.sorted
        }
        for notice in notices { StandardStreams.error("report-browser: \(notice)") }
        let listed = marks.compactMap { entry in
            entry.mark.place.resolve(in: report).map { ListedMark(letter: entry.letter, mark: entry.mark, place: $0) }
        }
        if listed.isEmpty { StandardStreams.error("report-browser: \(loaded.name): no saved marks") }
        if json {
            StandardStreams.output(Self.json(listed, identity: identity, report: report), raw: true)
        } else if !listed.isEmpty {
            let lines = listed.map { Self.line($0, report: report) }
            StandardStreams.output(lines.joined(separator: "\n") + "\n")
        }
    }

    /// The absolute path of a real file, so an edited file finds its earlier marks; nil for
    /// standard input and the bundled report.
    private var documentPath: String? {
        guard let file = document.file, file != "-" else { return nil }
        return URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private struct ListedMark {
        let letter: Character
        let mark: Mark
        let place: ResolvedPlace
    }

    /// `a  3.2  (二)强化述职述法  严格落实党政主要负责人…`
    private static func line(_ listed: ListedMark, report: Report) -> String {
        let section = listed.place.sectionIndex.map { report.sections[$0] }
        let location = section.map { "\($0.address)  \(OutlineExport.displayHeading($0))" } ?? "-  (front matter)"
        return "\(listed.letter)  \(location)  \(listed.mark.displayText)"
    }

    private static func json(_ listed: [ListedMark], identity: DocumentIdentity, report: Report) -> String {
        let entries = listed.map { entry in
            let section = entry.place.sectionIndex.map { report.sections[$0] }
            return MarksJSON.Entry(
                letter: entry.letter, address: section?.address ?? "", marker: section?.marker ?? "",
                heading: section?.heading ?? "", line: report.lines.line(at: entry.place.offset),
                offset: entry.place.offset, snippet: entry.mark.place.snippet, label: entry.mark.label,
                createdAt: entry.mark.createdAt)
        }
        return MarksJSON.json(document: identity.hash, marks: entries)
    }
}
