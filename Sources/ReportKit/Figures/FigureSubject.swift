/// What a figure measures: the clause before it, without the verbs and words of comparison that
/// link subject and number (`一般公共预算收入完成200.1亿元` → `一般公共预算收入`), or the noun a
/// count introduces (`阻止3起趋利性执法行为` → `趋利性执法行为`).
enum FigureSubject {
    static let clauseBreaks: Set<Unicode.Scalar> = ["，", ",", "；", ";", "。", "！", "？", "!", "?", "：", ":", "—", "…"]
    static let maximumLength = 40

    /// Words between a subject and its number; stripped from the end, longest first, repeatedly.
    static let trailingLinks: [String] = [
        "比上年同期", "比上年末", "比上年底", "较上年末", "比上年", "较上年", "比去年", "较去年", "比年初", "较年初",
        "同比", "环比", "年均", "平均", "分别为", "分别", "分别达到", "分别达", "幅度为", "幅度",
        "达到了", "达到", "完成了", "完成", "实现了", "实现", "提高到", "提高至", "提升到", "提升至", "增加到", "增加至",
        "增长到", "增长至", "下降到", "下降至", "降低到", "降低至", "降至", "升至", "增至", "减至", "扩大到", "扩大至",
        "增长了", "增长", "增加了", "增加", "提高了", "提高", "上升了", "上升", "上涨了", "上涨", "提升了", "提升",
        "下降了", "下降", "减少了", "减少", "降低了", "降低", "下跌", "回落", "扩大", "缩小", "收窄", "多增", "少增",
        "增幅", "涨幅", "降幅", "增速", "高出", "低于", "高于",
        "累计", "合计", "总计", "共计", "共有", "拟安排", "安排", "拟按", "拟", "每月", "每年", "每人", "每户", "每天",
        "共", "计", "达", "为", "是", "有", "约", "了", "占", "的", "最长", "最短", "按",
    ]

    /// Words of time and connection at the start of a clause, not part of what is measured.
    static let leadingScope: [String] = [
        "其中", "此外", "另外", "同时", "全年", "当年", "年末", "年底", "年初", "今年", "去年", "上年", "截至目前",
        "目前", "累计", "共", "完成", "实现", "预计", "、",
    ]

    private typealias Scalars = ArraySlice<Unicode.Scalar>

    // Scalar arrays, not Strings: this runs for every figure, and String's suffix tests are
    // grapheme-aware and several times slower.
    private static let trailingScalars = trailingLinks.map { Array($0.unicodeScalars) }
    /// The same words keyed by their last scalar, in the list's order: most clause ends match
    /// none of them, and those are settled by one lookup instead of a hundred suffix tests.
    private static let trailingByLastScalar: [Unicode.Scalar: [[Unicode.Scalar]]] =
        Dictionary(grouping: trailingScalars, by: { $0.last! })
    private static let leadingScalars = leadingScope.map { Array($0.unicodeScalars) }

    private static func hasSuffix(_ text: Scalars, _ word: [Unicode.Scalar]) -> Bool {
        text.count >= word.count && text.suffix(word.count).elementsEqual(word)
    }

    private static func hasPrefix(_ text: Scalars, _ word: [Unicode.Scalar]) -> Bool {
        text.count >= word.count && text.prefix(word.count).elementsEqual(word)
    }

    /// Index just after the last occurrence of `word`.
    private static func afterLast(_ word: [Unicode.Scalar], in text: Scalars) -> Int? {
        guard text.count >= word.count else { return nil }
        var start = text.endIndex - word.count
        while start >= text.startIndex {
            if text[start] == word[0], text[start..<(start + word.count)].elementsEqual(word) { return start + word.count }
            start -= 1
        }
        return nil
    }

    /// The cleaned clause text before the figure; empty when only linking words are left.
    static func before(_ clause: [Unicode.Scalar]) -> String {
        var text = clause[...]
        // An enumeration ending in 等 names examples; the measured thing follows it.
        if let tail = afterLast(["等"], in: text), text.endIndex - tail >= 2 { text = text[tail...] }
        // 按照每月1000元, 按扣除标准的50%: the measure is named after the preposition.
        for preposition in [["按", "照"], ["按"]] as [[Unicode.Scalar]] {
            if let tail = afterLast(preposition, in: text) {
                // 按时 and 按期 are adverbs (按时处置率), not the preposition.
                if text.endIndex - tail >= 2, text[tail] != "时", text[tail] != "期" { text = text[tail...] }
                break
            }
        }
        // 第二十三条　本办法所称…: an article number opens the clause, it is not the subject.
        if text.first == "第", let article = text.prefix(8).firstIndex(where: { "条款章节".unicodeScalars.contains($0) }) {
            text = text[(article + 1)...]
        }
        var changed = true
        while changed, !text.isEmpty {
            changed = false
            // A parenthetical at the end explains the subject: 个人负担（指…自付部分）.
            if text.last == "）", let open = text.lastIndex(of: "（"), open > text.startIndex {
                text = text[..<open]
                changed = true
                continue
            }
            for word in trailingByLastScalar[text.last!] ?? [] where hasSuffix(text, word) {
                text = text.dropLast(word.count)
                changed = true
                break
            }
        }
        changed = true
        while changed, !text.isEmpty {
            changed = false
            for word in leadingScalars where hasPrefix(text, word) && text.count > word.count {
                text = text.dropFirst(word.count)
                changed = true
                break
            }
        }
        // 比上年年初预算增加1800亿元: only the baseline of a comparison is left, not a subject.
        if text.first == "比" || text.first == "较" { return "" }
        if text.count > maximumLength { text = text.suffix(maximumLength) }
        guard text.count >= 2 else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text)
        return String(view)
    }

    /// Verbs that start the purpose after an amount (`1万亿元国债支持灾后重建`): the noun ends there.
    static let purposeVerbs = ["支持", "用于", "用来", "用作", "受益", "据实", "投向", "专项用于"]

    /// The noun after a count (`3起趋利性执法行为`), up to the clause end; empty when the number
    /// ends its clause.
    static func after(_ tail: [Unicode.Scalar]) -> String {
        var text = String(String.UnicodeScalarView(tail))
        if text.hasPrefix("的") { text.removeFirst() }
        for verb in purposeVerbs {
            if let range = text.firstRange(of: verb), range.lowerBound > text.startIndex {
                text = String(text[..<range.lowerBound])
            }
        }
        // 2519个典型村和25个典型村片区: the conjunction joins the next figure, not this noun.
        for conjunction in ["以及", "和", "及", "与", "、"] where text.hasSuffix(conjunction) {
            text.removeLast(conjunction.count)
            break
        }
        if text.count > maximumLength { text = String(text.prefix(maximumLength)) }
        return text.count >= 2 ? text : ""
    }
}
