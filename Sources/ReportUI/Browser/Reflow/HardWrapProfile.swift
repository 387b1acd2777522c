import ReportKit

/// Whether a source was hard-wrapped (its lines cut at a fixed width, mid-sentence, as plain
/// text exported from a PDF or a mail often is) and at what width, so such lines can be shown
/// joined and re-broken at the pane's width.
///
/// The rule is the genre's, not a file's: in a hard-wrapped text many lines have nearly the
/// same display width, the widest common one, and most of them end without the punctuation
/// that ends a sentence or a clause list. A text written one paragraph a line has widths all
/// over the place, and its long lines end in 。.
package struct HardWrapProfile: Hashable, Sendable {
    /// The width the source was cut at, in cells.
    package let wrapWidth: Int

    /// Lines narrower than this are never counted as cut: headings, dates, signatures.
    static let minimumWrapWidth = 20
    /// Lines sampled: the first ones say how the file was made.
    static let sampleLines = 4_000
    /// Of the non-blank lines sampled, the share that must be within `slack` of the wrap width.
    /// Statistical bulletins cut at the width still have a table or a caption every few lines.
    static let wrappedShare = 0.3
    /// Of those, the share that must end mid-sentence.
    static let openShare = 0.7
    static let minimumLines = 8

    /// Cells a cut line may fall short of the wrap width: a cut does not split a wide
    /// character or (in Latin text) a word.
    var slack: Int { max(2, wrapWidth / 8) }

    /// Characters that end a sentence or a clause, after which a line break is the writer's.
    static let closing: Set<Character> = [
        "。", "！", "？", "；", "：", "…", "」", "』", "》", "）", "”", ".", "!", "?", ";", ":", ")",
    ]

    package init(wrapWidth: Int) {
        self.wrapWidth = wrapWidth
    }

    /// The profile of a text given as its lines; nil when it does not look hard-wrapped.
    /// The profile of a report's text, from its first lines.
    package static func detect(in report: Report) -> HardWrapProfile? {
        let count = min(report.lines.count, sampleLines)
        return detect(lines: (0..<count).lazy.map { report.slice(report.lines.range(ofLine: $0 + 1)) })
    }

    package static func detect(lines: some Sequence<Substring>) -> HardWrapProfile? {
        var widths: [Int: Int] = [:]
        var measured: [(width: Int, open: Bool)] = []
        for line in lines.prefix(sampleLines) {
            let trimmed = line.trimmingTrailingBlanks
            guard !trimmed.isEmpty else { continue }
            let width = DisplayWidth.of(trimmed)
            measured.append((width, !endsClosed(trimmed) && !isTabular(trimmed)))
            if width >= minimumWrapWidth { widths[width, default: 0] += 1 }
        }
        guard measured.count >= minimumLines else { return nil }
        // The wrap width is the widest width many lines reach: cut lines pile up just below it,
        // spread over a few cells where half-width digits and Latin words mix in.
        func near(_ width: Int) -> Int {
            let slack = HardWrapProfile(wrapWidth: width).slack
            return widths.reduce(0) { $0 + ($1.key <= width && $1.key >= width - slack ? $1.value : 0) }
        }
        guard let mode = widths.keys.map({ (width: $0, count: near($0)) }).max(by: { ($0.count, $0.width) < ($1.count, $1.width) })?.width
        else { return nil }
        let profile = HardWrapProfile(wrapWidth: mode)
        let near = measured.filter { $0.width <= mode && $0.width >= mode - profile.slack }
        let open = near.filter(\.open).count
        guard Double(near.count) >= wrappedShare * Double(measured.count), near.count >= minimumLines / 2,
            Double(open) >= openShare * Double(near.count)
        else { return nil }
        return profile
    }

    /// Whether `line` was cut by the wrap and `next` carries on its sentence.
    package func joins(_ line: Substring, _ next: Substring) -> Bool {
        let trimmed = line.trimmingTrailingBlanks
        guard let first = next.first, !first.isWhitespace, first != "\u{3000}", !trimmed.isEmpty else { return false }
        let width = DisplayWidth.of(trimmed)
        return width >= wrapWidth - slack && width <= wrapWidth + slack && !Self.endsClosed(trimmed)
            && !Self.isTabular(trimmed) && !Self.isTabular(next)
    }

    /// A table row laid out with runs of blanks: its line break is the table's.
    static func isTabular(_ line: Substring) -> Bool {
        line.contains("\t") || line.contains("  ") || line.contains("\u{3000}\u{3000}\u{3000}")
    }

    static func endsClosed(_ line: Substring) -> Bool {
        line.last.map { closing.contains($0) } ?? true
    }
}

extension Substring {
    var trimmingTrailingBlanks: Substring {
        var text = self
        while let last = text.last, last == " " || last == "\t" || last == "\r" || last == "\n" { text.removeLast() }
        return text
    }
}
