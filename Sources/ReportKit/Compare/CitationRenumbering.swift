/// A law cites its own articles by number (`依照本法第十五条的规定`, `违反本法第十二条、第十三条`),
/// and a revision that inserts or removes an article renumbers every citation of a later one.
/// Read as text, a renumbered citation is a change, and worse, a false likeness: after an article
/// is inserted early, the penalty for breaking old 第六条 cites 第七条, word for word what the old
/// penalty for 第七条 said. So after a first alignment, each citation in the old version is
/// written as the marker of the cited article's one counterpart in the new version (citations
/// of articles split, merged or removed stay as they are), and an old article that then reads
/// exactly as one new article, and no other, is settled as its counterpart before the versions
/// are aligned again. Only identity counts: citing the same article is evidence, but two articles
/// on one subject both cite it, so a renumbered citation adds no likeness to the share rules.
enum CitationRenumbering {
    /// Old and new articles that fold to the same text once the old citations are renumbered,
    /// and differed before; each text unique on its side.
    static func identicalOnceRenumbered(
        _ old: SectionAligner.Side, _ new: SectionAligner.Side, links state: LinkState
    ) -> [(old: Int, new: Int)] {
        guard let rewritten = renumbered(old.report, new.report, links: state) else { return [] }
        let folded = FoldedSections(rewritten)
        let articles = { (report: Report) in report.sections.filter { $0.isArticle && $0.children.isEmpty }.map(\.index) }
        var newByText: [[UInt8]: Int] = [:]
        var repeated = Set<[UInt8]>()
        for index in articles(new.report) {
            let text = Array(new.folded.bytes[new.folded.contentRanges[index]])
            if newByText.updateValue(index, forKey: text) != nil { repeated.insert(text) }
        }
        var oldByText: [[UInt8]: Int] = [:]
        for index in articles(rewritten) {
            let text = Array(folded.bytes[folded.contentRanges[index]])
            if oldByText.updateValue(index, forKey: text) != nil { repeated.insert(text) }
        }
        var settled: [(old: Int, new: Int)] = []
        for (text, index) in oldByText where !repeated.contains(text) {
            guard let match = newByText[text],
                !old.folded.bytes[old.folded.contentRanges[index]].elementsEqual(text)
            else { continue }
            settled.append((index, match))
        }
        return settled.sorted { $0.old < $1.old }
    }

    /// What a law calls itself when it cites its own articles.
    static let selfNames = ["本法", "本条例", "本规定", "本办法", "本细则", "本规则", "本决定"]
    /// Words that join citations in a list (`第十二条、第十三条`, `第五十六条至第五十八条`).
    static let joiners = ["、", "和", "或者", "或", "及", "以及", "至"]

    /// The old report with its citations renumbered, or nil when no citation changes.
    static func renumbered(_ old: Report, _ new: Report, links state: LinkState) -> Report? {
        let markers = counterpartMarkers(old, new, state)
        guard !markers.isEmpty else { return nil }
        let text = old.text
        var output = ""
        var copied = text.startIndex
        var cursor = text.startIndex
        var changed = false
        while let found = nextSelfName(in: text, from: cursor) {
            var position = found
            // A chain of 第N条, 第N款, 第N项 joined by list words, each 条 renumbered.
            while let (number, unit, end) = citation(in: text, at: position) {
                if unit == "条", let value = ordinal(number), let marker = markers[value], marker != "第\(number)条" {
                    output += text[copied..<position]
                    output += marker
                    copied = end
                    changed = true
                }
                position = end
                if let afterJoiner = joiner(in: text, at: position), citation(in: text, at: afterJoiner) != nil {
                    position = afterJoiner
                }
            }
            cursor = position > found ? position : text.index(after: found)
        }
        guard changed else { return nil }
        output += text[copied...]
        let rewritten = ReportParser.parse(output)
        // Citations stand inside lines, so the outline cannot change; if it did, keep the first pass.
        guard rewritten.sections.count == old.sections.count,
            zip(rewritten.sections, old.sections).allSatisfy({ $0.markerText == $1.markerText })
        else { return nil }
        return rewritten
    }

    /// Old article ordinal → marker of its one counterpart, for articles linked one to one.
    private static func counterpartMarkers(_ old: Report, _ new: Report, _ state: LinkState) -> [Int: String] {
        var markers: [Int: String] = [:]
        var seen = Set<Int>()
        var ambiguous = Set<Int>()
        for section in old.sections where section.isArticle {
            // An ordinal used twice (a document quoting another's articles) cannot be resolved.
            if !seen.insert(section.ordinal).inserted { ambiguous.insert(section.ordinal) }
            guard state.oldLinks[section.index].count == 1 else { continue }
            let target = state.oldLinks[section.index][0].new
            guard new.sections[target].isArticle, state.newLinks[target].count == 1 else { continue }
            markers[section.ordinal] = new.sections[target].marker
        }
        for ordinal in ambiguous { markers[ordinal] = nil }
        return markers
    }

    /// Index just after the next self-name that is followed by 第.
    private static func nextSelfName(in text: String, from start: String.Index) -> String.Index? {
        // Scalars, not Foundation's range(of:), which copies the rest of the text at each call.
        let scalars = text.unicodeScalars
        var cursor = start
        while let found = scalars[cursor...].firstIndex(of: "第") {
            let before = text[..<found]
            if selfNames.contains(where: { before.hasSuffix($0) }) { return found }
            cursor = scalars.index(after: found)
        }
        return nil
    }

    /// `第` numeral (Chinese or Arabic) `条`/`款`/`项` at `position`: the numeral, the unit and
    /// the index after it.
    private static func citation(in text: String, at position: String.Index) -> (Substring, Character, String.Index)? {
        guard position < text.endIndex, text[position] == "第" else { return nil }
        var cursor = text.index(after: position)
        let start = cursor
        while cursor < text.endIndex, let scalar = text[cursor].unicodeScalars.first,
            ChineseNumeralValue.isNumeral(scalar) || ("0"..."9").contains(text[cursor]) {
            cursor = text.index(after: cursor)
        }
        guard cursor > start, cursor < text.endIndex, ["条", "款", "项"].contains(text[cursor]) else { return nil }
        return (text[start..<cursor], text[cursor], text.index(after: cursor))
    }

    private static func joiner(in text: String, at position: String.Index) -> String.Index? {
        // Longest first, so 或者 is not read as 或.
        for word in joiners.sorted(by: { $0.count > $1.count }) where text[position...].hasPrefix(word) {
            return text.index(position, offsetBy: word.count)
        }
        return nil
    }

    private static func ordinal(_ numeral: Substring) -> Int? {
        if let value = Int(numeral) { return value }
        if case .value(let value) = ChineseNumeralValue.read(String(numeral)) { return value }
        return nil
    }
}
