import ReportKit

/// Reflow: in a hard-wrapped source a body unit is the run of source lines the wrap cut, laid
/// out from their joined text. Lines keep source offsets (`offset`, `sourceLength`), so reading
/// places, marks and resumes do not depend on the setting; `joined` says which source bytes
/// each drawn line shows.
extension DetailDocument {
    /// A paragraph never runs on across a multiple of this many source lines, so finding a
    /// unit's start from any byte looks back a bounded way and finds the same start as walking
    /// forward does.
    static let joinRun = 64

    /// Whether source line `line` (1-based) carries on the one before it, within `bounds`.
    func joinsPrevious(_ line: Int, bounds: Range<Int>) -> Bool {
        guard let reflow, line > 1, line <= report.lines.count, (line - 1) % Self.joinRun != 0 else { return false }
        let previous = report.lines.range(ofLine: line - 1)
        let current = report.lines.range(ofLine: line)
        guard previous.lowerBound >= bounds.lowerBound, current.upperBound <= bounds.upperBound,
            current.count < Self.pieceLength, previous.count < Self.pieceLength
        else { return false }
        return reflow.joins(report.slice(previous), report.slice(current))
    }

    /// The first line of the joined run holding `line`.
    func joinedStart(ofLine line: Int, bounds: Range<Int>) -> Int {
        var first = line
        while joinsPrevious(first, bounds: bounds) { first -= 1 }
        return first
    }

    /// The end of the joined run starting on `line`, which ends at `end` on its own.
    func joinedEnd(fromLine line: Int, end: Int, bounds: Range<Int>) -> Int {
        guard reflow != nil, end == report.lines.range(ofLine: line).upperBound else { return end }
        var last = line
        while joinsPrevious(last + 1, bounds: bounds) { last += 1 }
        return last == line ? end : report.lines.range(ofLine: last).upperBound
    }

    /// The joined text of the body unit at `start`, when it spans more than one source line.
    func joinedText(from start: Int, to end: Int) -> ReflowedText? {
        guard reflow != nil else { return nil }
        var lines: [(text: Substring, source: Range<Int>)] = []
        var line = report.lines.line(at: start)
        while line <= report.lines.count {
            let range = report.lines.range(ofLine: line)
            let lower = max(range.lowerBound, start)
            guard lower < end else { break }
            var upper = min(range.upperBound, end)
            var text = report.slice(lower..<upper)
            while let last = text.last, last == "\n" || last == "\r" || last == "\r\n" {
                upper -= last.utf8.count
                text.removeLast()
            }
            lines.append((text, lower..<upper))
            line += 1
        }
        return lines.count > 1 ? ReflowedText(lines: lines) : nil
    }

    /// The joined paragraph wrapped at the pane's width, after the indent when it has one.
    func reflowed(_ joined: ReflowedText, unitStart: Int, section: Int?, indent: Bool) -> [DetailLine] {
        let prefix = indent ? Self.indent : ""
        let prefixed = Substring(prefix + joined.text)
        let shift = prefix.utf8.count
        let cells = DisplayWidth.of(prefix)
        return LineBreaker.wrap(prefixed, width: width).enumerated().map { row, line in
            let lower = max(0, line.range.lowerBound - shift)
            let range = lower..<max(lower, line.range.upperBound - shift)
            let runs = joined.sourceRuns(of: range)
            let from = sourceOffset(ofJoined: range.lowerBound, in: joined)
            let to = sourceOffset(ofJoined: range.upperBound, in: joined)
            return DetailLine(
                text: line.displayText(in: prefixed), role: .body, section: section, offset: from - unitStart,
                sourceLength: max(0, to - from), textRange: range, indent: row == 0 ? cells : 0,
                joined: DetailLine.Joined(text: joined.text[utf8Range: range], runs: runs))
        }
    }

    /// The source byte a byte of the joined text stands at (an added space: the next line's start).
    private func sourceOffset(ofJoined offset: Int, in joined: ReflowedText) -> Int {
        guard let segment = joined.segments.last(where: { $0.start <= offset }) else {
            return joined.segments.first?.source.lowerBound ?? 0
        }
        return segment.source.lowerBound + min(offset - segment.start, segment.source.count)
    }
}
