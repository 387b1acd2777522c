/// Section markers that a PDF puts on a line of their own (`一、` above `总体要求`, `第一章` above
/// `总 则`), to be joined with the heading that follows.
enum LoneMarker {
    private static let numerals: Set<Character> = Set("一二三四五六七八九十百零〇两壹贰叁肆伍陆柒捌玖拾")

    /// The separator to put between the marker and its heading, or nil when `text` is not a
    /// marker alone.
    static func separator(afterMarker text: String) -> String? {
        // Asked of every paragraph: a long one is turned down without filtering all of it.
        var visible = 0
        for scalar in text.unicodeScalars where scalar != " " && scalar != "\u{3000}" {
            visible += 1
            if visible > 8 { return nil }
        }
        let compact = text.filter { $0 != " " && $0 != "\u{3000}" }
        guard !compact.isEmpty, compact.count <= 8 else { return nil }
        let digits = Set("0123456789０１２３４５６７８９")
        let characters = Array(compact)
        // 一、 （一） (1) 1. 1、 1．
        if let last = characters.last, "、.．".contains(last) {
            let body = characters.dropLast()
            if !body.isEmpty, body.allSatisfy({ numerals.contains($0) || digits.contains($0) }) { return "" }
        }
        if let first = characters.first, let last = characters.last, "（(".contains(first), "）)".contains(last) {
            let body = characters.dropFirst().dropLast()
            if !body.isEmpty, body.allSatisfy({ numerals.contains($0) || digits.contains($0) }) { return "" }
        }
        // 第一章 第二节 第三条 第一部分
        if characters.first == "第" {
            let body = characters.dropFirst()
            let number = body.prefix { numerals.contains($0) || digits.contains($0) }
            let rest = String(body.dropFirst(number.count))
            if !number.isEmpty, ["章", "节", "条", "编", "部分", "篇"].contains(rest) { return "\u{3000}" }
        }
        // 1.1 and 1.2.3 (a bare "1" is too often a page or table number)
        let parts = compact.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count >= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { digits.contains($0) } }) { return "\u{3000}" }
        return nil
    }

    /// A line that opens with a section marker, so it starts a new paragraph even without indent.
    static func startsWithMarker(_ text: String) -> Bool {
        let characters = Array(text.prefix(8))
        guard let first = characters.first else { return false }
        if "（(".contains(first) {
            return characters.dropFirst().prefix { numerals.contains($0) || $0.isNumber }.count > 0
                && characters.contains { "）)".contains($0) }
        }
        if first == "第" { return characters.dropFirst().first.map { numerals.contains($0) || $0.isNumber } ?? false }
        let number = characters.prefix { numerals.contains($0) }
        if !number.isEmpty { return characters.dropFirst(number.count).first == "、" }
        // 1. 1、 1.1　: digits, then a marker's punctuation, then not a digit (2.5亿 is a figure).
        let digits = characters.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return false }
        let after = characters.dropFirst(digits.count)
        guard let punctuation = after.first, ".．、".contains(punctuation) else { return false }
        guard let next = after.dropFirst().first else { return true }
        if next.isASCII, next.isNumber {
            let rest = after.dropFirst().drop { $0.isASCII && ($0.isNumber || $0 == ".") }
            return rest.first == " " || rest.first == "\u{3000}"
        }
        return true
    }
}
