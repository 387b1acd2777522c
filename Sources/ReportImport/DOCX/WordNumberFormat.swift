/// Renders a counter in one of Word's `w:numFmt` styles.
enum WordNumberFormat {
    static func render(_ value: Int, format: String) -> String {
        switch format {
        case "decimal": String(value)
        case "decimalZero": value < 10 ? "0\(value)" : String(value)
        case "decimalFullWidth", "decimalFullWidth2": String(String(value).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0xFF10)!) })
        case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital":
            chinese(value)
        case "chineseLegalSimplified": chinese(value, digits: Array("零壹贰叁肆伍陆柒捌玖"), ten: "拾", hundred: "佰", thousand: "仟")
        case "ideographTraditional": value >= 1 && value <= 10 ? String(Array("甲乙丙丁戊己庚辛壬癸")[value - 1]) : String(value)
        case "ideographZodiac": value >= 1 && value <= 12 ? String(Array("子丑寅卯辰巳午未申酉戌亥")[value - 1]) : String(value)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            value >= 1 && value <= 20 ? String(Character(Unicode.Scalar(0x2460 + UInt32(value) - 1)!)) : String(value)
        case "decimalEnclosedParen": value >= 1 && value <= 20 ? String(Character(Unicode.Scalar(0x2474 + UInt32(value) - 1)!)) : "(\(value))"
        case "decimalEnclosedFullstop": value >= 1 && value <= 20 ? String(Character(Unicode.Scalar(0x2488 + UInt32(value) - 1)!)) : "\(value)."
        case "upperLetter": letters(value).uppercased()
        case "lowerLetter": letters(value)
        case "upperRoman": roman(value)
        case "lowerRoman": roman(value).lowercased()
        case "none": ""
        default: String(value)
        }
    }

    /// 一 … 十, 十一, 二十一, 一百零五, 一千二百: how Chinese documents number their parts.
    static func chinese(
        _ value: Int, digits: [Character] = Array("〇一二三四五六七八九"), ten: Character = "十", hundred: Character = "百",
        thousand: Character = "千", zero: Character = "零"
    ) -> String {
        guard value > 0, value < 10000 else { return String(value) }
        if value < 10 { return String(digits[value]) }
        if value < 20 { return String(ten) + (value % 10 == 0 ? "" : String(digits[value % 10])) }
        let units: [(Int, Character?)] = [(1000, thousand), (100, hundred), (10, ten), (1, nil)]
        var result = ""
        var pendingZero = false
        for (size, name) in units {
            let digit = (value / size) % 10
            if digit == 0 {
                if !result.isEmpty { pendingZero = true }
                continue
            }
            if pendingZero { result.append(zero) }
            pendingZero = false
            result.append(digits[digit])
            if let name { result.append(name) }
        }
        return result
    }

    static func letters(_ value: Int) -> String {
        guard value > 0 else { return String(value) }
        let letter = Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8((value - 1) % 26)))
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }

    static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return String(value) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value
        var result = ""
        for (size, symbol) in table {
            while rest >= size {
                result += symbol
                rest -= size
            }
        }
        return result
    }
}
