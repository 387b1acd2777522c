/// Something the parser accepted although the document does not follow its own numbering: a
/// typo in a marker, a skipped number, a control character in front of a marker. The section
/// is in the tree; the warning says where the document was read generously, so a reader can
/// check it.
public struct ParseWarning: Sendable, Hashable {
    /// 1-based line of the marker concerned.
    public let line: Int
    /// `numbering jumps from 三 to 五`, `“三)” read as （三）`.
    public let message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line 57: numbering jumps from 三 to 五`, as the command line prints it.
    public var description: String { "line \(line): \(message)" }
}
