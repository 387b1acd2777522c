/// The families of section numbering found in Chinese reports. A document assigns each family
/// its own level the first time it appears, so the family says nothing fixed about depth.
public enum NumberingStyle: Sendable, Hashable {
    /// `一、`
    case chineseComma
    /// `（一）` or `(一)`
    case parenChinese
    /// `1.` `1．` `1、`
    case arabicDot
    /// `（1）` or `(1)`
    case parenArabic
    /// `①`
    case circled
    /// `第一编` `第一章` `第一节` `第一条` — the unit character is kept because each is its own level.
    case ordinalUnit(Character)
    /// `1`, `1.1`, `1.1.1` — components counts the dotted parts.
    case decimal(components: Int)
    /// `#`, `##` …
    case markdown(level: Int)
    /// `附件1`, `附件：`
    case appendix
    /// A heading line with no marker at all (`过去一年工作回顾`), found because the document
    /// repeats the pattern; its marker is empty and it is addressed by position.
    case unmarked

    /// A short stable name, used in JSON and diagnostics.
    public var name: String {
        switch self {
        case .chineseComma: "chinese-comma"
        case .parenChinese: "paren-chinese"
        case .arabicDot: "arabic-dot"
        case .parenArabic: "paren-arabic"
        case .circled: "circled"
        case .ordinalUnit(let unit): "ordinal-\(unit)"
        case .decimal(let components): "decimal-\(components)"
        case .markdown(let level): "markdown-\(level)"
        case .appendix: "appendix"
        case .unmarked: "unmarked"
        }
    }
}
