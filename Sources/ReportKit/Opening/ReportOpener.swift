#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way to open a report: detect the format from the content (or take the forced one),
/// hand the bytes to that format's importer (text is decoded here), and parse the result.
/// Every command, the browser and the benchmark open reports through this.
public struct ReportOpener: Sendable {
    private let importers: [ReportFormat: any ReportImporter]

    public init(importers: [any ReportImporter]) {
        var byFormat: [ReportFormat: any ReportImporter] = [:]
        for importer in importers { byFormat[importer.format] = importer }
        self.importers = byFormat
    }

    /// Reads text files only; other formats are refused with a line that names them.
    public static let textOnly = ReportOpener(importers: [])

    /// Reads and extracts the text without parsing it, for callers that do other work on the
    /// text at the same time (hashing it for saved state).
    /// - Parameters:
    ///   - path: a file, "-" for standard input, nil for the bundled report.
    ///   - format: forces a format; nil detects it from the content.
    ///   - encoding: forces the text encoding (text, and the charset of HTML).
    ///   - mapped: the file at `path` as the caller already mapped it (to look at its bytes
    ///     first), read from that mapping instead of a second one when it is still the file's size.
    public func read(
        path: String?, format: ReportFormat? = nil, encoding: TextEncoding? = nil, mapped: MappedFile? = nil
    ) throws(LoadError) -> OpenedText {
        guard let path else {
            let decoded: DecodedText
            do {
                decoded = try TextDecoder.decode(BundledReport.bytes, forcing: encoding)
            } catch {
                throw LoadError.decoding(path: BundledReport.name, error: error)
            }
            let origin = ReportOrigin(name: BundledReport.name, path: nil, format: .text)
            return OpenedText(origin: origin, text: decoded.text, warnings: decoded.warnings)
        }
        let name = path == "-" ? DocumentLoader.standardInputName : path
        if format == .text { return try readText(path: path, name: name, encoding: encoding, mapped: mapped) }

        let sniffed = try SniffedInput.read(path: path)
        let detected = format ?? FormatDetection.detect(prefix: sniffed.prefix)
        if detected == .text {
            if let bytes = sniffed.allBytes {
                let decoded: DecodedText
                do {
                    decoded = try TextDecoder.decode(bytes, forcing: encoding)
                } catch {
                    throw LoadError.decoding(path: path, error: error)
                }
                return OpenedText(origin: ReportOrigin(name: name, path: path, format: .text), text: decoded.text, warnings: decoded.warnings)
            }
            return try readText(path: path, name: name, encoding: encoding, mapped: mapped)
        }
        guard let importer = importers[detected] else {
            throw LoadError(path: path, kind: .unreadable, reason: "a \(detected.displayName) file, which this build cannot read")
        }
        let bytes: [UInt8]
        if let whole = sniffed.allBytes { bytes = whole } else { bytes = try SniffedInput.readWhole(path: path) }
        let imported: ImportedText
        do {
            imported = try importer.importReport(ImportInput(bytes: bytes, path: path == "-" ? nil : path, encoding: encoding))
        } catch {
            throw LoadError(path: path, kind: .unreadable, reason: error.reason)
        }
        let origin = ReportOrigin(
            name: name, path: path, format: detected, pageOfLine: imported.pageOfLine, headingHints: imported.headingHints)
        return OpenedText(origin: origin, text: imported.text, warnings: imported.warnings)
    }

    /// Reads, extracts and parses.
    public func open(path: String?, format: ReportFormat? = nil, encoding: TextEncoding? = nil) throws(LoadError) -> OpenedReport {
        try read(path: path, format: format, encoding: encoding).parsed()
    }

    private func readText(path: String, name: String, encoding: TextEncoding?, mapped: MappedFile?) throws(LoadError) -> OpenedText {
        let document = try DocumentLoader.load(path: path, encoding: encoding, mapped: mapped)
        return OpenedText(
            origin: ReportOrigin(name: name, path: path, format: .text), text: document.decoded.text,
            warnings: document.decoded.warnings)
    }
}

/// A report's text before parsing, with its origin.
public struct OpenedText: Sendable {
    public let origin: ReportOrigin
    /// The text every range of the parsed report refers to.
    public let text: String
    /// Repairs made while decoding or importing, one line each.
    public let warnings: [String]

    public init(origin: ReportOrigin, text: String, warnings: [String]) {
        self.origin = origin
        self.text = text
        self.warnings = warnings
    }

    public func parsed() -> OpenedReport {
        OpenedReport(report: ReportParser.parse(text, headingHints: origin.headingHints), origin: origin, warnings: warnings)
    }
}

/// A parsed report and where it came from.
public struct OpenedReport: Sendable {
    public let report: Report
    public let origin: ReportOrigin
    public let warnings: [String]

    public init(report: Report, origin: ReportOrigin, warnings: [String]) {
        self.report = report
        self.origin = origin
        self.warnings = warnings
    }

    /// The page the line holding a byte offset of the text is on (PDF), nil without pages.
    public func page(atOffset offset: Int) -> Int? {
        guard origin.pageOfLine != nil else { return nil }
        return origin.page(ofLine: report.lines.line(at: offset))
    }
}
