import ArgumentParser
import ReportKit

struct SearchWarmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search-warm",
        abstract: "Time searches inside one process: load and parse once, build the index once, then query.",
        discussion: """
            Queries are runs of 2 to 6 Chinese characters drawn from the text with a fixed seed. \
            Each query is timed once from SearchQuery to SearchResults (hits counted, not mapped \
            back to lines), after one untimed warm-up query. Also reports the time of each phase \
            before the first query and the peak resident memory. Prints one JSON object.
            """
    )

    @Argument(help: ArgumentHelp("The report (UTF-8, UTF-16 or GB18030).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("How many queries to time (at least 20).", valueName: "n"))
    var queries = 25

    func validate() throws {
        guard queries >= 20 else { throw ValidationError("--queries must be at least 20") }
    }

    struct Output: Codable {
        let file: String
        let bytes: Int
        let sections: Int
        let readAndDecodeMilliseconds: Double
        let parseMilliseconds: Double
        let indexMilliseconds: Double
        let indexFootprintBytes: Int
        let search: Percentiles
        let searchCPU: Percentiles
        let keyword: QueryTiming
        /// Pinyin typed for the keyword, as initials and in full, found automatically.
        let pinyin: [QueryTiming]
        let queries: [QueryTiming]
        let peakResidentBytes: Int
    }

    func run() throws {
        let opening = try TimedOpening(path: file)
        let report = opening.report
        let (index, indexTime) = Stopwatch.measure { SearchIndex(report: report) }
        let sample = QuerySampler.queries(in: report.text, count: queries)
        guard sample.count >= 20 else {
            throw ValidationError("\(file): fewer than 20 runs of Chinese characters to query")
        }
        _ = try timed(sample[0], on: index)
        let timings = try sample.map { try timed($0, on: index) }
        let output = Output(
            file: file,
            bytes: report.text.utf8.count,
            sections: report.sections.count,
            readAndDecodeMilliseconds: opening.readAndDecodeMilliseconds,
            parseMilliseconds: opening.parseMilliseconds,
            indexMilliseconds: indexTime,
            indexFootprintBytes: index.memoryFootprint,
            search: Percentiles(timings.map(\.milliseconds)),
            searchCPU: Percentiles(timings.compactMap(\.cpuMilliseconds)),
            keyword: try timed(ReportGenerator.keyword, on: index),
            pinyin: try ["xyxf", "xinyongxiufu"].map { try timed($0, on: index) },
            queries: timings,
            peakResidentBytes: Stopwatch.peakResidentBytes()
        )
        print(try BenchJSON.string(output))
    }

    private func timed(_ query: String, on index: SearchIndex) throws -> QueryTiming {
        let (results, time, cpu) = try Stopwatch.measureWithCPU { try index.search(SearchQuery(query)) }
        return QueryTiming(query: query, hits: results.totalCount, milliseconds: time, cpuMilliseconds: cpu)
    }
}
