/// Values of Chinese numerals as used in section markers: `十一`, `二十三`, `一百零五`, `一万零三百`,
/// and digit-by-digit forms such as `二〇二四`.
public enum ChineseNumeral {
    // Switches rather than dictionaries: these run on the first characters of every line, and
    // hashing a scalar costs more than the comparison.
    static func digit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "〇", "○", "零": 0
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }

    static func smallUnit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "十": 10
        case "百": 100
        case "千": 1000
        default: nil
        }
    }

    static func bigUnit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "万": 10_000
        case "亿": 100_000_000
        default: nil
        }
    }

    public static func isNumeralScalar(_ scalar: Unicode.Scalar) -> Bool {
        digit(scalar) != nil || smallUnit(scalar) != nil || bigUnit(scalar) != nil
    }

    /// The value of a whole numeral, or nil when the scalars are not a well-formed numeral.
    public static func value(of scalars: some Collection<Unicode.Scalar>) -> Int? {
        guard !scalars.isEmpty, scalars.count <= 16 else { return nil }
        if scalars.allSatisfy({ digit($0) != nil }) {
            // Digit-by-digit (二〇二四) only for several digits; a lone 〇 is not an ordinal.
            guard scalars.count > 1 || digit(scalars.first!)! > 0 else { return nil }
            return scalars.reduce(0) { $0 * 10 + digit($1)! }
        }
        var total = 0
        var section = 0
        var pendingDigit: Int?
        var lastSmallUnit = Int.max
        var lastBigUnit = Int.max
        for scalar in scalars {
            if let value = digit(scalar) {
                if pendingDigit != nil, value != 0 { return nil }
                pendingDigit = value == 0 ? nil : value
            } else if let unit = smallUnit(scalar) {
                guard unit < lastSmallUnit else { return nil }
                // A bare 十 at the start means 一十.
                let multiplier = pendingDigit ?? (section == 0 && unit == 10 ? 1 : 0)
                guard multiplier > 0 else { return nil }
                section += multiplier * unit
                pendingDigit = nil
                lastSmallUnit = unit
            } else if let unit = bigUnit(scalar) {
                guard unit < lastBigUnit else { return nil }
                section += pendingDigit ?? 0
                guard section > 0 else { return nil }
                total += section * unit
                section = 0
                pendingDigit = nil
                lastSmallUnit = Int.max
                lastBigUnit = unit
            } else {
                return nil
            }
        }
        total += section + (pendingDigit ?? 0)
        return total > 0 ? total : nil
    }

    public static func value(of text: String) -> Int? {
        value(of: Array(text.unicodeScalars))
    }
}
