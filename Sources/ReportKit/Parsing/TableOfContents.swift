/// Tracks a table of contents: a `目录` line followed by heading lines that the body repeats.
/// Its lines must not become sections, or every chapter would appear twice.
struct TableOfContents {
    static let maximumEntryLength = 60
    private(set) var isActive = false
    private var firstEntry: String?

    static func isHeader(_ normalized: String) -> Bool {
        normalized == "目录" || normalized == "目次"
    }

    mutating func begin() {
        isActive = true
        firstEntry = nil
    }

    /// Whether a line still belongs to the table of contents. The table ends at the first line
    /// that repeats its first entry (the real first heading) or that reads as body text.
    mutating func consumes(normalizedLine line: String, scalarCount: Int) -> Bool {
        guard isActive else { return false }
        if line.isEmpty { return true }
        let key = Self.entryKey(line)
        if let firstEntry {
            if key == firstEntry || scalarCount > Self.maximumEntryLength || line.contains("。") {
                isActive = false
                return false
            }
            return true
        }
        if scalarCount > Self.maximumEntryLength || line.contains("。") {
            isActive = false
            return false
        }
        firstEntry = key
        return true
    }

    /// An entry without leader dots and page number: `总则……1` → `总则`.
    static func entryKey(_ normalized: String) -> String {
        var scalars = Array(normalized.unicodeScalars)
        while let last = scalars.last, last.decimalDigitValue != nil || ".…·．-—".unicodeScalars.contains(last) {
            scalars.removeLast()
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
