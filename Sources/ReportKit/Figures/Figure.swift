import FoundationEssentials

/// One number in a report with what it counts: its normalised value and unit, what kind of
/// statement it makes, what it measures, and where it stands in the text.
///
/// Every position is kept (section index, UTF-8 byte range, line), so a table of figures can be
/// sorted and filtered without the text and a reader can jump to and highlight the figure.
public struct Figure: Sendable, Hashable {
    /// Index into `Report.sections`, or nil in the front matter (title, preamble).
    public let sectionIndex: Int?
    /// The section's address (`1.2`), empty in the front matter.
    public let address: String
    /// UTF-8 byte range of the figure as written: qualifier, digits and unit.
    public let range: Range<Int>
    /// 1-based line of the figure's first byte.
    public let line: Int
    /// The figure exactly as written (`约780余件次`, `200.1亿元`, `3—5年`).
    public let text: String
    /// The value in the base unit: `200.1亿元` → 20010000000 (unit 元); `98.97%` → 98.97.
    /// For a range, its lower end.
    public let value: Decimal
    /// The upper end of a range (`3—5年`, `10%至15%`), nil otherwise.
    public let upperValue: Decimal?
    /// The unit without its multiplier: `元` for `亿元`, `人` for `万人`, `百分点` for `个百分点`,
    /// `%`, `件`, `平方公里`; empty for a bare number (`126万亿`).
    public let unit: String
    /// The unit as written, multiplier included (`亿元`, `万人`, `个百分点`).
    public let writtenUnit: String
    public let unitCategory: FigureUnitCategory
    public let kind: FigureKind
    public let direction: FigureDirection?
    /// An approximation or bound kept as written: `约`, `近`, `超过`, `余`, `多`, `左右`, `以上` …;
    /// `至` for a range; `数` for vague amounts (`数十亿元`).
    public let qualifier: String?
    /// What the figure measures: the clause before it (`受理行政复议案件`, `一般公共预算收入`),
    /// or the noun a count introduces (`3起趋利性执法行为` → `趋利性执法行为`).
    public let subject: String
    /// The sentence holding the figure, with hard line wraps removed.
    public let sentence: String
    /// UTF-8 byte range of that sentence in the report's text.
    public let sentenceRange: Range<Int>

    /// Vague or bounded amounts: the value is not exact.
    public var isApproximate: Bool { qualifier != nil && qualifier != "至" }
}

public enum FigureKind: String, Sendable, Hashable, CaseIterable {
    /// A count of things, people or events (`281件`, `1244万人`, `9次`).
    case count
    /// A quantity of money or of a physical measure (`200.1亿元`, `1.39万亿斤`).
    case amount
    /// A change, with a direction (`增长5.2%`, `下降0.8个百分点`, `增加6.87万人`).
    case change
    /// A share or rate (`成功率98.97%`, `占…比重60%`, `3倍`).
    case share
    /// A plan, target or expectation rather than an actual (`预期目标…增长5%左右`).
    case target
}

public enum FigureDirection: String, Sendable, Hashable {
    case up
    case down
}

/// What a unit measures; decides the default kind of a figure.
public enum FigureUnitCategory: String, Sendable, Hashable {
    case currency
    case people
    /// Counts with a measure word (件, 次, 个, 项, 家, 所 …).
    case count
    case percent
    case percentagePoint
    /// Lengths, areas, masses, energy, concentrations.
    case physical
    /// Durations (年, 个月, 天, 小时, 分钟).
    case duration
    /// Multiples (倍).
    case multiple
    /// No unit after the number (`126万亿`, an index value).
    case none
}

/// A number that was found but could not be read: too many digits, beyond 10^16, or with
/// unreadable characters inside. Reported instead of a wrapped or absurd value.
public struct UnparsedNumber: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable {
        case tooLarge = "too large"
        case malformed = "malformed"
    }

    public let range: Range<Int>
    public let line: Int
    public let reason: Reason
}

/// Everything the extractor found in one report.
public struct FigureExtraction: Sendable {
    public let figures: [Figure]
    public let unparsed: [UnparsedNumber]
}
