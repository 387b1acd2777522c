/// The text encodings a report can be read from.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8
    case utf16le
    case utf16be
    case gb18030
    /// Traditional Chinese (Taiwan); `.big5hkscs` adds Hong Kong's characters.
    case big5
    case big5hkscs

    /// Parses the spellings people type for an `--encoding` option, ignoring case, `-` and `_`.
    ///
    /// Plain "utf-16" is accepted as `.utf16le`: a byte order mark, when present, decides the
    /// byte order of any UTF-16 input anyway, and little-endian is what BOM-less UTF-16 files
    /// (written on Windows) almost always are. GBK, GB2312 and CP936 are subsets of GB18030, so
    /// they decode as GB18030.
    public init?(name: String) {
        let key = String(name.lowercased().filter { $0 != "-" && $0 != "_" && !$0.isWhitespace })
        switch key {
        case "utf8": self = .utf8
        case "utf16", "utf16le", "ucs2", "ucs2le": self = .utf16le
        case "utf16be", "ucs2be": self = .utf16be
        case "gb18030", "gbk", "gb2312", "cp936", "euccn", "windows936", "ms936": self = .gb18030
        case "big5", "cp950", "windows950", "ms950", "big5eten": self = .big5
        case "big5hkscs", "hkscs": self = .big5hkscs
        default: return nil
        }
    }

    /// The conventional name, as shown to users.
    public var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16le: "UTF-16LE"
        case .utf16be: "UTF-16BE"
        case .gb18030: "GB18030"
        case .big5: "Big5"
        case .big5hkscs: "Big5-HKSCS"
        }
    }

    var isUTF16: Bool { self == .utf16le || self == .utf16be }

    /// The double-byte Chinese encodings, converted by iconv under these names.
    var iconvName: String? {
        switch self {
        case .gb18030: "GB18030"
        case .big5: "BIG5"
        case .big5hkscs: "BIG5-HKSCS"
        default: nil
        }
    }

    /// The name that `init(name:)` maps back to this case, for suggesting a command-line option.
    var optionSpelling: String {
        switch self {
        case .utf8: "utf-8"
        case .utf16le: "utf-16le"
        case .utf16be: "utf-16be"
        case .gb18030: "gb18030"
        case .big5: "big5"
        case .big5hkscs: "big5-hkscs"
        }
    }
}
