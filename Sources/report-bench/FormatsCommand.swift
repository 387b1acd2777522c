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
            PDF, runs `pdftotext -layout` on it as many times. Reports medians and this \
            process's peak resident memory; the converter's own peak is its largest child's \
            (getrusage of children). Run one file per process so peaks are the file's own: \
            bench/formats does. Prints one JSON object.
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
        let converterMilliseconds: Double?
        let converterPeakResidentBytes: Int?
    }

    func run() throws {
        var openTimes: [Double] = []
        var opened: OpenedReport?
        for _ in 0..<max(1, runs) {
            let (result, time) = try Stopwatch.measure { try ReportOpener.standard.open(path: file) }
            openTimes.append(time)
            opened = result
        }
        guard let opened else { return }
        let peak = Stopwatch.peakResidentBytes()
        var converterTimes: [Double] = []
        if opened.origin.format == .pdf {
            for _ in 0..<max(1, runs) {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = ["pdftotext", "-layout", "-enc", "UTF-8", "-q", file, "/dev/null"]
                let (_, time) = try Stopwatch.measure {
                    try process.run()
                    process.waitUntilExit()
                }
                converterTimes.append(time)
            }
        }
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        let size = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int) ?? 0
        let output = Output(
            file: file, format: opened.origin.format.rawValue, bytes: size, textBytes: opened.report.text.utf8.count,
            sections: opened.report.sections.count, openMilliseconds: Self.median(openTimes), peakResidentBytes: peak,
            converterMilliseconds: converterTimes.isEmpty ? nil : Self.median(converterTimes),
            converterPeakResidentBytes: converterTimes.isEmpty ? nil : Int(usage.ru_maxrss) * 1024)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(output), as: UTF8.self))
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
