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
            library's text with a fixed seed, each through LibrarySearch with the index, after \
            listing the folder once: to every hit counted (which reports and sections hit, how \
            often), to the first screen (the first 50 hits also placed: line and snippet), and to \
            every hit placed; and (0) incrementally, as the library view does: to the first screen \
            (the first 50 reports with hits counted, their first 50 hits placed) and on to every \
            report counted. Prints JSON. --threads 0 builds as before the build pipeline: every \
            file read and parsed on the writer's own thread.
            """
    )

    @Argument(help: ArgumentHelp("The library folder.", valueName: "dir"))
    var directory: String

    @Option(help: ArgumentHelp("The index file.", valueName: "path"))
    var index: String

    @Flag(help: "Delete the index first and time the full build.")
    var rebuild = false

    @Flag(help: "Time the queries only: change no report, run no update (for a library that is not ours to change).")
    var queriesOnly = false

    static let screenful = 50

    @Option(help: ArgumentHelp("Threads preparing files beside the SQLite writer (0: none).", valueName: "n"))
    var threads = IndexUpdate.defaultPreparingThreads

    @Flag(help: "Build a fresh index in place through the WAL, as before the first build went to a temporary file.")
    var firstBuildInPlace = false

    @Flag(help: "Stop after the build and the incremental update.")
    var skipQueries = false

    @Option(help: ArgumentHelp("Queries per length.", valueName: "n"))
    var queries = 25

    @Flag(help: "Time (0)'s first screen only, each query --repeat times: no one-shot search, no counting to the end (for a profiler such as callgrind).")
    var firstScreenOnly = false

    @Option(help: ArgumentHelp("With --first-screen-only: how often each query is timed.", valueName: "n"))
    var `repeat` = 1

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
        /// (0) To the first screen, incremental: the first `screenful` reports with hits known
        /// and counted, the first `screenful` hits placed; nothing beyond them counted.
        let incremental: Percentiles
        let incrementalCPU: Percentiles
        /// The same search extended until every report is counted (includes the first screen).
        let incrementalComplete: Percentiles
        let incrementalCompleteCPU: Percentiles
        /// To the first screen: every hit counted, the first `screenful` placed.
        let timing: Percentiles
        let cpu: Percentiles
        /// To every hit counted.
        let counted: Percentiles
        let countedCPU: Percentiles
        /// To every hit placed, each snippet cut.
        let placed: Percentiles
        let placedCPU: Percentiles
        let queries: [LibraryQueryTiming]
    }

    struct Output: Codable {
        var build: Build?
        var incrementalMilliseconds = 0.0
        var incrementalCPUMilliseconds = 0.0
        var incrementalChanged = 0
        var queries: [Queries] = []
        var firstScreens: [FirstScreens] = []
        var peakResidentBytes = 0
    }

    func run() throws {
        var output = Output()
        if rebuild {
            for suffix in ["", "-wal", "-shm", ".building", ".building-journal"] { try? FileManager.default.removeItem(atPath: index + suffix) }
            let (summary, wall, cpu) = try Stopwatch.measureWithCPU {
                try IndexUpdate.run(paths: [directory], indexPath: index, preparingThreads: threads, firstBuildAside: !firstBuildInPlace) {
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
        if !queriesOnly {
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
                try IndexUpdate.run(paths: [directory], indexPath: index, preparingThreads: threads, firstBuildAside: !firstBuildInPlace) {
                    StandardError.write($0 + "\n")
                }
            }
            output.incrementalMilliseconds = incremental
            output.incrementalCPUMilliseconds = incrementalCPU
            output.incrementalChanged = update.changed
            StandardError.write("incremental: \(incremental) ms (cpu \(incrementalCPU) ms), \(update.changed) changed\n")
        }
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
            if firstScreenOnly {
                output.firstScreens.append(Self.timeFirstScreens(sample, length: length, repeating: max(1, `repeat`), in: current, index: index))
                continue
            }
            _ = LibrarySearch.run(SearchQuery(sample[0]), in: current, index: .at(index))
            let timings = sample.map { query in
                let timing = Self.time(query, in: current, index: index)
                // A file changed since the index was written is read instead; say so rather than
                // stop, since a shared library may be touched by others mid-run.
                if timing.filesFromIndex != current.files.count {
                    StandardError.write("\(query): \(current.files.count - timing.filesFromIndex) files not current in the index, read instead\n")
                }
                var result = timing.timing
                result.filesRead = current.files.count - timing.filesFromIndex
                return result
            }
            output.queries.append(Queries(
                length: length,
                incremental: Percentiles(timings.map(\.incremental.milliseconds)),
                incrementalCPU: Percentiles(timings.map(\.incremental.cpuMilliseconds)),
                incrementalComplete: Percentiles(timings.map(\.incrementalComplete.milliseconds)),
                incrementalCompleteCPU: Percentiles(timings.map(\.incrementalComplete.cpuMilliseconds)),
                timing: Percentiles(timings.map(\.firstScreen.milliseconds)),
                cpu: Percentiles(timings.map(\.firstScreen.cpuMilliseconds)),
                counted: Percentiles(timings.map(\.counted.milliseconds)), countedCPU: Percentiles(timings.map(\.counted.cpuMilliseconds)),
                placed: Percentiles(timings.map(\.placed.milliseconds)), placedCPU: Percentiles(timings.map(\.placed.cpuMilliseconds)),
                queries: timings))
            let last = output.queries.last!
            StandardError.write(
                "\(length)-character queries, cpu medians: (0) incremental first screen \(last.incrementalCPU.median) ms "
                    + "(all counted incrementally \(last.incrementalCompleteCPU.median) ms), counted \(last.countedCPU.median) ms, first screen \(last.cpu.median) ms, "
                    + "all placed \(last.placedCPU.median) ms (wall \(last.counted.median) / \(last.timing.median) / \(last.placed.median) ms)\n")
        }
        output.peakResidentBytes = Stopwatch.peakResidentBytes()
        print(try BenchJSON.string(output))
    }

    /// One query, timed at three marks of one run: every hit counted, the first screen placed,
    /// every hit placed. Each mark includes the work before it.
    static func time(_ query: String, in listing: LibraryFiles.Listing, index: String) -> (timing: LibraryQueryTiming, filesFromIndex: Int) {
        let (incremental, incrementalComplete, incrementalHits) = timeIncremental(query, in: listing, index: index)
        let start = (wall: Stopwatch.now(), cpu: Stopwatch.cpuNow())
        func mark() -> LibraryQueryTiming.Mark {
            let (wall, cpu) = (Stopwatch.now(), Stopwatch.cpuNow())
            return .init(milliseconds: Stopwatch.milliseconds(from: start.wall, to: wall), cpuMilliseconds: Stopwatch.milliseconds(from: start.cpu, to: cpu))
        }
        let results = LibrarySearch.run(SearchQuery(query), in: listing, index: .at(index))
        let hits = results.totalHits
        precondition(incrementalHits == hits, "\(query): \(incrementalHits) counted incrementally, \(hits) at once")
        let counted = mark()
        var shown = 0
        var left = screenful
        screen: for file in results.files {
            for section in file.sections {
                for hit in section.hits(prefix: left) { shown += hit.line > 0 ? hit.snippet.text.utf8.count : 0 }
                left -= min(left, section.hitCount)
                if left == 0 { break screen }
            }
        }
        precondition(shown > 0 || hits == 0)
        let firstScreen = mark()
        var placedHits = 0
        for file in results.files {
            for section in file.sections {
                for hit in section.hits where hit.line > 0 && !hit.snippet.text.isEmpty { placedHits += 1 }
            }
        }
        let placed = mark()
        precondition(placedHits == hits, "\(query): \(placedHits) placed of \(hits) counted")
        return (
            LibraryQueryTiming(
                query: query, hits: hits, files: results.files.count, incremental: incremental,
                incrementalComplete: incrementalComplete, counted: counted, firstScreen: firstScreen, placed: placed),
            results.filesFromIndex
        )
    }
}

extension LibraryCommand {
    /// (0): the library view's way. The first screen's reports found and counted, its first
    /// hits placed; then the rest counted, as the view does on its worker.
    static func timeIncremental(
        _ query: String, in listing: LibraryFiles.Listing, index: String
    ) -> (firstScreen: LibraryQueryTiming.Mark, complete: LibraryQueryTiming.Mark, hits: Int) {
        let start = (wall: Stopwatch.now(), cpu: Stopwatch.cpuNow())
        func mark() -> LibraryQueryTiming.Mark {
            let (wall, cpu) = (Stopwatch.now(), Stopwatch.cpuNow())
            return .init(milliseconds: Stopwatch.milliseconds(from: start.wall, to: wall), cpuMilliseconds: Stopwatch.milliseconds(from: start.cpu, to: cpu))
        }
        let search = firstScreen(query, in: listing, index: index)
        let firstScreen = mark()
        search.extendToEnd()
        let complete = mark()
        return (firstScreen, complete, search.results.totalHits)
    }
}

struct LibraryQueryTiming: Codable {
    struct Mark: Codable {
        let milliseconds: Double
        let cpuMilliseconds: Double
    }

    let query: String
    let hits: Int
    let files: Int
    let incremental: Mark
    let incrementalComplete: Mark
    let counted: Mark
    let firstScreen: Mark
    let placed: Mark
    /// Files the index did not hold as they are, searched by reading them (0 for a fair figure).
    var filesRead = 0
}

extension LibraryCommand {
    struct FirstScreens: Codable {
        let length: Int
        let incremental: Percentiles
        let incrementalCPU: Percentiles
        let queries: [String]
    }

    /// The library view's first screen: the first `screenful` reports with hits found and
    /// counted, the first `screenful` hits placed (line, snippet) and read.
    static func firstScreen(_ query: String, in listing: LibraryFiles.Listing, index: String) -> IncrementalLibrarySearch {
        let search = IncrementalLibrarySearch(SearchQuery(query), in: listing, index: .at(index))
        search.extend(toMatchingFiles: screenful)
        var shown = 0
        var left = screenful
        screen: for file in search.results.files {
            for section in file.sections {
                for hit in section.hits(prefix: left) { shown += hit.line > 0 ? hit.snippet.text.utf8.count : 0 }
                left -= min(left, section.hitCount)
                if left == 0 { break screen }
            }
        }
        precondition(shown > 0 || search.results.files.isEmpty)
        return search
    }

    static func timeFirstScreens(
        _ sample: [String], length: Int, repeating: Int, in listing: LibraryFiles.Listing, index: String
    ) -> FirstScreens {
        _ = firstScreen(sample[0], in: listing, index: index)
        var walls: [Double] = []
        var cpus: [Double] = []
        for _ in 0..<repeating {
            for query in sample {
                let (_, wall, cpu) = Stopwatch.measureWithCPU { firstScreen(query, in: listing, index: index) }
                walls.append(wall)
                cpus.append(cpu)
            }
        }
        let result = FirstScreens(length: length, incremental: Percentiles(walls), incrementalCPU: Percentiles(cpus), queries: sample)
        StandardError.write("\(length)-character queries, (0) first screen only: cpu median \(result.incrementalCPU.median) ms, wall median \(result.incremental.median) ms\n")
        return result
    }
}
