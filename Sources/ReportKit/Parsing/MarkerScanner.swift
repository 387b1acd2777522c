/// A numbering token found at the start of a line.
struct MarkerMatch: Equatable {
    var style: NumberingStyle
    var ordinal: Int
    /// All components of a decimal number (`1.2.1` → 1, 2, 1); a single one otherwise.
    var components: MarkerComponents
    /// Scalar index of the first scalar of the marker.
    var markerStart: Int
    /// Scalar index just past the marker.
    var markerEnd: Int
    /// Scalar index of the first scalar after the marker and the spaces following it.
    var contentStart: Int
    /// A two-digit number glued to its heading (`01综合`): a heading only on a standalone line.
    var isGlued = false
}

/// Recognises the numbering styles of Chinese reports at the start of a line. It only answers
/// "does this line start with a marker, and which"; whether the marker is a heading is decided
/// by `NumberingContext` from the sequence around it (`SectionTreeBuilder` only records it).
enum MarkerScanner {
    /// The longest marker we look for (`第一万二千三百四十五条` plus spaces) fits in this many scalars.
    static let prefixLength = 28

    /// Cheap test on the first visible scalar, so most body lines are rejected without work.
    static func mayStartMarker(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "#", "第", "（", "(", "附":
            return true
        default:
            if scalar.decimalDigitValue != nil { return true }
            if ChineseNumeral.isNumeralScalar(scalar) { return true }
            return circledValue(scalar) != nil || parenthesisedDigitValue(scalar) != nil
        }
    }

    static func match(_ scalars: [Unicode.Scalar]) -> MarkerMatch? {
        var start = 0
        while start < scalars.count, LayoutSpace.contains(scalars[start]) { start += 1 }
        guard start < scalars.count, mayStartMarker(scalars[start]) else { return nil }
        let first = scalars[start]
        let found: (style: NumberingStyle, components: MarkerComponents, end: Int)?
        switch first {
        case "#": found = markdown(scalars, from: start)
        case "第": found = ordinalUnit(scalars, from: start)
        case "（", "(": found = parenthesised(scalars, from: start)
        default:
            if let value = circledValue(first) {
                found = (.circled, MarkerComponents(single: value), start + 1)
            } else if let value = parenthesisedDigitValue(first) {
                found = (.parenArabic, MarkerComponents(single: value), start + 1)
            } else if first.decimalDigitValue != nil {
                found = arabic(scalars, from: start)
            } else {
                found = chineseComma(scalars, from: start)
            }
        }
        guard let found else {
            if first.decimalDigitValue != nil, let glued = GluedNumber.match(scalars, from: start) {
                return MarkerMatch(
                    style: .decimal(components: 1), ordinal: glued.value, components: MarkerComponents(single: glued.value),
                    markerStart: start, markerEnd: glued.end, contentStart: glued.end, isGlued: true)
            }
            return nil
        }
        var content = found.end
        while content < scalars.count, LayoutSpace.contains(scalars[content]) { content += 1 }
        return MarkerMatch(
            style: found.style, ordinal: found.components.last, components: found.components,
            markerStart: start, markerEnd: found.end, contentStart: content)
    }

    private static func markdown(_ s: [Unicode.Scalar], from start: Int) -> (NumberingStyle, MarkerComponents, Int)? {
        var end = start
        while end < s.count, s[end] == "#" { end += 1 }
        let level = end - start
        guard level <= 6, end < s.count, LayoutSpace.contains(s[end]) else { return nil }
        return (.markdown(level: level), MarkerComponents(single: 0), end)
    }

    private static let units: Set<Unicode.Scalar> = ["编", "章", "节", "条"]

    private static func ordinalUnit(_ s: [Unicode.Scalar], from start: Int) -> (NumberingStyle, MarkerComponents, Int)? {
        guard let (value, end) = number(s, from: start + 1), end < s.count else { return nil }
        if units.contains(s[end]) {
            return (.ordinalUnit(Character(s[end])), MarkerComponents(single: value), end + 1)
        }
        if s[end] == "部", end + 1 < s.count, s[end + 1] == "分" {
            return (.ordinalUnit("部"), MarkerComponents(single: value), end + 2)
        }
        return nil
    }

    private static func parenthesised(_ s: [Unicode.Scalar], from start: Int) -> (NumberingStyle, MarkerComponents, Int)? {
        var index = start + 1
        while index < s.count, LayoutSpace.contains(s[index]) { index += 1 }
        guard index < s.count else { return nil }
        let isArabic = s[index].decimalDigitValue != nil
        guard let (value, end) = number(s, from: index) else { return nil }
        var close = end
        while close < s.count, LayoutSpace.contains(s[close]) { close += 1 }
        guard close < s.count, s[close] == "）" || s[close] == ")" else { return nil }
        return (isArabic ? .parenArabic : .parenChinese, MarkerComponents(single: value), close + 1)
    }

    private static func chineseComma(_ s: [Unicode.Scalar], from start: Int) -> (NumberingStyle, MarkerComponents, Int)? {
        var end = start
        while end < s.count, ChineseNumeral.isNumeralScalar(s[end]) { end += 1 }
        // `一、` is the norm; `一．` and `一.` appear in documents typed on Western keyboards.
        guard end < s.count, s[end] == "、" || s[end] == "．" || s[end] == ".",
              let value = ChineseNumeral.value(of: s[start..<end]) else { return nil }
        if s[end] != "、", end + 1 < s.count, s[end + 1].decimalDigitValue != nil { return nil }
        return (.chineseComma, MarkerComponents(single: value), end + 1)
    }

    /// `1.` `1．` `1、` (arabic-dot), or `1` / `1.1` / `1.1.1` followed by a space (decimal).
    private static func arabic(_ s: [Unicode.Scalar], from start: Int) -> (NumberingStyle, MarkerComponents, Int)? {
        // The numbers before the last grow an array only for dotted decimals (`1.2`).
        var leading: [Int] = []
        var last: Int?
        var index = start
        while true {
            guard let (value, end) = digits(s, from: index) else { return nil }
            if let previous = last { leading.append(previous) }
            last = value
            index = end
            guard index < s.count else { break }
            let separator = s[index]
            let isDot = separator == "." || separator == "．"
            if isDot, index + 1 < s.count, s[index + 1].decimalDigitValue != nil {
                index += 1
                continue
            }
            if leading.isEmpty, isDot || separator == "、" {
                return (.arabicDot, MarkerComponents(single: value), index + 1)
            }
            break
        }
        // Decimal numbering: allow one trailing dot (`1.1.`) but demand a space, then content.
        // `last` is set: the loop leaves only after reading a number.
        let components = MarkerComponents(leading: leading, last: last!)
        if index < s.count, components.count > 1, s[index] == "." || s[index] == "．" { index += 1 }
        guard index < s.count, LayoutSpace.contains(s[index]) else { return nil }
        var content = index
        while content < s.count, LayoutSpace.contains(s[content]) { content += 1 }
        guard content < s.count, s[content].decimalDigitValue == nil else { return nil }
        return (.decimal(components: components.count), components, index)
    }

    private static func number(_ s: [Unicode.Scalar], from start: Int) -> (Int, Int)? {
        guard start < s.count else { return nil }
        if s[start].decimalDigitValue != nil { return digits(s, from: start) }
        var end = start
        while end < s.count, ChineseNumeral.isNumeralScalar(s[end]) { end += 1 }
        guard end > start, let value = ChineseNumeral.value(of: s[start..<end]) else { return nil }
        return (value, end)
    }

    private static func digits(_ s: [Unicode.Scalar], from start: Int) -> (Int, Int)? {
        var value = 0
        var end = start
        while end < s.count, let digit = s[end].decimalDigitValue {
            value = value * 10 + digit
            end += 1
            if end - start > 6 { return nil }
        }
        return end > start ? (value, end) : nil
    }

    static func circledValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x2460...0x2473: return Int(scalar.value - 0x2460) + 1
        case 0x3251...0x325F: return Int(scalar.value - 0x3251) + 21
        case 0x32B1...0x32BF: return Int(scalar.value - 0x32B1) + 36
        default: return nil
        }
    }

    /// `⑴` … `⒇`, single-character forms of `(1)` … `(20)`.
    static func parenthesisedDigitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x2474...0x2487: return Int(scalar.value - 0x2474) + 1
        default: return nil
        }
    }
}
