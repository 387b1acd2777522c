import ArgumentParser
import Foundation
import LibraryAdapter
import ReportUI

struct LibraryFrameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "library-frame",
        abstract: "Time opening a library in the browser to its first frame.",
        discussion: """
            What `report-browser DIR` does before it draws: walk the folder, read the members' \
            titles, dates and issuers (from the index when it holds them, from the files \
            otherwise), build the list and render the first frame. Timed --runs times in one \
            process; run `report-browser index DIR --index PATH` (or report-bench library \
            --rebuild) first for the indexed figure, and --no-index for the figure without one. \
            Prints JSON.
            """
    )

    @Argument(help: ArgumentHelp("The library folder.", valueName: "dir"))
    var directory: String

    @Option(help: ArgumentHelp("The index file.", valueName: "path"))
    var index: String?

    @Option(help: ArgumentHelp("How many times to open it.", valueName: "n"))
    var runs = 5

    struct Output: Codable {
        let reports: Int
        let listingNote: String
        let firstFrame: Percentiles
        let firstFrameCPU: Percentiles
        /// Of the first frame: walking the folder and reading the index (`IndexedLibraryCatalog`).
        let catalogMilliseconds: Percentiles
        let peakResidentBytes: Int
    }

    func run() throws {
        var samples: [Double] = []
        var cpuSamples: [Double] = []
        var catalogSamples: [Double] = []
        var reports = 0
        var note = ""
        for _ in 0..<max(1, runs) {
            let (frame, milliseconds, cpu) = Stopwatch.measureWithCPU { () -> (Int, String, Screen) in
                let (catalog, catalogTime) = Stopwatch.measure { IndexedLibraryCatalog(paths: [directory], indexPath: index) }
                catalogSamples.append(catalogTime)
                let session = LibrarySession(catalog: catalog, options: BrowserOptions(), size: Size(width: 120, height: 40))
                return (catalog.entries.count, catalog.listingNote, session.frame().screen)
            }
            precondition(frame.2.lines.first?.contains("Library") == true, "the first frame is not the library list")
            reports = frame.0
            note = frame.1
            samples.append(milliseconds)
            cpuSamples.append(cpu)
        }
        let output = Output(
            reports: reports, listingNote: note, firstFrame: Percentiles(samples), firstFrameCPU: Percentiles(cpuSamples),
            catalogMilliseconds: Percentiles(catalogSamples), peakResidentBytes: Stopwatch.peakResidentBytes())
        print(try BenchJSON.string(output))
    }
}
