import ArgumentParser
import Foundation
import ReportImport
import ReportKit

struct PhasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phases",
        abstract: "Time each phase of the CLI's work in one process, with resident memory after each.",
        discussion: """
            The phases of `outline` and `search` done through ReportKit's public API in the \
            order the commands do them: read and decode, parse, outline lines, join, write to \
            /dev/null, index, search, map hits to lines and snippets, free. Shows what \
            dominates the whole-process figures. Prints one JSON object.
            """
    )

    @Argument(help: ArgumentHelp("The report (UTF-8).", valueName: "file"))
    var file: String

    struct Phase: Codable {
        let name: String
        let milliseconds: Double
        let cpuMilliseconds: Double
        /// Resident memory just after the phase, and the peak so far.
        let residentBytes: Int
        let peakResidentBytes: Int
    }

    func run() throws {
        var phases: [Phase] = []
        func record<Result>(_ name: String, _ work: () throws -> Result) rethrows -> Result {
            let (result, time, cpu) = try Stopwatch.measureWithCPU(work)
            phases.append(Phase(
                name: name, milliseconds: time, cpuMilliseconds: cpu, residentBytes: MemoryGauge.residentBytes(),
                peakResidentBytes: Stopwatch.peakResidentBytes()))
            return result
        }
        let document = try record("read and decode") { try ReportOpener.standard.read(path: file) }
        var report: Report? = record("parse") { document.parsed().report }
        let lines = record("outline lines") { OutlineExport.outlineLines(report!) }
        let joined = record("join") { lines.joined(separator: "\n") + "\n" }
        try record("write to /dev/null") {
            let sink = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/null"))
            var text = joined
            text.withUTF8 { buffer in _ = write(sink.fileDescriptor, buffer.baseAddress, buffer.count) }
        }
        _ = record("figures") { FigureExtractor.extract(from: report!).figures.count }
        var index: SearchIndex? = record("search index") { SearchIndex(report: report!) }
        var results: SearchResults? = try record("search \(ReportGenerator.keyword)") {
            try index!.search(SearchQuery(ReportGenerator.keyword))
        }
        let snippets = record("hits to lines and snippets") {
            results!.hits.map { hit in (hit.line, report!.snippet(for: hit).text.count) }
        }
        record("free results and index") {
            results = nil
            index = nil
        }
        record("free the report") { report = nil }
        let output = Output(file: file, hits: snippets.count, outlineLines: lines.count, phases: phases)
        print(try BenchJSON.string(output))
    }

    struct Output: Codable {
        let file: String
        let hits: Int
        let outlineLines: Int
        let phases: [Phase]
    }
}
