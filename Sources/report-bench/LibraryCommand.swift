import ArgumentParser
import Foundation
import ReportIndex
import ReportKit

struct LibraryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "library",
        abstract: "Time the library index inside one process: build, incremental update, queries.",
        discussion: """
            With --rebuild, deletes the index and builds it from scratch (MB/s of report text, \
            peak memory). Then changes 10 reports (appends a sentence to every 1000th) and times \
            the update. Then times queries of 2 and 4 Chinese characters (and five of 1) drawn from the \
            library's text with a fixed seed, each through LibrarySearch with the index, to every \
            hit counted with its line and the first 50 snippets cut, after listing the folder once. \
            Prints JSON. --threads 0 builds as before the build pipeline: every file read and \
            parsed on the writer's own thread.
            """
    )

    @Argument(help: ArgumentHelp("The library folder.", valueName: "dir"))
    var directory: String

    @Option(help: ArgumentHelp("The index file.", valueName: "path"))
    var index: String

    @Flag(help: "Delete the index first and time the full build.")
    var rebuild = false

    static let screenful = 50

    @Option(help: ArgumentHelp("Threads preparing files beside the SQLite writer (0: none).", valueName: "n"))
    var threads = IndexUpdate.defaultPreparingThreads

    @Flag(help: "Stop after the build and the incremental update.")
    var skipQueries = false

    @Option(help: ArgumentHelp("Queries per length.", valueName: "n"))
    var queries = 25

    struct Build: Codable {
        let milliseconds: Double
        let cpuMilliseconds: Double
        let textBytes: Int64
        let megabytesPerSecond: Double
        let files: Int
        let peakResidentBytes: Int
        let indexFileBytes: Int
    }

    struct Queries: Codable {
        let length: Int
        let timing: Percentiles
        let cpu: Percentiles
        let queries: [QueryTiming]
    }

    struct Output: Codable {
        var build: Build?
        var incrementalMilliseconds = 0.0
        var incrementalCPUMilliseconds = 0.0
        var incrementalChanged = 0
        var queries: [Queries] = []
        var peakResidentBytes = 0
    }

    func run() throws {
        var output = Output()
        if rebuild {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: index + suffix) }
            let (summary, wall, cpu) = try Stopwatch.measureWithCPU {
                try IndexUpdate.run(paths: [directory], indexPath: index, preparingThreads: threads) {
                    StandardError.write($0 + "\n")
                }
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: index)[.size] as? Int) ?? 0
            output.build = Build(
                milliseconds: wall, cpuMilliseconds: cpu, textBytes: summary.textBytes,
                megabytesPerSecond: Double(summary.textBytes) / 1_048_576 / (wall / 1000),
                files: summary.added, peakResidentBytes: Stopwatch.peakResidentBytes(), indexFileBytes: size)
            // At once: the queries after it take minutes on a loaded machine.
            StandardError.write("build: " + (try BenchJSON.string(output.build)) + "\n")
        }
        let listing = LibraryFiles.list([directory])
        var changed = 0
        for (position, file) in listing.files.enumerated() where position % 1000 == 0 && changed < 10 {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file.absolutePath))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("补充说明：第\(Date().timeIntervalSince1970)次修订。\n".utf8))
            try handle.close()
            changed += 1
        }
        let (update, incremental, incrementalCPU) = try Stopwatch.measureWithCPU {
            try IndexUpdate.run(paths: [directory], indexPath: index, preparingThreads: threads) {
                StandardError.write($0 + "\n")
            }
        }
        output.incrementalMilliseconds = incremental
        output.incrementalCPUMilliseconds = incrementalCPU
        output.incrementalChanged = update.changed
        StandardError.write("incremental: \(incremental) ms (cpu \(incrementalCPU) ms), \(update.changed) changed\n")
        if skipQueries {
            output.peakResidentBytes = Stopwatch.peakResidentBytes()
            print(try BenchJSON.string(output))
            return
        }
        let current = LibraryFiles.list([directory])
        let texts = try current.files.enumerated().filter { $0.offset % max(1, current.files.count / 20) == 0 }
            .map { try String(contentsOfFile: $0.element.absolutePath, encoding: .utf8) }
        let runs = texts.flatMap { QuerySampler.queries(in: $0, count: 8) }.filter { $0.count >= 4 }
        for length in [2, 4, 1] {
            var sample: [String] = []
            for run in runs {
                let query = String(run.prefix(length))
                if !sample.contains(query) { sample.append(query) }
                // A one-character query matches most pieces of the library: a few are enough.
                if sample.count == (length == 1 ? min(queries, 5) : queries) { break }
            }
            _ = LibrarySearch.run(SearchQuery(sample[0]), in: current, index: .at(index))
            let timings = sample.map { query in
                // What a result list needs: every hit counted and placed, and the snippets of
                // the first screenful (snippets are cut when read).
                let (results, milliseconds, cpu) = Stopwatch.measureWithCPU {
                    let results = LibrarySearch.run(SearchQuery(query), in: current, index: .at(index))
                    var shown = 0
                    for hit in results.files.lazy.flatMap(\.sections).flatMap(\.hits).prefix(Self.screenful) {
                        shown += hit.snippet.text.utf8.count
                    }
                    precondition(shown > 0 || results.totalHits == 0)
                    return results
                }
                precondition(results.filesFromIndex == current.files.count, "the index does not hold every file")
                return QueryTiming(query: query, hits: results.totalHits, files: results.files.count, milliseconds: milliseconds, cpuMilliseconds: cpu)
            }
            output.queries.append(Queries(
                length: length, timing: Percentiles(timings.map(\.milliseconds)), cpu: Percentiles(timings.compactMap(\.cpuMilliseconds)),
                queries: timings))
            StandardError.write("\(length)-character queries: median \(output.queries.last!.timing.median) ms (cpu \(output.queries.last!.cpu.median) ms)\n")
        }
        output.peakResidentBytes = Stopwatch.peakResidentBytes()
        print(try BenchJSON.string(output))
    }
}
