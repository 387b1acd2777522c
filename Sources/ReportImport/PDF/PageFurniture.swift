/// Page numbers and running heads or feet: text that is on the page, not in the report.
enum PageFurniture {
    /// `- 3 -`, `— ３ —`, `-3-`, `第 3 页`, `第3页 共15页`, `3/15`, `Page 3`, and a bare number
    /// that matches the page it is on (give or take the unnumbered cover pages).
    static func isPageNumber(_ text: String, page: Int) -> Bool {
        let compact = String(text.filter { $0 != " " && $0 != "\u{3000}" }.map(asciiDigit))
        guard !compact.isEmpty, compact.count <= 16 else { return false }
        let dashes: Set<Character> = ["-", "—", "–", "－", "‐", "―", "─", "·", "•"]
        var core = Substring(compact)
        while let first = core.first, dashes.contains(first) { core = core.dropFirst() }
        while let last = core.last, dashes.contains(last) { core = core.dropLast() }
        let decorated = core.count < compact.count
        if let number = Int(core), core.allSatisfy(\.isASCII) {
            return decorated || abs(number - page) <= 4
        }
        func isDigits(_ text: Substring) -> Bool { !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber } }
        // 第3页, 第3页共15页, 共15页第3页
        let pieces = core.split(whereSeparator: { $0 == "第" || $0 == "共" || $0 == "页" })
        if core.hasSuffix("页"), core.contains("第"), !pieces.isEmpty, pieces.count <= 2, pieces.allSatisfy(isDigits) { return true }
        if core.lowercased().hasPrefix("page"), isDigits(core.dropFirst(4)) { return true }
        let parts = core.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, parts.allSatisfy(isDigits) { return true }
        return false
    }

    /// The key under which running heads are compared: digits (page numbers, dates that move)
    /// and spaces removed.
    static func runningKey(_ text: String) -> String {
        String(text.map(asciiDigit).filter { !($0.isASCII && $0.isNumber) && !$0.isWhitespace })
    }

    static func asciiDigit(_ character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
            (0xFF10...0xFF19).contains(scalar.value)
        else { return character }
        return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
    }

    /// Marks page numbers and running heads/feet among `lines` (all pages) for removal. A line
    /// counts as a running head when the same text (ignoring digits) is the first or last line
    /// on at least three pages and on at least 40% of them.
    static func furniture(in lines: [PDFTextLine], pageCount: Int) -> Set<Int> {
        var dropped = Set<Int>()
        var byPage: [Int: [Int]] = [:]
        for (index, line) in lines.enumerated() where !line.isBlank { byPage[line.page, default: []].append(index) }
        var edgeKeys: [String: Set<Int>] = [:]
        for (page, indices) in byPage {
            // Page numbers sit in the first two or the last two lines of a page.
            let edges = Array(indices.prefix(2)) + Array(indices.suffix(2))
            for index in Set(edges) where isPageNumber(lines[index].text, page: page) { dropped.insert(index) }
            for index in Set([indices.first!, indices.last!]) {
                let key = runningKey(lines[index].text)
                if !key.isEmpty { edgeKeys[key, default: []].insert(page) }
            }
        }
        let repeated = Set(edgeKeys.filter { $0.value.count >= 3 && Double($0.value.count) >= 0.4 * Double(pageCount) }.keys)
        if !repeated.isEmpty {
            for (_, indices) in byPage {
                for index in Set([indices.first!, indices.last!]) where repeated.contains(runningKey(lines[index].text)) {
                    dropped.insert(index)
                }
            }
        }
        return dropped
    }
}
