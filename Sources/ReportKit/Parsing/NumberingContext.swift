/// The numbering state of one document part (the report itself, or one appendix): which
/// sections are open, how each style was last numbered, and which styles were seen nesting in
/// which. Levels come from this history, not from a fixed table.
struct NumberingContext {
    struct OpenEntry {
        var style: NumberingStyle
        var components: MarkerComponents
        var section: Int
    }

    struct LastRun {
        var ordinal: Int
        var parentStyle: NumberingStyle?
    }

    /// Open sections from the outermost; `base` (an appendix) is never closed by its content.
    var stack: [OpenEntry] = []
    var base: OpenEntry?
    /// Indexed by `NumberingStyle.slot`: arrays, not dictionaries, because this is consulted for
    /// every marker line of a report that may have hundreds of thousands.
    var lastRuns = [LastRun?](repeating: nil, count: NumberingStyle.slotCount)
    /// Pairs (outer, inner) of styles seen nested: bit `inner.slot` of `nesting[outer.slot]`.
    var nesting = [UInt64](repeating: 0, count: NumberingStyle.slotCount)

    func lastRun(_ style: NumberingStyle) -> LastRun? { lastRuns[style.slot] }

    func hasSeen(_ outer: NumberingStyle, holding inner: NumberingStyle) -> Bool {
        nesting[outer.slot] & (1 << UInt64(inner.slot)) != 0
    }

    /// Where a marker attaches if it is a heading: the number of open entries to keep (the new
    /// section becomes the child of the last kept one), or nil when the marker does not continue
    /// any sequence and is body text.
    func placement(of match: MarkerMatch) -> Int? {
        let style = match.style
        if case .markdown(let level) = style {
            var keep = stack.count
            while keep > 0, case .markdown(let open) = stack[keep - 1].style, open >= level { keep -= 1 }
            return keep
        }
        if case .decimal(let count) = style, count > 1 {
            return decimalPlacement(of: match)
        }
        if let sibling = stack.lastIndex(where: { $0.style == style }) {
            return match.ordinal == stack[sibling].components.last + 1 ? sibling : nil
        }
        if match.ordinal == 1 {
            var keep = stack.count
            while keep > 0, closes(stack[keep - 1].style, before: style) { keep -= 1 }
            return keep
        }
        // Numbering that runs on across parents: （五） under 二、 after （四） under 一、.
        if let last = lastRun(style), match.ordinal == last.ordinal + 1 {
            guard let parentStyle = last.parentStyle else { return 0 }
            // The innermost open section of a style seen holding this one: articles numbered
            // through a law go into the current 节, or straight under a 章 that has none.
            if let parent = stack.lastIndex(where: {
                $0.style == parentStyle || hasSeen($0.style, holding: style) || style.isLegalUnitBelow($0.style)
            }) {
                return parent + 1
            }
            if base?.style == parentStyle { return 0 }
        }
        return nil
    }

    /// `1.2.1` needs an open `1.2`; `1.2.2` follows an open `1.2.1`.
    private func decimalPlacement(of match: MarkerMatch) -> Int? {
        let prefix = match.components.leading
        if let sibling = stack.lastIndex(where: { $0.style == match.style }),
           stack[sibling].components.leading == prefix {
            return match.ordinal == stack[sibling].components.last + 1 ? sibling : nil
        }
        guard match.ordinal == 1 else { return nil }
        let parentStyle = NumberingStyle.decimal(components: prefix.count)
        // `1. 范围` followed by `1.1 术语`: a dotted top level is the parent of decimal children.
        guard let parent = stack.lastIndex(where: {
            $0.components.equals(prefix) && ($0.style == parentStyle || (prefix.count == 1 && $0.style == .arabicDot))
        }) else { return nil }
        return parent + 1
    }

    /// Whether an open section of style `open` ends when a new run of `incoming` starts.
    private func closes(_ open: NumberingStyle, before incoming: NumberingStyle) -> Bool {
        if hasSeen(incoming, holding: open) { return true }
        if hasSeen(open, holding: incoming) { return false }
        // Judicial interpretations and some 办法 group their articles under `一、一般规定`
        // chapters: a first 第一条 inside an open 一、 is its article, not a new top level.
        if open == .chineseComma, incoming.isArticle { return false }
        return open.conventionalRank >= incoming.conventionalRank
    }

    mutating func open(_ match: MarkerMatch, section: Int, keeping keep: Int) {
        // One element at a time: the generic `removeLast(_:)` goes through replaceSubrange,
        // which cost more than the rest of this function on every marker line.
        while stack.count > keep { stack.removeLast() }
        let parentStyle = stack.last?.style ?? base?.style
        let innerBit: UInt64 = 1 << UInt64(match.style.slot)
        for outer in stack { nesting[outer.style.slot] |= innerBit }
        lastRuns[match.style.slot] = LastRun(ordinal: match.ordinal, parentStyle: parentStyle)
        stack.append(OpenEntry(style: match.style, components: match.components, section: section))
    }

    /// The section a new one is a child of when `keep` open entries stay open.
    func parentSection(keeping keep: Int) -> Int? {
        keep > 0 ? stack[keep - 1].section : base?.section
    }
}

extension NumberingStyle {
    static let slotCount = 64
    /// `slot` of `.ordinalUnit("条")`.
    static let articleSlot = 10

    /// The 立法法's units nest in one fixed order (编 › 章 › 节 › 条): an article numbered on
    /// through a law goes into an open 节 even when the law's first 节 comes after its first
    /// articles, because a 节 only ever holds articles.
    func isLegalUnitBelow(_ outer: NumberingStyle) -> Bool {
        guard case .ordinalUnit(let unit) = self, case .ordinalUnit(let outerUnit) = outer else { return false }
        return Self.legalOrder(unit) > Self.legalOrder(outerUnit)
    }

    private static func legalOrder(_ unit: Character) -> Int {
        switch unit {
        case "编": 0
        case "部": 1
        case "章": 2
        case "节": 3
        default: 4
        }
    }

    /// A small distinct number per style, for the context's tables. Decimal depths beyond what
    /// a marker prefix can hold share the last slot.
    var slot: Int {
        switch self {
        case .chineseComma: 0
        case .parenChinese: 1
        case .arabicDot: 2
        case .parenArabic: 3
        case .circled: 4
        case .appendix: 5
        case .unmarked: 61
        case .ordinalUnit(let unit):
            switch unit {
            case "编": 6
            case "部": 7
            case "章": 8
            case "节": 9
            default: 10
            }
        case .markdown(let level): 10 + min(max(level, 1), 6)
        case .decimal(let components): min(16 + max(components, 1), Self.slotCount - 1)
        }
    }

    /// The usual order of units in Chinese official documents, consulted only the first time two
    /// styles meet; after that the document's own nesting decides.
    var conventionalRank: Int {
        switch self {
        case .appendix: 0
        case .unmarked: 9
        case .markdown(let level): level
        case .ordinalUnit(let unit):
            switch unit {
            case "编": 10
            case "部": 11
            case "章": 12
            case "节": 13
            default: 14
            }
        case .chineseComma: 20
        case .decimal(let components): 20 + components
        case .parenChinese: 30
        case .arabicDot: 31
        case .parenArabic: 32
        case .circled: 33
        }
    }
}
