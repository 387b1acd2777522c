/// Metadata rows such as `发布日期:2025-02-24 09:44 信息来源:钱塘区政府办公室` or the gov.cn table
/// flattened with tabs: `索 引 号：<TAB>000014349/2019-00005<TAB>主题分类：<TAB>…`.
///
/// A label is 2–8 ideographs, possibly letter-spaced (`索 引 号`, `标　　题`), followed by a
/// full-width or ASCII colon. Later labels on the same line start after a space or tab, which is
/// how `09:44` inside a value is told apart from a label.
enum MetadataLine {
    static func pairs(in line: String) -> [MetadataEntry]? {
        let scalars = Array(line.unicodeScalars)
        var starts: [(labelStart: Int, labelEnd: Int, valueStart: Int)] = []
        var index = 0
        while index < scalars.count, LayoutSpace.contains(scalars[index]) { index += 1 }
        guard let first = label(scalars, at: index) else { return nil }
        starts.append((index, first.labelEnd, first.valueStart))
        var cursor = first.valueStart
        while cursor < scalars.count {
            if LayoutSpace.contains(scalars[cursor]) {
                var next = cursor
                while next < scalars.count, LayoutSpace.contains(scalars[next]) { next += 1 }
                if let found = label(scalars, at: next) {
                    starts.append((next, found.labelEnd, found.valueStart))
                    cursor = found.valueStart
                    continue
                }
                cursor = next
            } else {
                cursor += 1
            }
        }
        var entries: [MetadataEntry] = []
        for (position, start) in starts.enumerated() {
            let valueEnd = position + 1 < starts.count ? starts[position + 1].labelStart : scalars.count
            let key = LayoutSpace.removingAll(from: text(scalars[start.labelStart..<start.labelEnd]))
            let value = LayoutSpace.trimmed(text(scalars[start.valueStart..<min(valueEnd, scalars.count)]))
            if value.unicodeScalars.contains("。") { return nil }
            entries.append(MetadataEntry(key: key, value: value))
        }
        return entries
    }

    /// A label at `index`: ideographs with optional inner spaces, then a colon.
    private static func label(_ s: [Unicode.Scalar], at index: Int) -> (labelEnd: Int, valueStart: Int)? {
        var cursor = index
        var ideographs = 0
        var lastIdeographEnd = index
        while cursor < s.count {
            let scalar = s[cursor]
            if scalar.isIdeograph {
                ideographs += 1
                cursor += 1
                lastIdeographEnd = cursor
                if ideographs > 8 { return nil }
            } else if LayoutSpace.contains(scalar), ideographs > 0, scalar != "\t" {
                cursor += 1
            } else {
                break
            }
        }
        guard ideographs >= 2, cursor < s.count, s[cursor] == "：" || s[cursor] == ":" else { return nil }
        // Spaces between the last ideograph and the colon are allowed; a space run is not.
        guard cursor - lastIdeographEnd <= 2 else { return nil }
        return (lastIdeographEnd, cursor + 1)
    }

    private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
