/// How the lines of a decoded text ended before they were normalised to LF.
public enum LineEnding: String, Sendable {
    case lf
    case crlf
    case cr
    /// More than one kind of line ending occurs.
    case mixed
    /// The text has no line break at all.
    case none
}

/// The text of a file, decoded and ready to parse.
public struct DecodedText: Sendable {
    /// The decoded text, with every line ending (CRLF, lone CR) turned into LF and any byte
    /// order mark removed.
    public let text: String
    public let encoding: TextEncoding
    public let hadByteOrderMark: Bool
    /// The line endings found in the original bytes.
    public let lineEnding: LineEnding
    /// Things the reader should know about, such as undecodable bytes that were replaced with
    /// U+FFFD. Each is one line of plain text.
    public let warnings: [String]

    public init(
        text: String, encoding: TextEncoding, hadByteOrderMark: Bool, lineEnding: LineEnding,
        warnings: [String]
    ) {
        self.text = text
        self.encoding = encoding
        self.hadByteOrderMark = hadByteOrderMark
        self.lineEnding = lineEnding
        self.warnings = warnings
    }
}
