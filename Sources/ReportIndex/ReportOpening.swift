import ReportKit

/// The one place the library opens a file. It goes through today's loader; when ReportKit's
/// opener (format detection → importer → parser) lands, this is the line to switch.
enum ReportOpening {
    static func decodedText(path: String) throws(LoadError) -> String {
        try DocumentLoader.load(path: path, encoding: nil).decoded.text
    }

    static func open(path: String) throws(LoadError) -> Report {
        ReportParser.parse(try decodedText(path: path))
    }
}
