import ArgumentParser
import Foundation
import ReportImport
import ReportKit

struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats",
        abstract: "Time opening one PDF, HTML or Word file (detect, extract, reflow, parse) against the external converter alone.",
        discussion: """
            Opens the file --runs times through ReportOpener (as every command does) and, for a \
            PDF, runs `pdftotext -layout` on it as many times, alternating the two so both see \
            the same machine load. Reports medians of wall time and of CPU time (ours plus the \
            converter child's, against the converter's alone), the median of the per-pair wall \
            ratios, and this process's peak resident memory; the converter's own peak is its \
            largest child's (getrusage of children). Run one file per process so peaks are the \
            file's own: bench/formats does. Prints one JSON object.
            """
    )

    @Argument(help: ArgumentHelp("The file.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Runs per figure.", valueName: "n"))
    var runs = 5

    struct Output: Codable {
        let file: String
        let format: String
        let bytes: Int
        let textBytes: Int
        let sections: Int
        let openMilliseconds: Double
        let peakResidentBytes: Int
        let openCPUMilliseconds: Double
        /// CPU of the opening thread alone: the critical path when helper threads (the Word
        /// importer's inflating one) have a core of their own, so the wall time of an open on an
        /// otherwise idle machine. On a loaded one wall time is mostly waiting for a core.
        let openThreadCPUMilliseconds: Double
        let converterMilliseconds: Double?
        let converterCPUMilliseconds: Double?
        /// Median over the runs of open time / converter time of the run next to it.
        let pairedRatio: Double?
        let converterPeakResidentBytes: Int?
    }

    func run() throws {
        var openTimes: [Double] = []
        var openCPU: [Double] = []
        var openThreadCPU: [Double] = []
        var converterTimes: [Double] = []
        var converterCPU: [Double] = []
        var opened: OpenedReport?
        for _ in 0..<max(1, runs) {
            let cpuBefore = Self.cpuMilliseconds(RUSAGE_SELF.rawValue) + Self.cpuMilliseconds(RUSAGE_CHILDREN.rawValue)
            let threadBefore = Self.threadCPUMilliseconds()
            let (result, time) = try Stopwatch.measure { try ReportOpener.standard.open(path: file) }
            openThreadCPU.append(Self.threadCPUMilliseconds() - threadBefore)
            openCPU.append(Self.cpuMilliseconds(RUSAGE_SELF.rawValue) + Self.cpuMilliseconds(RUSAGE_CHILDREN.rawValue) - cpuBefore)
            openTimes.append(time)
            opened = result
            guard result.origin.format == .pdf else { continue }
            let childBefore = Self.cpuMilliseconds(RUSAGE_CHILDREN.rawValue)
            let (_, converterTime) = try Stopwatch.measure { try Self.runConverter(file) }
            converterCPU.append(Self.cpuMilliseconds(RUSAGE_CHILDREN.rawValue) - childBefore)
            converterTimes.append(converterTime)
        }
        guard let opened else { return }
        let peak = Stopwatch.peakResidentBytes()
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        let size = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int) ?? 0
        let converted = !converterTimes.isEmpty
        let output = Output(
            file: file, format: opened.origin.format.rawValue, bytes: size, textBytes: opened.report.text.utf8.count,
            sections: opened.report.sections.count, openMilliseconds: Self.median(openTimes), peakResidentBytes: peak,
            openCPUMilliseconds: Self.median(openCPU), openThreadCPUMilliseconds: Self.median(openThreadCPU),
            converterMilliseconds: converted ? Self.median(converterTimes) : nil,
            converterCPUMilliseconds: converted ? Self.median(converterCPU) : nil,
            pairedRatio: converted ? Self.median(zip(openTimes, converterTimes).map { $0 / $1 }) : nil,
            converterPeakResidentBytes: converted ? Int(usage.ru_maxrss) * 1024 : nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(output), as: UTF8.self))
    }

    /// `pdftotext -layout` on the file, output discarded, started the way the importer starts
    /// it (posix_spawnp, no shell or `env` in between) and reaped with waitpid, so neither
    /// side pays for a launcher the other does not.
    static func runConverter(_ file: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = ["pdftotext", "-layout", "-enc", "UTF-8", "-eol", "unix", file, "-"]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "pdftotext", &actions, nil, argv, environ)
        guard spawned == 0 else { throw ValidationError("cannot run pdftotext: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    }

    static func cpuMilliseconds(_ who: __rusage_who_t) -> Double {
        var usage = rusage()
        getrusage(who, &usage)
        let seconds = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        return seconds * 1000 + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
    }

    static func threadCPUMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
