/// Finds headings written without any marker (`过去一年工作回顾`, `今年重点工作`): work reports
/// sometimes title their parts that way and number only the level below.
///
/// A candidate is a short standalone line with no sentence punctuation, after the end of a
/// paragraph (not the tail of a hard-wrapped one), followed by body text or by a run of
/// markers starting at 1. One such line proves nothing; the document must show the pattern at
/// least twice, and no numbered run may continue across a candidate (a line between `（二）`
/// and `（三）` is inside `（二）`, whatever it looks like).
struct UnmarkedHeadingFinder {
    static let maximumLength = 24
    static let minimumRepeats = 2
    /// A body line after a candidate: long, or ending a sentence.
    static let minimumBodyLength = 16

    private(set) var candidates: [Int] = []
    /// Candidates followed by a marker numbered 1: a run starting again under them is the
    /// strongest evidence, and stands even where the first pass read the run as continuing.
    private var restarts = Set<Int>()
    private var pending: Int?
    /// Lines where a run started again at 1 although the first pass kept it going.
    private var restartedRuns: [(line: Int, style: NumberingStyle)] = []

    var hasPending: Bool { pending != nil }
    private var previousEndsParagraph = true

    /// A line that the scan made a section.
    mutating func observeSection(line: Int, ordinal: Int) {
        if let pending, ordinal == 1 {
            candidates.append(pending)
            restarts.insert(pending)
        }
        pending = nil
        previousEndsParagraph = true
    }

    /// A marker line the first pass did not make a section (`（一）` of a run that restarts).
    /// Returns whether the line was taken as the start of a part's run; otherwise it is text.
    mutating func observeUnplacedMarker(_ match: MarkerMatch, line: Int) -> Bool {
        guard match.ordinal == 1 else { return false }
        restartedRuns.append((line, match.style))
        guard let pending else { return false }
        candidates.append(pending)
        restarts.insert(pending)
        self.pending = nil
        previousEndsParagraph = true
        return true
    }

    /// A line of text that is neither blank, page furniture nor a section.
    mutating func observeText(line: Int, visible: [Unicode.Scalar]) {
        let isCandidate = Self.hasCandidateShape(visible)
        if let pending, !isCandidate, let first = visible.first, !HeadingShape.continuesSentence(first),
           visible.count >= Self.minimumBodyLength || Self.endsWithFullStop(visible) {
            candidates.append(pending)
        }
        pending = isCandidate && previousEndsParagraph ? line : nil
        previousEndsParagraph = isCandidate || HeadingShape.endsParagraph(visible)
    }

    /// A line too long to be a candidate: only whether it ends its paragraph matters.
    mutating func observeLongText(endsParagraph: Bool, first: Unicode.Scalar) {
        if let pending, !HeadingShape.continuesSentence(first) { candidates.append(pending) }
        pending = nil
        previousEndsParagraph = endsParagraph
    }

    /// Longest line a source-marked heading may be (a marked-up heading may be a long phrase).
    static let maximumHintedLength = 40

    /// A line the source marked up as a heading (`<h2>`, a Word heading style) but without a
    /// marker: a candidate on that evidence, without the plain-text signs it is not needed for
    /// (a paragraph end before it, body text after it), as long as it is not a sentence,
    /// caption or marker line. It still has to pass `chosen` like any candidate: at least two,
    /// and never inside a numbered run, so a numbered outline is left as it is.
    mutating func observeHinted(line: Int, visible: [Unicode.Scalar]) {
        pending = nil
        if Self.hasCandidateShape(visible, maximumLength: Self.maximumHintedLength) {
            candidates.append(line)
            previousEndsParagraph = true
        } else {
            previousEndsParagraph = HeadingShape.endsParagraph(visible)
        }
    }

    /// A short body line counts only as a whole sentence: `各位代表：` after a name is an address.
    static func endsWithFullStop(_ visible: [Unicode.Scalar]) -> Bool {
        guard let last = visible.last(where: { !"”’」』）)".unicodeScalars.contains($0) }) else { return false }
        return last == "。" || last == "！" || last == "？" || last == "!" || last == "?"
    }

    static func hasCandidateShape(_ visible: [Unicode.Scalar], maximumLength: Int = maximumLength) -> Bool {
        guard visible.count >= 2, visible.count <= maximumLength, let first = visible.first,
              let last = visible.last else { return false }
        if HeadingShape.endsSentence(last) || HeadingShape.continuesSentence(first) { return false }
        var ideographs = 0
        for scalar in visible {
            if scalar.isIdeograph { ideographs += 1 }
            if scalar == "。" || scalar == "：" || scalar == ":" || scalar == "；" { return false }
        }
        guard ideographs >= 2, ideographs * 2 >= visible.count else { return false }
        // Figure and table captions (`图1 …`, `表 2 …`), notes and subtitles are not parts.
        if first == "图" || first == "表", visible.count > 1,
           visible[1].decimalDigitValue != nil || visible[1] == " " { return false }
        if first == "注" || first == "附" || first == "—" || first == "-" { return false }
        if ChineseNumeral.isNumeralScalar(first), visible.count > 1, visible[1] == "是" { return false }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: visible)
        if FrontMatterParser.isDate(String(text)) { return false }
        return MarkerScanner.match(Array(visible.prefix(MarkerScanner.prefixLength))) == nil
    }

    /// The candidates that head parts of the document, given the sections a scan without them
    /// found; empty when the document does not show the pattern.
    func chosen(sections: SectionShapes) -> [Int] {
        guard candidates.count >= Self.minimumRepeats else { return [] }
        let roots = sections.roots
        let firstAppendix = roots.first { sections.kind($0) == .appendix }.map { sections.line($0) } ?? Int.max
        var contradicted = Set<Int>()
        var lastChild: [Int: Int] = [:]
        for section in 0..<sections.count {
            let key = sections.parent(section) ?? -1
            defer { lastChild[key] = section }
            guard let previous = lastChild[key] else { continue }
            let style = sections.style(section)
            let line = sections.line(section)
            let previousLine = sections.line(previous)
            guard sections.style(previous) == style, sections.ordinal(section) == sections.ordinal(previous) + 1,
                  !restartedRuns.contains(where: {
                      $0.style == style && previousLine < $0.line && $0.line < line
                  }) else { continue }
            for candidate in candidatesBetween(previousLine, line) { contradicted.insert(candidate) }
        }
        let topLevelIsChapters = roots.contains { sections.style($0).isChapterLevel }
        let accepted = candidates.filter { candidate in
            guard candidate < firstAppendix else { return false }
            guard restarts.contains(candidate) || !contradicted.contains(candidate) else { return false }
            guard topLevelIsChapters else { return true }
            // Under documents numbered by chapters, an unmarked line is a part only where the
            // chapter numbering starts again after it.
            guard let next = (0..<sections.count).first(where: { sections.line($0) > candidate }) else { return false }
            return sections.parent(next) == nil && sections.ordinal(next) == 1 && sections.style(next).isChapterLevel
        }
        return accepted.count >= Self.minimumRepeats ? accepted : []
    }

    private func candidatesBetween(_ low: Int, _ high: Int) -> ArraySlice<Int> {
        var start = 0
        var end = candidates.count
        while start < end {
            let mid = (start + end) / 2
            if candidates[mid] <= low { start = mid + 1 } else { end = mid }
        }
        var stop = start
        while stop < candidates.count, candidates[stop] < high { stop += 1 }
        return candidates[start..<stop]
    }
}

extension NumberingStyle {
    /// Styles that number a document's first level (GB/T 9704: 一、; laws: 编/章).
    var isChapterLevel: Bool {
        switch self {
        case .chineseComma, .decimal(components: 1), .markdown(level: 1): true
        case .ordinalUnit(let unit): unit != "条" && unit != "节"
        default: false
        }
    }
}
