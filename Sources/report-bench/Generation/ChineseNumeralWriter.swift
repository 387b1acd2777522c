/// Writes positive integers as the Chinese numerals of section markers: `十一`, `一百零五`,
/// `一万零一`, `一万零一十`, `一万二千三百四十五`, `十一万`.
///
/// Written here rather than borrowed from ReportKit so that the generator checks the parser
/// instead of agreeing with it by construction.
enum ChineseNumeralWriter {
    private static let digits: [Character] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    private static let units: [Character] = ["千", "百", "十"]

    /// Valid for 1 ..< 100_000_000 (the generator never gets near 一亿 chapters).
    static func string(_ value: Int) -> String {
        precondition(value > 0 && value < 100_000_000, "numeral out of range: \(value)")
        let high = value / 10_000
        let low = value % 10_000
        guard high > 0 else { return group(low, leading: true) }
        var result = group(high, leading: true) + "万"
        if low > 0 {
            // A gap in the thousands place is read aloud: 一万零一, 二万零三百.
            if low < 1000 { result += "零" }
            result += group(low, leading: false)
        }
        return result
    }

    /// One group of four digits. `leading`: the group opens the numeral, where 一十 is said 十.
    private static func group(_ value: Int, leading: Bool) -> String {
        let places = [value / 1000, value / 100 % 10, value / 10 % 10, value % 10]
        var result = ""
        var zeroPending = false
        for (position, digit) in places.enumerated() {
            if digit == 0 {
                if !result.isEmpty { zeroPending = true }
                continue
            }
            if zeroPending {
                result.append("零")
                zeroPending = false
            }
            let isTens = position == 2
            if !(isTens && digit == 1 && leading && result.isEmpty) {
                result.append(digits[digit])
            }
            if position < 3 { result.append(units[position]) }
        }
        return result
    }
}
