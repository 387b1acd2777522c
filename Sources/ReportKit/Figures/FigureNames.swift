/// Short spans in quotation marks or title marks: names of plans, campaigns and documents
/// (`“十四五”`, `“一件事”`, `《实施纲要(2021-2025年)》`), whose numbers are not figures.
struct FigureNames {
    /// A quotation longer than this is a quoted sentence, whose figures are real.
    static let maximumNameLength = 40

    private var spans: [Range<Int>] = []

    init(_ scalars: [Unicode.Scalar]) {
        var open: [(Unicode.Scalar, Int)] = []
        for (index, scalar) in scalars.enumerated() {
            // A straight quote closes the one before it rather than opening another.
            if Self.closing(of: scalar) != nil, !(scalar == "\"" && open.last?.0 == "\"") {
                open.append((scalar, index))
                if open.count > 8 { open.removeFirst() }
            } else if let last = open.last, Self.closing(of: last.0) == scalar {
                open.removeLast()
                if index - last.1 <= Self.maximumNameLength { spans.append(last.1..<(index + 1)) }
            }
        }
        spans.sort { $0.lowerBound < $1.lowerBound }
    }

    private static func closing(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "“": "”"
        case "‘": "’"
        case "《": "》"
        case "「": "」"
        case "『": "』"
        case "〈": "〉"
        case "\"": "\""
        default: nil
        }
    }

    func contains(_ index: Int) -> Bool {
        // Spans nest (《…“…”…》), so check every span starting before the index; few per paragraph.
        var cursor = spans.partitioningIndex(where: { $0.lowerBound > index }) - 1
        var checked = 0
        while cursor >= 0, checked < 16 {
            if spans[cursor].contains(index) { return true }
            cursor -= 1
            checked += 1
        }
        return false
    }
}
