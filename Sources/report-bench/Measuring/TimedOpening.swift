import ReportImport
import ReportKit

/// A report opened as every command opens it, with the two phases timed apart: reading and
/// decoding (or importing) the file, then parsing its text.
struct TimedOpening {
    let report: Report
    let readAndDecodeMilliseconds: Double
    let parseMilliseconds: Double

    init(path: String) throws {
        let (document, loadTime) = try Stopwatch.measure { try ReportOpener.standard.read(path: path) }
        let (report, parseTime) = Stopwatch.measure { document.parsed().report }
        self.report = report
        readAndDecodeMilliseconds = loadTime
        parseMilliseconds = parseTime
    }
}
