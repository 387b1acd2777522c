import FoundationEssentials

/// Numbers that are not figures: years and dates, ordinals and article numbers, list markers,
/// footnote references, document numbers, names in quotation marks, codes such as `5G` or `PM2.5`.
enum FigureExclusions {
    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            || (0xFF21...0xFF3A).contains(scalar.value) || (0xFF41...0xFF5A).contains(scalar.value)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\u{A0}"
    }

    /// The scalar before `index`, skipping one space.
    static func previous(_ scalars: [Unicode.Scalar], _ index: Int) -> (Unicode.Scalar, Int)? {
        var index = index - 1
        if index >= 0, isSpace(scalars[index]) { index -= 1 }
        return index >= 0 ? (scalars[index], index) : nil
    }

    static func next(_ scalars: [Unicode.Scalar], _ index: Int) -> (Unicode.Scalar, Int)? {
        var index = index
        if index < scalars.count, isSpace(scalars[index]) { index += 1 }
        return index < scalars.count ? (scalars[index], index) : nil
    }

    /// Context that rules the number out whatever unit follows: 第三条, PM2.5, C919, [2], （1）,
    /// 〔2019〕, a list marker at the start of a line, a time or date written with separators.
    static func excludedByContext(_ scalars: [Unicode.Scalar], number: ScannedNumber, lineStart: Int) -> Bool {
        if let (before, beforeIndex) = previous(scalars, number.start) {
            if before == "第" { return true }
            if number.script == .arabic {
                if isLatinLetter(before) || before == "#" { return true }
                // 2025-02-24, 09:44, 2/24: the pieces of a date or a time.
                if [":", "：", "/", "-", "."].contains(before), beforeIndex > 0,
                   NumberScanner.arabicDigit(scalars[beforeIndex - 1]) != nil { return true }
            }
        }
        if let (after, afterIndex) = next(scalars, number.end), number.script == .arabic {
            if isLatinLetter(after), !startsLatinUnit(scalars, at: afterIndex) { return true }
            if [":", "：", "/"].contains(after), afterIndex + 1 < scalars.count,
               NumberScanner.arabicDigit(scalars[afterIndex + 1]) != nil { return true }
            if after == "-", afterIndex + 1 < scalars.count, NumberScanner.arabicDigit(scalars[afterIndex + 1]) != nil,
               number.isPlainInteger, !isRangeEnd(scalars, from: afterIndex + 1) { return true }
        }
        if isBracketed(scalars, number) { return true }
        if isListMarker(scalars, number, lineStart: lineStart) { return true }
        return false
    }

    /// `km`, `kWh`, `TEU` follow numbers as units; other letters make a code (`5G`, `3D`).
    private static func startsLatinUnit(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        FigureUnitTable.read(scalars, at: index, allowMultiplier: false).map { unit in
            unit.written.unicodeScalars.first.map(isLatinLetter) ?? false
        } ?? false
    }

    /// `3-5年` is a range; `2025-02-24` and `0571-8888` are not.
    private static func isRangeEnd(_ scalars: [Unicode.Scalar], from index: Int) -> Bool {
        var end = index
        while end < scalars.count, NumberScanner.arabicDigit(scalars[end]) != nil { end += 1 }
        guard end - index <= 4 else { return false }
        if end < scalars.count, scalars[end] == "-" { return false }
        return FigureUnitTable.read(scalars, at: end, allowMultiplier: true) != nil
    }

    /// `[2]`, `（1）`, `(3)`, `〔2019〕`, `【4】`: references, items and document years.
    private static func isBracketed(_ scalars: [Unicode.Scalar], _ number: ScannedNumber) -> Bool {
        guard number.start > 0, number.end < scalars.count else { return false }
        let open = scalars[number.start - 1]
        let close = scalars[number.end]
        switch (open, close) {
        case ("[", "]"), ("［", "］"), ("(", ")"), ("（", "）"), ("〔", "〕"), ("【", "】"), ("[", "］"), ("〈", "〉"), ("(", "）"), ("（", ")"):
            return true
        default:
            return false
        }
    }

    /// `1.` / `2、` / `3．` / `4)` at the start of a line (after indentation).
    private static func isListMarker(_ scalars: [Unicode.Scalar], _ number: ScannedNumber, lineStart: Int) -> Bool {
        var index = number.start - 1
        while index >= lineStart, scalars[index] == " " || scalars[index] == "\u{3000}" || scalars[index] == "\t" { index -= 1 }
        guard index < lineStart else { return false }
        guard number.end < scalars.count else { return lineStart == 0 }
        switch scalars[number.end] {
        case ".", "．", "、", ")", "）": return true
        // `1.2　组织机构` opens a paragraph; `9599.50 亿元` on a wrapped line continues one.
        case "\u{3000}", " ", "\t": return lineStart == 0
        default: return false
        }
    }

    /// A date or year: 2024年, 2024 年度, 2021—2025年, 5月, 15日, 4号.
    static func isCalendar(_ scalars: [Unicode.Scalar], number: ScannedNumber) -> Bool {
        guard let (after, afterIndex) = next(scalars, number.end) else { return false }
        if number.script == .arabic, number.isPlainInteger {
            if after == "月" || after == "日" || after == "号" { return true }
            if number.digitCount == 4, after == "年" || after == "—" || after == "-" || after == "－" || after == "～" || after == "~" || after == "至" || after == "/" {
                let value = number.value.flatMap(DecimalText.integer) ?? 0
                if (1000...2999).contains(value) {
                    if after == "年" { return true }
                    // 2021—2025年, 2024-2025 学年
                    return followedByYear(scalars, from: afterIndex + 1)
                }
            }
            // 1949年 is a year; so is 24年 in 24年3月 but not 30年 in 延长30年.
            if after == "年", afterIndex + 1 < scalars.count {
                var index = afterIndex + 1
                while index < scalars.count, NumberScanner.arabicDigit(scalars[index]) != nil { index += 1 }
                if index > afterIndex + 1, index < scalars.count, scalars[index] == "月" { return true }
            }
        }
        if number.script == .chinese, after == "月" || after == "日" { return true }
        return false
    }

    private static func followedByYear(_ scalars: [Unicode.Scalar], from start: Int) -> Bool {
        var index = start
        if index < scalars.count, isSpace(scalars[index]) { index += 1 }
        let digitsStart = index
        while index < scalars.count, NumberScanner.arabicDigit(scalars[index]) != nil { index += 1 }
        guard index - digitsStart == 4 || index - digitsStart == 2 else { return false }
        if index < scalars.count, isSpace(scalars[index]) { index += 1 }
        return index < scalars.count && (scalars[index] == "年" || scalars[index] == "学")
    }
}
