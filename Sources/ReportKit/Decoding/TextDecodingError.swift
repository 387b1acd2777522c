/// Why bytes could not be read as text. The description is one line, meant for users.
///
/// Not named `DecodingError`: that name belongs to the standard library's `Codable` error and
/// would be shadowed in every file that imports ReportKit.
public enum TextDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A NUL byte, which no supported 8-bit encoding puts in text. `looksLikeUTF16` is set when
    /// the NULs fall where UTF-16 without a byte order mark would put them.
    case binary(nulOffset: Int, looksLikeUTF16: TextEncoding?)
    /// A U+0000 code unit inside UTF-16 text.
    case nulCharacter(offset: Int, encoding: TextEncoding)
    /// Too many undecodable bytes for any supported encoding; reports where UTF-8 failed first.
    case notText(InvalidSequences)
    /// The encoding that was forced or announced by a byte order mark does not fit the bytes.
    case invalid(TextEncoding, InvalidSequences)
    /// An encoding was forced, but the input starts with another encoding's byte order mark.
    case byteOrderMarkConflict(forced: TextEncoding, found: TextEncoding)
    /// A byte order mark of an encoding this reader does not support (UTF-32).
    case unsupportedEncoding(name: String)
    /// The system cannot convert this encoding (its iconv lacks the converter).
    case converterUnavailable(TextEncoding)

    public var description: String {
        switch self {
        case .binary(let offset, nil):
            return "binary file (NUL byte at offset \(offset))"
        case .binary(let offset, let utf16?):
            return "binary file (NUL byte at offset \(offset)); it looks like \(utf16.displayName)"
                + " without a byte order mark: try --encoding \(utf16.optionSpelling)"
        case .nulCharacter(let offset, let encoding):
            return "binary file (NUL character at offset \(offset) in \(encoding.displayName))"
        case .notText(let invalid):
            return "not valid UTF-8, UTF-16 or GB18030 text"
                + " (invalid byte \(invalid.firstByteHex) at offset \(invalid.firstOffset))"
        case .invalid(let encoding, let invalid):
            let sequences = invalid.count == 1 ? "sequence" : "sequences"
            return "not valid \(encoding.displayName) text (invalid byte \(invalid.firstByteHex)"
                + " at offset \(invalid.firstOffset), \(invalid.count) invalid \(sequences))"
        case .byteOrderMarkConflict(let forced, let found):
            return "not \(forced.displayName) text: it starts with a \(found.displayName) byte order mark"
        case .unsupportedEncoding(let name):
            return "\(name) text is not supported"
        case .converterUnavailable(let encoding):
            return "this system cannot convert \(encoding.displayName) (no iconv converter)"
        }
    }
}
