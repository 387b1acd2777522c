import ReportImport
import ReportKit

/// The one place the library opens a file: through the opener every command uses, so a
/// folder's PDFs, saved pages and Word documents are members like its text files.
enum ReportOpening {
    static func decodedText(path: String) throws(LoadError) -> String {
        try ReportOpener.standard.read(path: path).text
    }

    static func open(path: String) throws(LoadError) -> Report {
        try ReportOpener.standard.open(path: path).report
    }
}
