/// How many cells the terminal gives East Asian *ambiguous* characters (`“ ” … · — ①`, box
/// drawing): one in most Western setups, two in many CJK ones. The layout must agree with the
/// terminal, or every such character pushes the rest of its line one cell to the right.
public enum AmbiguousWidth: String, Sendable, CaseIterable {
    case narrow
    case wide

    /// The environment variable that chooses, for readers who always use the same terminal.
    public static let environmentVariable = "REPORT_BROWSER_AMBIGUOUS"

    /// `--ambiguous-wide` wins; then `REPORT_BROWSER_AMBIGUOUS=wide|narrow`; otherwise narrow,
    /// what terminals draw by default (xterm, VTE, iTerm2, Windows Terminal, tmux), even in a
    /// Chinese locale. An unknown value is reported, not guessed at.
    public static func chosen(flag: Bool, environment: [String: String]) -> Result<AmbiguousWidth, AmbiguousWidthError> {
        if flag { return .success(.wide) }
        guard let value = environment[environmentVariable], !value.isEmpty else { return .success(.narrow) }
        guard let width = AmbiguousWidth(rawValue: value.lowercased()) else {
            return .failure(AmbiguousWidthError(value: value))
        }
        return .success(width)
    }
}

public struct AmbiguousWidthError: Error, CustomStringConvertible {
    public let value: String
    public var description: String {
        "\(AmbiguousWidth.environmentVariable)=\(value): use wide or narrow"
    }
}

extension DisplayWidth {
    /// Chosen once, before the first frame, for the whole process.
    nonisolated(unsafe) private static var processAmbiguous = AmbiguousWidth.narrow
    /// Lets a test (or one task) measure with the other width without touching the process.
    @TaskLocal private static var scopedAmbiguous: AmbiguousWidth?

    /// The width in use.
    public static var ambiguous: AmbiguousWidth { scopedAmbiguous ?? processAmbiguous }

    /// Sets the width for the process: call it once at start-up, before anything is measured
    /// (line caches hold widths).
    public static func useAmbiguous(_ width: AmbiguousWidth) {
        processAmbiguous = width
    }

    /// Runs `body` measuring ambiguous characters as `width`, in this task only.
    public static func withAmbiguous<Result>(_ width: AmbiguousWidth, _ body: () throws -> Result) rethrows -> Result {
        try $scopedAmbiguous.withValue(width, operation: body)
    }

    static var ambiguousCells: Int { ambiguous == .wide ? 2 : 1 }
}
