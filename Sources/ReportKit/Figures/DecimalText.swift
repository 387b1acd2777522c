import FoundationEssentials

/// Plain decimal text for figures, which FoundationEssentials' Decimal lacks the rounding for
/// (NSDecimalRound and NSDecimalNumber live in Foundation proper).
enum DecimalText {
    /// `value` rounded to `scale` fractional digits, halves away from zero (NSDecimalRound's
    /// `.plain`), in plain notation without trailing zeros: what
    /// `NSDecimalNumber(decimal: rounded).stringValue` printed.
    static func rounded(_ value: Decimal, scale: Int) -> String {
        let text = value.description
        guard let dot = text.firstIndex(of: ".") else { return text }
        let fractionCount = text.utf8.distance(from: text.utf8.index(after: dot), to: text.utf8.endIndex)
        var digits = Array(text.utf8).filter { $0 != UInt8(ascii: ".") }
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits.removeFirst() }
        var integerCount = digits.count - fractionCount
        if fractionCount > scale {
            let roundsUp = digits[integerCount + scale] >= UInt8(ascii: "5")
            digits.removeLast(fractionCount - scale)
            if roundsUp, !carry(into: &digits) {
                digits.insert(UInt8(ascii: "1"), at: 0)
                integerCount += 1
            }
        }
        while digits.count > integerCount, digits.last == UInt8(ascii: "0") { digits.removeLast() }
        var integer = digits[..<integerCount]
        while integer.count > 1, integer.first == UInt8(ascii: "0") { integer.removeFirst() }
        let fraction = digits[integerCount...]
        var result = String(decoding: integer, as: UTF8.self)
        if !fraction.isEmpty { result += "." + String(decoding: fraction, as: UTF8.self) }
        return negative && result != "0" ? "-" + result : result
    }

    /// Adds one to the last digit; false when the carry runs off the front (999 → 000).
    private static func carry(into digits: inout [UInt8]) -> Bool {
        var index = digits.count - 1
        while index >= 0 {
            if digits[index] != UInt8(ascii: "9") {
                digits[index] += 1
                return true
            }
            digits[index] = UInt8(ascii: "0")
            index -= 1
        }
        return false
    }

    /// The integer a Decimal holds when it is one (a year: 2024); nil for fractions and
    /// values beyond Int.
    static func integer(_ value: Decimal) -> Int? {
        Int(value.description)
    }
}
