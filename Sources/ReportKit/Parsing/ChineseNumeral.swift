/// Values of Chinese numerals as used in section markers: `十一`, `二十三`, `一百零五`, `一万零三百`,
/// and digit-by-digit forms such as `二〇二四`.
public enum ChineseNumeral {
    static let digits: [Unicode.Scalar: Int] = [
        "〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
        "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    static let smallUnits: [Unicode.Scalar: Int] = ["十": 10, "百": 100, "千": 1000]
    static let bigUnits: [Unicode.Scalar: Int] = ["万": 10_000, "亿": 100_000_000]

    public static func isNumeralScalar(_ scalar: Unicode.Scalar) -> Bool {
        digits[scalar] != nil || smallUnits[scalar] != nil || bigUnits[scalar] != nil
    }

    /// The value of a whole numeral, or nil when the scalars are not a well-formed numeral.
    public static func value(of scalars: some Collection<Unicode.Scalar>) -> Int? {
        guard !scalars.isEmpty, scalars.count <= 16 else { return nil }
        if scalars.allSatisfy({ digits[$0] != nil }) {
            // Digit-by-digit (二〇二四) only for several digits; a lone 〇 is not an ordinal.
            guard scalars.count > 1 || digits[scalars.first!]! > 0 else { return nil }
            return scalars.reduce(0) { $0 * 10 + digits[$1]! }
        }
        var total = 0
        var section = 0
        var pendingDigit: Int?
        var lastSmallUnit = Int.max
        var lastBigUnit = Int.max
        for scalar in scalars {
            if let digit = digits[scalar] {
                if pendingDigit != nil, digit != 0 { return nil }
                pendingDigit = digit == 0 ? nil : digit
            } else if let unit = smallUnits[scalar] {
                guard unit < lastSmallUnit else { return nil }
                // A bare 十 at the start means 一十.
                let multiplier = pendingDigit ?? (section == 0 && unit == 10 ? 1 : 0)
                guard multiplier > 0 else { return nil }
                section += multiplier * unit
                pendingDigit = nil
                lastSmallUnit = unit
            } else if let unit = bigUnits[scalar] {
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
