/// A path of markers as a reader types it: `三(二)`, `三、(二)`, `四(三)1.`, `第二章第五条`, already
/// folded (half-width parentheses, no spaces).
enum MarkerPath {
    enum Family: Equatable {
        case chinese, parenChinese, arabic, parenArabic, circled
        case unit(Character)
    }

    struct Token: Equatable {
        var family: Family
        var ordinal: Int

        func matches(_ section: Section) -> Bool {
            guard section.ordinal == ordinal else { return false }
            switch (family, section.style) {
            case (.chinese, .chineseComma), (.parenChinese, .parenChinese), (.parenArabic, .parenArabic),
                 (.circled, .circled), (.arabic, .arabicDot), (.arabic, .decimal):
                return true
            case (.unit(let unit), .ordinalUnit(let sectionUnit)):
                return unit == sectionUnit
            case (.arabic, .appendix), (.chinese, .appendix):
                return false
            default:
                return false
            }
        }
    }

    /// The tokens of a string made only of markers, or nil if anything else is in it.
    static func tokens(in folded: String) -> [Token]? {
        let scalars = Array(folded.unicodeScalars)
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            guard let (token, next) = token(scalars, at: index) else { return nil }
            tokens.append(token)
            index = next
        }
        return tokens.isEmpty ? nil : tokens
    }

    private static func token(_ s: [Unicode.Scalar], at start: Int) -> (Token, Int)? {
        let scalar = s[start]
        if let value = MarkerScanner.circledValue(scalar) { return (Token(family: .circled, ordinal: value), start + 1) }
        if scalar == "(" {
            guard let (value, isArabic, end) = number(s, at: start + 1), end < s.count, s[end] == ")" else { return nil }
            return (Token(family: isArabic ? .parenArabic : .parenChinese, ordinal: value), end + 1)
        }
        if scalar == "第" {
            guard let (value, _, end) = number(s, at: start + 1), end < s.count else { return nil }
            let unit = s[end]
            guard "编章节条".unicodeScalars.contains(unit) else { return nil }
            return (Token(family: .unit(Character(unit)), ordinal: value), end + 1)
        }
        guard let (value, isArabic, end) = number(s, at: start) else { return nil }
        var next = end
        if next < s.count, s[next] == "、" || (isArabic && s[next] == ".") { next += 1 }
        return (Token(family: isArabic ? .arabic : .chinese, ordinal: value), next)
    }

    private static func number(_ s: [Unicode.Scalar], at start: Int) -> (Int, Bool, Int)? {
        var end = start
        if start < s.count, s[start].decimalDigitValue != nil {
            var value = 0
            while end < s.count, let digit = s[end].decimalDigitValue, end - start < 7 {
                value = value * 10 + digit
                end += 1
            }
            return (value, true, end)
        }
        while end < s.count, ChineseNumeral.isNumeralScalar(s[end]) { end += 1 }
        guard end > start, let value = ChineseNumeral.value(of: s[start..<end]) else { return nil }
        return (value, false, end)
    }
}
