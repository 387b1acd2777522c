/// Source lines joined into one paragraph, and where each byte of the joined text came from,
/// so a search hit (a byte range of the source) lands on the right characters after the
/// paragraph is re-broken. A join drops the line break; between two Latin words it puts a
/// space, between Chinese characters nothing, as a Chinese line break stands for nothing.
package struct ReflowedText: Equatable, Sendable {
    package struct Segment: Equatable, Sendable {
        /// Bytes of the source, absolute.
        package var source: Range<Int>
        /// Where they start in `text`.
        package var start: Int
    }

    package let text: String
    package let segments: [Segment]

    /// `lines` are the source lines (without their line breaks) with the bytes each stands at.
    package init(lines: [(text: Substring, source: Range<Int>)]) {
        var text = ""
        var segments: [Segment] = []
        for (index, line) in lines.enumerated() {
            var piece = line.text
            var source = line.source
            // Blanks ending a cut line are the wrap's, not the writer's.
            while let last = piece.last, last == " " || last == "\t" || last == "\r" {
                piece.removeLast()
                source = source.lowerBound..<(source.upperBound - last.utf8.count)
            }
            if index > 0, let before = text.last, let after = piece.first, Self.needsSpace(between: before, and: after) {
                text.append(" ")
            }
            segments.append(Segment(source: source, start: text.utf8.count))
            text.append(contentsOf: piece)
        }
        self.text = text
        self.segments = segments
    }

    static func needsSpace(between before: Character, and after: Character) -> Bool {
        isSpaced(before) && isSpaced(after)
    }

    /// Scripts that part words with spaces: a character narrower than a CJK cell that is not
    /// a space itself.
    private static func isSpaced(_ character: Character) -> Bool {
        !character.isWhitespace && DisplayWidth.of(character) == 1
    }

    /// Where a byte range of `text` stands in the source, run by run, each with where it
    /// starts in the range.
    package func sourceRuns(of range: Range<Int>) -> [Segment] {
        segments.compactMap { segment in
            let span = segment.start..<(segment.start + segment.source.count)
            let shown = span.clamped(to: range)
            guard !shown.isEmpty else { return nil }
            let lower = segment.source.lowerBound + shown.lowerBound - segment.start
            return Segment(source: lower..<(lower + shown.count), start: shown.lowerBound - range.lowerBound)
        }
    }

    /// Where a byte range of the source stands in `text`, run by run (a hit over a join is in
    /// two pieces).
    package func textRanges(of source: Range<Int>) -> [Range<Int>] {
        segments.compactMap { segment in
            let overlap = source.clamped(to: segment.source)
            guard !overlap.isEmpty else { return nil }
            let start = segment.start + overlap.lowerBound - segment.source.lowerBound
            return start..<(start + overlap.count)
        }
    }
}
