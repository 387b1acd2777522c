/// Values of Chinese numerals as written in running text: `十`, `一百零五`, `一千零一十`, `两万`,
/// `三亿零五百万`, `一万亿`, `〇`, and digit-by-digit `二〇二四`.
///
/// Separate from `ChineseNumeral` (section markers), which rejects zero and large values on
/// purpose; figures need both, and overflow must be told apart from a malformed numeral.
public enum ChineseNumeralValue {
    public enum Reading: Sendable, Hashable {
        case value(Int)
        /// Well formed but above `limit`.
        case tooLarge
        case invalid
    }

    /// Values above 10^16 are reported as too large rather than wrapped.
    public static let limit = 10_000_000_000_000_000

    public static func digit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "〇", "○", "零": 0
        case "一", "壹": 1
        case "二", "两", "贰": 2
        case "三", "叁": 3
        case "四", "肆": 4
        case "五", "伍": 5
        case "六", "陆": 6
        case "七", "柒": 7
        case "八", "捌": 8
        case "九", "玖": 9
        default: nil
        }
    }

    static func smallUnit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "十", "拾": 10
        case "百", "佰": 100
        case "千", "仟": 1000
        default: nil
        }
    }

    static func bigUnit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "万", "萬": 10_000
        case "亿", "億": 100_000_000
        default: nil
        }
    }

    public static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        digit(scalar) != nil || smallUnit(scalar) != nil || bigUnit(scalar) != nil
    }

    public static func read(_ text: String) -> Reading {
        read(Array(text.unicodeScalars)[...])
    }

    public static func read(_ scalars: ArraySlice<Unicode.Scalar>) -> Reading {
        guard !scalars.isEmpty else { return .invalid }
        if scalars.allSatisfy({ digit($0) != nil }) { return digitByDigit(scalars) }
        return grouped(scalars)
    }

    private static func digitByDigit(_ scalars: ArraySlice<Unicode.Scalar>) -> Reading {
        // `两` is never a digit of a digit-by-digit number (two thousand twenty-four is 二〇二四).
        if scalars.count > 1, scalars.contains("两") { return .invalid }
        var total = 0
        for scalar in scalars {
            let (shifted, overflow) = total.multipliedReportingOverflow(by: 10)
            guard !overflow, shifted <= limit else { return .tooLarge }
            total = shifted + digit(scalar)!
        }
        return total <= limit ? .value(total) : .tooLarge
    }

    /// Splits at the last 亿, then at the last 万: `left × unit + right`, where the right part
    /// must be smaller than the unit (`三亿零五百万` = 3 × 10^8 + 500 × 10^4) and the left part
    /// may itself be grouped (`一万亿` = 10^4 × 10^8).
    private static func grouped(_ scalars: ArraySlice<Unicode.Scalar>) -> Reading {
        for unitScalars in [["亿", "億"], ["万", "萬"]] as [[Unicode.Scalar]] {
            guard let split = scalars.lastIndex(where: { unitScalars.contains($0) }) else { continue }
            let unit = bigUnit(scalars[split])!
            let leftPart = scalars[scalars.startIndex..<split]
            var rightPart = scalars[(split + 1)...]
            // A bare 万 or 亿 is a word (万人, 亿万), not a numeral.
            guard !leftPart.isEmpty else { return .invalid }
            let left: Int
            switch read(leftPart) {
            case .value(let value) where value > 0: left = value
            case .value: return .invalid
            case .tooLarge: return .tooLarge
            case .invalid: return .invalid
            }
            let hadZero = rightPart.first.map { digit($0) == 0 } ?? false
            if hadZero { rightPart = rightPart.dropFirst() }
            // 零 stands for the skipped places before a number, never at the end.
            if hadZero, rightPart.isEmpty { return .invalid }
            var right = 0
            if !rightPart.isEmpty {
                // 一万五 (colloquial 15000) is left out on purpose: it reads as 一万 + 五 elsewhere.
                guard case .value(let value) = small(rightPart, allowBig: unit == 100_000_000) else {
                    return .invalid
                }
                guard value < unit else { return .invalid }
                // Without 零 the right part must fill the next place: 一万零五 but 一万五千.
                if !hadZero, value > 0, value * 10 < unit { return .invalid }
                right = value
            }
            let (product, overflow) = left.multipliedReportingOverflow(by: unit)
            guard !overflow, product <= limit else { return .tooLarge }
            let total = product + right
            return total <= limit ? .value(total) : .tooLarge
        }
        return small(scalars, allowBig: false)
    }

    /// A numeral below 10^4 (or below 10^8 when `allowBig`, for the part after 亿).
    private static func small(_ scalars: ArraySlice<Unicode.Scalar>, allowBig: Bool) -> Reading {
        if allowBig, scalars.contains(where: { bigUnit($0) != nil }) { return grouped(scalars) }
        var total = 0
        var pending: Int?
        var lastUnit = Int.max
        var sawZero = false
        for scalar in scalars {
            if let value = digit(scalar) {
                if value == 0 {
                    guard pending == nil, !sawZero, total > 0 else { return .invalid }
                    sawZero = true
                    continue
                }
                guard pending == nil else { return .invalid }
                pending = value
            } else if let unit = smallUnit(scalar) {
                guard unit < lastUnit else { return .invalid }
                // After 零 the next place must be lower than the one skipped: 一千零一十, not 一千零百.
                if sawZero, unit * 10 >= lastUnit { return .invalid }
                // A bare 十 at the start, or after 零, means 一十.
                let multiplier = pending ?? ((total == 0 || sawZero) && unit == 10 ? 1 : 0)
                guard multiplier > 0 else { return .invalid }
                total += multiplier * unit
                pending = nil
                lastUnit = unit
                sawZero = false
            } else {
                return .invalid
            }
        }
        if sawZero, pending == nil { return .invalid }
        if let pending {
            // A trailing digit fills the place after the last unit, or the ones after 零.
            if lastUnit != Int.max, lastUnit > 10, !sawZero { return .invalid }
            total += pending
        }
        return .value(total)
    }
}
