/// The kind of statement a figure makes, and the direction of a change, from the words before it.
enum FigureKindRules {
    static let upWords = [
        "增长", "增加", "提高", "上升", "上涨", "提升", "扩大", "多增", "回升", "攀升", "增幅", "涨幅", "增速",
        "增长率", "高出", "增", "涨", "多",
    ]
    static let downWords = [
        "下降", "减少", "降低", "下跌", "回落", "缩小", "收窄", "少增", "降幅", "下调", "减", "降", "少",
    ]
    /// Ignored between a change word and its number: `增长了`, `提高约`, `下降幅度为`.
    static let fillers = ["幅度为", "幅度", "速度为", "分别为", "分别", "为", "了", "达", "率为", "率"]
    /// A change word followed by one of these states the new level, not the change (`提高到66.2%`).
    static let levelMarkers: Set<Unicode.Scalar> = ["到", "至"]

    static let targetWords: [[Unicode.Scalar]] = ["预期", "目标", "力争", "计划", "预计", "争取", "拟"].map { Array($0.unicodeScalars) }
    static let shareWords = ["占", "率", "比重", "比例", "份额", "覆盖"]

    static func direction(before clause: [Unicode.Scalar]) -> FigureDirection? {
        var text = String(String.UnicodeScalarView(clause.suffix(12)))
        if let last = text.unicodeScalars.last, levelMarkers.contains(last) { return nil }
        var stripped = true
        while stripped {
            stripped = false
            for filler in fillers where text.hasSuffix(filler) && text.count > filler.count {
                let candidate = String(text.dropLast(filler.count))
                // 增长率 is a change word itself; only strip 率 when a change word remains.
                if filler.hasPrefix("率"), !endsWithChangeWord(candidate) { continue }
                text = candidate
                stripped = true
                break
            }
        }
        if text.hasSuffix("同比") || text.hasSuffix("比上年") { return .up }
        for word in downWords where text.hasSuffix(word) { return .down }
        for word in upWords where text.hasSuffix(word) {
            // 多 and 增 alone only in 多增/比上年多 sense: a bare 多 before a number is 多达.
            if word == "多" || word == "少" || word == "增" || word == "减" || word == "降" || word == "涨" {
                let stem = text.dropLast()
                guard stem.hasSuffix("比上年") || stem.hasSuffix("同比") || stem.hasSuffix("年均") || stem.hasSuffix("上年") else { continue }
            }
            return .up
        }
        return nil
    }

    private static func endsWithChangeWord(_ text: String) -> Bool {
        (upWords + downWords).contains { $0.count > 1 && text.hasSuffix($0) }
    }

    /// Plain scalar search: sentences are short, and Foundation's `contains` folds per character.
    static func contains(_ haystack: [Unicode.Scalar], _ word: [Unicode.Scalar]) -> Bool {
        guard !word.isEmpty, haystack.count >= word.count else { return false }
        var index = 0
        while index + word.count <= haystack.count {
            if haystack[index] == word[0], haystack[index..<(index + word.count)].elementsEqual(word) { return true }
            index += 1
        }
        return false
    }

    static func kind(unit: FigureUnitCategory, direction: FigureDirection?, clause: [Unicode.Scalar], sentenceBefore: [Unicode.Scalar]) -> FigureKind {
        if targetWords.contains(where: { contains(sentenceBefore, $0) }) { return .target }
        if direction != nil { return .change }
        switch unit {
        case .percent, .multiple, .percentagePoint: return .share
        // A length of time (`15分钟`, `240个月`, `60岁`) measures, as a length or a mass does;
        // it counts nothing, so it is an amount, not a count.
        case .currency, .physical, .duration, .none: return .amount
        case .people, .count:
            let clauseText = String(String.UnicodeScalarView(clause))
            return shareWords.contains(where: { clauseText.hasSuffix($0) }) ? .share : .count
        }
    }
}
