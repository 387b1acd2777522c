/// Writes a number the way official texts do (一万零五, 三亿零五百万, 十一), for round-trip tests
/// of `ChineseNumeralValue`. Test-only: nothing in the product writes Chinese numerals.
enum ChineseNumeralWriting {
    static let digits: [Character] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    static func write(_ number: Int) -> String {
        number == 0 ? "零" : write(number, leading: true)
    }

    private static func write(_ number: Int, leading: Bool) -> String {
        if number < 10_000 { return small(number, leading: leading) }
        if number < 100_000_000 {
            let (high, low) = number.quotientAndRemainder(dividingBy: 10_000)
            return write(high, leading: leading) + "万" + rest(low, fullWidth: 1000)
        }
        let (high, low) = number.quotientAndRemainder(dividingBy: 100_000_000)
        return write(high, leading: leading) + "亿" + rest(low, fullWidth: 10_000_000)
    }

    /// The part after 万 or 亿: 零 when it does not fill the next place.
    private static func rest(_ number: Int, fullWidth: Int) -> String {
        guard number > 0 else { return "" }
        return (number < fullWidth ? "零" : "") + write(number, leading: false)
    }

    private static func small(_ number: Int, leading: Bool) -> String {
        if leading, (10...19).contains(number) {
            return "十" + (number == 10 ? "" : String(digits[number - 10]))
        }
        let places: [(Int, String)] = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
        var text = ""
        var pendingZero = false
        var started = false
        for (place, name) in places {
            let digit = (number / place) % 10
            if digit == 0 {
                if started { pendingZero = true }
                continue
            }
            if pendingZero { text += "零" }
            pendingZero = false
            started = true
            text += String(digits[digit]) + name
        }
        return text
    }
}
