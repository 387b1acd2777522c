import FoundationEssentials

/// A number found in running text, before its unit is read.
struct ScannedNumber {
    enum Script { case arabic, chinese }

    /// Scalar indices in the paragraph: `start..<end` covers the digits (and a leading sign,
    /// `百分之`, `数`).
    let start: Int
    let end: Int
    let script: Script
    /// nil when the digits could not be read (`failure` says why).
    let value: Decimal?
    let failure: UnparsedNumber.Reason?
    /// Arabic only: a plain integer without separators or decimals, and how many digits it has
    /// (years, dates and document numbers are such integers).
    let isPlainInteger: Bool
    let digitCount: Int
    /// `百分之三十`: the number is a percentage by itself.
    let isSpelledPercent: Bool
    /// `数十亿` / `几百`: an order of magnitude, not a count.
    let isVague: Bool
    /// A Chinese numeral of one digit (`两`, `三`), idiomatic more often than not.
    let isSingleChineseDigit: Bool
}

/// Reads Arabic numbers (ASCII or full-width digits, thousands separators, decimal points,
/// including the private-use points some PDF fonts produce) and Chinese numerals.
enum NumberScanner {
    /// More integer digits than this is no quantity a report states; reported as too large.
    static let maxIntegerDigits = 16
    static let maxFractionDigits = 12

    static func arabicDigit(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x30...0x39: UInt8(scalar.value - 0x30)
        case 0xFF10...0xFF19: UInt8(scalar.value - 0xFF10)
        default: nil
        }
    }

    static func isDecimalPoint(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "．"
    }

    /// Fonts without a Unicode mapping for their period glyph come out of pdftotext as a
    /// private-use character between the digits (U+1001B0 and the like).
    static func isPrivateUse(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xE000...0xF8FF, 0xF0000...0xFFFFD, 0x100000...0x10FFFD: true
        default: false
        }
    }

    static func startsChineseNumber(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let scalar = scalars[index]
        if scalar == "数" || scalar == "几" {
            guard index + 1 < scalars.count else { return false }
            return ChineseNumeralValue.smallUnit(scalars[index + 1]) != nil
        }
        // 上千万家庭, 上万人: an order of magnitude reached.
        if scalar == "上" {
            guard index + 1 < scalars.count else { return false }
            return ["百", "千", "万", "亿"].contains(scalars[index + 1])
        }
        // A run starts with a digit or 十 (十件); 百/千/万 alone are words (百家, 千亿斤行动).
        return ChineseNumeralValue.digit(scalar) != nil || scalar == "十"
    }

    static func scanArabic(_ scalars: [Unicode.Scalar], from start: Int) -> ScannedNumber {
        var index = start
        var negative = false
        if scalars[index] == "-" || scalars[index] == "−" || scalars[index] == "－" {
            negative = true
            index += 1
        }
        var integerDigits: [UInt8] = []
        var fractionDigits: [UInt8] = []
        var sawSeparator = false
        var sawPoint = false
        var failure: UnparsedNumber.Reason?
        while index < scalars.count {
            let scalar = scalars[index]
            if let digit = arabicDigit(scalar) {
                if sawPoint { fractionDigits.append(digit) } else { integerDigits.append(digit) }
                index += 1
                continue
            }
            let next = index + 1 < scalars.count ? arabicDigit(scalars[index + 1]) : nil
            guard next != nil, !integerDigits.isEmpty else { break }
            if scalar == ",", !sawPoint, groupFollows(scalars, at: index + 1) {
                sawSeparator = true
                index += 1
            } else if !sawPoint, isDecimalPoint(scalar) || isPrivateUse(scalar) {
                sawPoint = true
                index += 1
            } else if sawPoint, isDecimalPoint(scalar) || isPrivateUse(scalar) {
                // 1.2.3 is an address or a version; 2025.02.24 a date. Swallow the whole run.
                failure = .malformed
                index += 1
            } else {
                break
            }
        }
        // Bounds keep 100,000-digit lines from becoming absurd values; the run is consumed.
        if integerDigits.count - countLeadingZeros(integerDigits) > maxIntegerDigits
            || fractionDigits.count > maxFractionDigits {
            failure = failure ?? .tooLarge
        }
        var value: Decimal?
        if failure == nil {
            var literal = negative ? "-" : ""
            literal += integerDigits.map { String($0) }.joined()
            if !fractionDigits.isEmpty { literal += "." + fractionDigits.map { String($0) }.joined() }
            value = Decimal(string: literal, locale: Locale(identifier: "en_US_POSIX"))
        }
        return ScannedNumber(
            start: start, end: index, script: .arabic, value: value, failure: failure,
            isPlainInteger: !sawSeparator && !sawPoint && !negative, digitCount: integerDigits.count,
            isSpelledPercent: false, isVague: false, isSingleChineseDigit: false)
    }

    private static func countLeadingZeros(_ digits: [UInt8]) -> Int {
        digits.prefix(while: { $0 == 0 }).count
    }

    /// `1,234` but not `1,23` or `1,2345`.
    private static func groupFollows(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 3 <= scalars.count else { return false }
        for offset in 0..<3 where arabicDigit(scalars[index + offset]) == nil { return false }
        if index + 3 < scalars.count, arabicDigit(scalars[index + 3]) != nil { return false }
        return true
    }

    /// A run of Chinese numeral characters, with a leading `数`/`几` for vague amounts.
    static func scanChinese(_ scalars: [Unicode.Scalar], from start: Int) -> ScannedNumber {
        var index = start
        var vague = false
        if scalars[index] == "数" || scalars[index] == "几" || scalars[index] == "上" {
            vague = true
            index += 1
        }
        let runStart = index
        // Runs are short in real text; a pathological run is bounded by the same digit budget.
        while index < scalars.count, ChineseNumeralValue.isNumeral(scalars[index]) { index += 1 }
        var run = Array(scalars[runStart..<index])
        if vague { run.insert("一", at: 0) }
        let allDigits = run.allSatisfy { ChineseNumeralValue.digit($0) != nil }
        var value: Decimal?
        var failure: UnparsedNumber.Reason?
        if run.count > 40 {
            failure = .tooLarge
        } else {
            switch ChineseNumeralValue.read(run[...]) {
            case .value(let number): value = Decimal(number)
            case .tooLarge: failure = .tooLarge
            case .invalid: failure = .malformed
            }
        }
        // Digit-by-digit runs (二〇二四, 三五) are years and idioms, not quantities.
        if allDigits, run.count > 1 { failure = .malformed }
        return ScannedNumber(
            start: start, end: index, script: .chinese, value: value, failure: failure,
            isPlainInteger: false, digitCount: run.count, isSpelledPercent: false, isVague: vague,
            isSingleChineseDigit: !vague && run.count == 1 && allDigits)
    }

    /// `百分之三十`, `百分之12.5`.
    static func scanSpelledPercent(_ scalars: [Unicode.Scalar], from start: Int) -> ScannedNumber? {
        guard start + 3 < scalars.count, scalars[start] == "百", scalars[start + 1] == "分",
              scalars[start + 2] == "之" else { return nil }
        let numberStart = start + 3
        let inner: ScannedNumber
        if arabicDigit(scalars[numberStart]) != nil {
            inner = scanArabic(scalars, from: numberStart)
        } else if startsChineseNumber(scalars, at: numberStart) {
            inner = scanChinese(scalars, from: numberStart)
        } else {
            return nil
        }
        guard inner.failure == nil || inner.failure == .tooLarge else { return nil }
        return ScannedNumber(
            start: start, end: inner.end, script: inner.script, value: inner.value, failure: inner.failure,
            isPlainInteger: false, digitCount: inner.digitCount, isSpelledPercent: true, isVague: inner.isVague,
            isSingleChineseDigit: false)
    }
}
