/// `附件1`, `附件2：名词解释`, `附件：`, `附录一` on a line of their own start an appendix.
enum AppendixLine {
    static let maximumLength = 40
    private static let words: [[Unicode.Scalar]] = [["附", "件"], ["附", "录"], ["附", "表"]]

    struct Match {
        var markerEnd: Int
        var titleStart: Int
        var ordinal: Int
    }

    static func match(_ scalars: [Unicode.Scalar], lineLength: Int) -> Match? {
        guard lineLength <= maximumLength else { return nil }
        var index = 0
        while index < scalars.count, LayoutSpace.contains(scalars[index]) { index += 1 }
        guard words.contains(where: { word in
            index + word.count <= scalars.count && Array(scalars[index..<index + word.count]) == word
        }) else { return nil }
        index += 2
        var ordinal = 0
        var numberEnd = index
        while numberEnd < scalars.count,
              scalars[numberEnd].decimalDigitValue != nil || ChineseNumeral.isNumeralScalar(scalars[numberEnd]) {
            numberEnd += 1
        }
        if numberEnd > index {
            let digits = scalars[index..<numberEnd]
            if digits.allSatisfy({ $0.decimalDigitValue != nil }) {
                ordinal = digits.reduce(0) { $0 * 10 + $1.decimalDigitValue! }
            } else if let value = ChineseNumeral.value(of: digits) {
                ordinal = value
            } else {
                return nil
            }
        }
        let markerEnd = numberEnd
        var titleStart = markerEnd
        while titleStart < scalars.count, LayoutSpace.contains(scalars[titleStart]) { titleStart += 1 }
        if titleStart < scalars.count, scalars[titleStart] == "：" || scalars[titleStart] == ":" {
            titleStart += 1
            while titleStart < scalars.count, LayoutSpace.contains(scalars[titleStart]) { titleStart += 1 }
        } else if titleStart < scalars.count, titleStart == markerEnd {
            // `附件材料…` or `附表明细` running on without a number or colon is prose.
            return nil
        }
        let rest = scalars[titleStart...]
        if rest.contains("。") || rest.contains("，") || rest.contains(",") { return nil }
        return Match(markerEnd: markerEnd, titleStart: titleStart, ordinal: ordinal)
    }
}
