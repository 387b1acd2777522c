/// Single defects that real documents have and that must not swallow the rest of a run: a
/// skipped number (`三、` then `五、`) and a marker with its opening parenthesis lost (`三)` for
/// `（三）`). Each is accepted only on strong evidence — same style as an open sibling, a
/// heading-shaped line, and (for a gap) the run going on after it — and is reported as a
/// `ParseWarning`; strict sequences stay the rule (see DECISIONS.md).
enum NumberingTolerance {
    /// How far ahead a skipped number looks for the run to continue.
    static let lookahead = 400
    /// A heading line (or a lone marker's heading on the next line) fits in this many bytes.
    static let maximumHeadingBytes = 60 * 3
    static let maximumHeadingLength = 40

    struct Gap {
        var keep: Int
        var missing: Int
        var previousText: String
        var text: String
    }

    /// A marker one number past the next of an open sibling of its style.
    static func skippedNumber(_ match: MarkerMatch, in context: NumberingContext) -> Gap? {
        switch match.style {
        case .markdown, .appendix, .unmarked: return nil
        case .decimal(let count) where count > 1: return nil
        default: break
        }
        guard let sibling = context.stack.lastIndex(where: { $0.style == match.style }),
              case let previous = context.stack[sibling].components.last,
              match.ordinal == previous + 2 else { return nil }
        return Gap(
            keep: sibling, missing: previous + 1,
            previousText: written(previous, style: match.style), text: written(match.ordinal, style: match.style))
    }

    /// The heading part (up to the first 。) is short: a numbered sentence in running text is not.
    static func hasHeadingShape(_ line: String) -> Bool {
        var count = 0
        for scalar in line.unicodeScalars where !LayoutSpace.contains(scalar) {
            if scalar == "。" { break }
            count += 1
            if count > maximumHeadingLength + 8 { return false }
        }
        return true
    }

    /// `三)`, `三）`, `3)`: a numeral and a closing parenthesis with no opening one.
    static func unopenedParenthesis(_ s: [Unicode.Scalar]) -> MarkerMatch? {
        var start = 0
        while start < s.count, LayoutSpace.contains(s[start]) { start += 1 }
        var end = start
        let arabic = start < s.count && s[start].decimalDigitValue != nil
        while end < s.count, arabic ? s[end].decimalDigitValue != nil : ChineseNumeral.isNumeralScalar(s[end]) {
            end += 1
            if end - start > 6 { return nil }
        }
        guard end > start, end < s.count, s[end] == ")" || s[end] == "）" else { return nil }
        let value = arabic
            ? s[start..<end].reduce(0) { $0 * 10 + $1.decimalDigitValue! }
            : ChineseNumeral.value(of: s[start..<end])
        guard let value, value > 0 else { return nil }
        var content = end + 1
        while content < s.count, LayoutSpace.contains(s[content]) { content += 1 }
        return MarkerMatch(
            style: arabic ? .parenArabic : .parenChinese, ordinal: value, components: MarkerComponents(single: value),
            markerStart: start, markerEnd: end + 1, contentStart: content)
    }

    static func written(_ value: Int, style: NumberingStyle) -> String {
        switch style {
        case .arabicDot, .parenArabic, .decimal, .circled: String(value)
        default: numeral(value)
        }
    }

    /// `3` → `三`, `12` → `十二`, `105` → `一百零五` (up to 9999, enough for markers).
    static func numeral(_ value: Int) -> String {
        let digits = Array("零一二三四五六七八九")
        guard value > 0, value < 10_000 else { return String(value) }
        let units: [(Int, String)] = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
        var text = ""
        var rest = value
        var pendingZero = false
        for (unit, name) in units {
            let digit = rest / unit
            rest %= unit
            if digit == 0 {
                if !text.isEmpty { pendingZero = true }
                continue
            }
            if pendingZero { text += "零" }
            pendingZero = false
            if !(unit == 10 && digit == 1 && text.isEmpty) { text.append(digits[digit]) }
            text += name
        }
        return text
    }
}

extension NumberingContext {
    func hasOpenSibling(of match: MarkerMatch) -> Bool {
        stack.contains { $0.style == match.style }
    }
}
