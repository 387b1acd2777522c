/// Statistical communiqués number their parts with two digits glued to the heading: `01综合`,
/// `02农业` … `12资源、环境和应急管理`. Two digits exactly, zero-padded below ten (the padding is
/// what tells `01综合` from a count), then an ideograph that is not a unit or measure word, so
/// `2022年`, `10件民生实事`, `12月` and `18.64` never match. Whether the line is a heading is
/// decided by the sequence, like every other marker, and only on a standalone line.
enum GluedNumber {
    static func match(_ s: [Unicode.Scalar], from start: Int) -> (value: Int, end: Int)? {
        guard start + 2 < s.count,
              let tens = s[start].decimalDigitValue, let ones = s[start + 1].decimalDigitValue,
              s[start + 2].decimalDigitValue == nil else { return nil }
        let value = tens * 10 + ones
        guard value > 0 else { return nil }
        let next = s[start + 2]
        guard next.isIdeograph, !isMeasureWord(next) else { return nil }
        return (value, start + 2)
    }

    /// Units, measure words and calendar words that follow a number in running text.
    static func isMeasureWord(_ scalar: Unicode.Scalar) -> Bool {
        "年月日号时分秒个件项条款家人名位次元角亿万千百十倍米吨度岁天周所座台辆部种类批户套届期版页章节点级型只张本册份支队处栋层公斤克升组对场轮".unicodeScalars.contains(scalar)
    }

    /// A glued marker heads its part only on a short line of its own without sentence punctuation.
    static func isStandaloneHeading(_ line: some StringProtocol) -> Bool {
        let visible = line.unicodeScalars.filter { !LayoutSpace.contains($0) }
        guard visible.count <= 32, let last = visible.last else { return false }
        if visible.contains("。") { return false }
        return !HeadingShape.endsSentence(last)
    }
}
