/// Turns the bytes of one file format into report text. Importers for formats that need C
/// libraries or external programs live outside ReportKit (ReportImport) and are handed to
/// `ReportOpener`; ReportKit itself reads only text.
public protocol ReportImporter: Sendable {
    var format: ReportFormat { get }
    func importReport(_ input: ImportInput) throws(ImportFailure) -> ImportedText
}

/// One file to import: its bytes, already read, and where they came from.
public struct ImportInput: Sendable {
    public let bytes: [UInt8]
    /// The path of a regular file, nil for standard input (an importer that needs a file
    /// writes the bytes to a temporary one).
    public let path: String?
    /// `--encoding`, for formats that carry text in an 8-bit charset (HTML).
    public let encoding: TextEncoding?

    public init(bytes: [UInt8], path: String?, encoding: TextEncoding?) {
        self.bytes = bytes
        self.path = path
        self.encoding = encoding
    }
}

/// An importer's result: one paragraph per line, as the parser expects.
public struct ImportedText: Sendable {
    public let text: String
    public let pageOfLine: [Int]?
    public let headingHints: [Int: Int]
    /// Damage that was repaired or worked around, one line each, for stderr.
    public let warnings: [String]

    public init(text: String, pageOfLine: [Int]? = nil, headingHints: [Int: Int] = [:], warnings: [String] = []) {
        self.text = text
        self.pageOfLine = pageOfLine
        self.headingHints = headingHints
        self.warnings = warnings
    }
}

/// Why a file could not be imported, as the one line a user reads after the path.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
