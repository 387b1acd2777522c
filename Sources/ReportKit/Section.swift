/// One numbered unit of a report: a chapter, an item, an article or an appendix.
///
/// Sections live in `Report.sections` in document (pre-order) order and refer to each other by
/// index, so the tree is one flat array: cheap to build, share and walk for a 100 MB report.
public struct Section: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case section
        case appendix
    }

    /// Index of this section in `Report.sections`.
    public let index: Int
    public var parent: Int? { parentIndex < 0 ? nil : parentIndex }
    /// `parent`, -1 for none: an optional takes a padded 16 bytes, and a large report holds
    /// hundreds of thousands of sections, all zeroed and written once by the parser.
    private let parentIndex: Int
    public internal(set) var children: [Int]
    /// 1 for top-level sections.
    public let depth: Int
    /// The report's text, which `markerText` and `headingText` slice: one reference per
    /// section instead of two stored slices of it (32 bytes each). Empty while the parser scans
    /// bytes whose text does not exist yet (`BytesFirstParse`), until the text is attached.
    var text: String
    /// UTF-8 byte range of `marker` in the text.
    var markerRange: Range<Int>
    public let style: NumberingStyle
    /// After `style`, whose payload leaves room for it in the same 8 bytes.
    public let kind: Kind
    /// The numbering token as written in the source, e.g. `（一）`, `1.`, `第三章`, `附件1`.
    public var marker: String { String(markerText) }
    /// `marker` as a slice of the report's text. Slices share the text's storage: a report with
    /// hundreds of thousands of sections would otherwise hold a second copy of every heading.
    public var markerText: Substring { sliced(markerRange) }
    /// The ordinal the marker stands for (`（十一）` → 11); 0 for unnumbered appendices.
    public let ordinal: Int
    /// Heading text after the marker, without surrounding whitespace or a trailing `。`.
    public var heading: String { String(headingText) }
    /// `heading` as a slice of the report's text.
    public var headingText: Substring { sliced(headingRange) }
    /// 1-based line number of the heading line.
    public let line: Int
    /// Position-based address such as `3.2`.
    public let address: String
    /// UTF-8 byte range of the section's own text: from the start of its heading line up to its
    /// first child or, without children, to the next section. Own ranges partition the text after
    /// the front matter.
    public internal(set) var ownRange: Range<Int>
    /// UTF-8 byte range of the section with all of its descendants.
    public internal(set) var subtreeRange: Range<Int>
    /// UTF-8 byte range of the heading text (inside `ownRange`), for highlighting.
    public internal(set) var headingRange: Range<Int>
    /// UTF-8 byte range of the body: the text after the heading (same line remainder included).
    public internal(set) var bodyRange: Range<Int>
    /// Text after the section's items that belongs to the section itself: in a law article,
    /// the paragraph (款) after its list of items (项) — `前款规定的情形，由……认定。`. It lies inside
    /// the last item's own range (own ranges still partition the text), and that item's
    /// `bodyRange` ends where it starts. Empty for almost every section.
    public internal(set) var trailingRange: Range<Int> = 0..<0

    init(
        index: Int, parent: Int?, children: [Int], depth: Int, kind: Kind, text: String, markerRange: Range<Int>,
        style: NumberingStyle, ordinal: Int, line: Int, address: String,
        ownRange: Range<Int>, subtreeRange: Range<Int>, headingRange: Range<Int>, bodyRange: Range<Int>
    ) {
        self.index = index
        parentIndex = parent ?? -1
        self.children = children
        self.depth = depth
        self.text = text
        self.markerRange = markerRange
        self.style = style
        self.kind = kind
        self.ordinal = ordinal
        self.line = line
        self.address = address
        self.ownRange = ownRange
        self.subtreeRange = subtreeRange
        self.headingRange = headingRange
        self.bodyRange = bodyRange
    }

    /// A range of the text; empty before the text is attached.
    private func sliced(_ range: Range<Int>) -> Substring {
        text.isEmpty ? Substring() : text[utf8Range: range]
    }

    /// A law's article (`第二条　本办法所称……。`): it has no heading of its own, its whole text
    /// (with its 。) is the body, and rows show `lead` after the marker.
    public var isArticle: Bool { style.isArticle }

    /// What a row shows after the marker: the heading, or for an article the beginning of its
    /// text, cut at the end of its first line or after `leadLength` characters with `…`.
    public var lead: String {
        guard headingText.isEmpty, isArticle, !bodyRange.isEmpty else { return heading }
        let base = self.text
        let start = bodyRange.lowerBound
        var text = ""
        var count = 0
        for character in base[utf8Range: start..<start + min(bodyRange.count, Self.leadLength * 4)] {
            if character == "\n" { break }
            if count == Self.leadLength { return text + "…" }
            text.append(character)
            count += 1
        }
        return text
    }

    public static let leadLength = 20
}

extension Section {
    /// What the stored slices compared before: the marker and heading by their text, not the
    /// whole report's text (equal reports' sections stay equal, and hashing stays cheap).
    public static func == (left: Section, right: Section) -> Bool {
        left.index == right.index && left.parentIndex == right.parentIndex && left.children == right.children
            && left.depth == right.depth && left.kind == right.kind && left.markerText == right.markerText
            && left.style == right.style && left.ordinal == right.ordinal && left.headingText == right.headingText
            && left.line == right.line && left.address == right.address && left.ownRange == right.ownRange
            && left.subtreeRange == right.subtreeRange && left.headingRange == right.headingRange
            && left.bodyRange == right.bodyRange && left.trailingRange == right.trailingRange
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(index)
        hasher.combine(parentIndex)
        hasher.combine(children)
        hasher.combine(depth)
        hasher.combine(kind)
        hasher.combine(markerText)
        hasher.combine(style)
        hasher.combine(ordinal)
        hasher.combine(headingText)
        hasher.combine(line)
        hasher.combine(address)
        hasher.combine(ownRange)
        hasher.combine(subtreeRange)
        hasher.combine(headingRange)
        hasher.combine(bodyRange)
        hasher.combine(trailingRange)
    }
}
