/// Approximations and bounds around a figure (`约`, `近`, `超过` before it; `左右`, `以上` after
/// it), kept as written so `约5%` and `5%以上` are not reported as exactly 5%.
enum FigureQualifier {
    /// Longest first: `不超过` must not read as `超过`.
    static let prefixes: [String] = [
        "不少于", "不低于", "不超过", "不高于", "不足", "不到", "大约", "将近", "接近", "超过", "多于",
        "少于", "高于", "低于", "至少", "最多", "最高", "最低", "约", "近", "逾", "超",
    ]

    static let suffixes: [String] = ["左右", "以上", "以下", "以内", "开外", "有余"]

    /// The qualifier ending right before `end` (one space allowed between), and its start index.
    static func prefix(in scalars: [Unicode.Scalar], before end: Int, notBefore limit: Int) -> (String, Int)? {
        var end = end
        if end > limit, scalars[end - 1] == " " { end -= 1 }
        for word in prefixes {
            let count = word.unicodeScalars.count
            let start = end - count
            guard start >= limit else { continue }
            if zip(scalars[start..<end], word.unicodeScalars).allSatisfy({ $0 == $1 }) {
                // 最近 and 附近 are not 近; 接近 is in the list and 邻近 means nearby.
                if word == "近", start > limit, ["最", "附", "邻", "临", "就", "靠", "亲", "贴", "将", "接"].contains(scalars[start - 1]) {
                    return nil
                }
                // 超 inside 超长期, 赶超, 高超: only a bare 超 right before a number qualifies.
                if word == "超", start > limit, ["赶", "高", "反", "追"].contains(scalars[start - 1]) { return nil }
                return (word, start)
            }
        }
        return nil
    }

    /// The qualifier starting at `start` (one space allowed before), and where it ends.
    static func suffix(in scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var start = start
        if start < scalars.count, scalars[start] == " " { start += 1 }
        for word in suffixes {
            let count = word.unicodeScalars.count
            guard start + count <= scalars.count else { continue }
            if zip(scalars[start..<(start + count)], word.unicodeScalars).allSatisfy({ $0 == $1 }) {
                return (word, start + count)
            }
        }
        return nil
    }
}
