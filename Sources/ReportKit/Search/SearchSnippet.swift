/// A one-line excerpt around a hit, for result lists and the command line.
public struct SearchSnippet: Sendable, Hashable {
    /// Context and hit on one line: line breaks and other whitespace runs shown as one space.
    public let text: String
    /// The hit inside `text`.
    public let highlight: Range<String.Index>
    /// Whether text of the section was cut off before or after the excerpt (callers may add `…`).
    public let isTruncatedAtStart: Bool
    public let isTruncatedAtEnd: Bool
}

extension Report {
    /// An excerpt with up to `context` characters on each side of `range`, never reaching
    /// outside the own text of the section holding the range (or the front matter).
    public func snippet(around range: Range<Int>, context: Int = 20) -> SearchSnippet {
        let container = section(containing: range.lowerBound).map { sections[$0].ownRange } ?? frontRange
        let bounds = min(container.lowerBound, range.lowerBound)..<max(container.upperBound, range.upperBound)
        if let snippet = SimpleSnippet.cut(text, around: range, within: bounds, context: context) { return snippet }
        return characterSnippet(around: range, within: bounds, context: context)
    }

    /// `snippet(around:context:).text` written at the end of `output` with `marks` around the
    /// hit: the same bytes, without building a `String` per hit where the byte-level cut applies.
    public func appendSnippet(
        around range: Range<Int>, context: Int = 20, marks: (open: [UInt8], close: [UInt8]), to output: inout [UInt8]
    ) {
        let container = section(containing: range.lowerBound).map { sections[$0].ownRange } ?? frontRange
        let bounds = min(container.lowerBound, range.lowerBound)..<max(container.upperBound, range.upperBound)
        if SimpleSnippet.append(text, around: range, within: bounds, context: context, marks: marks, to: &output) != nil {
            return
        }
        let snippet = characterSnippet(around: range, within: bounds, context: context)
        output.append(contentsOf: snippet.text[..<snippet.highlight.lowerBound].utf8)
        output.append(contentsOf: marks.open)
        output.append(contentsOf: snippet.text[snippet.highlight].utf8)
        output.append(contentsOf: marks.close)
        output.append(contentsOf: snippet.text[snippet.highlight.upperBound...].utf8)
    }

    /// The snippet walked `Character` by `Character`: right for any text, and the definition the
    /// byte-level `SimpleSnippet` must agree with where it applies.
    func characterSnippet(around range: Range<Int>, within bounds: Range<Int>, context: Int) -> SearchSnippet {
        let lowerLimit = text.index(atUTF8Offset: bounds.lowerBound)
        let upperLimit = text.index(atUTF8Offset: bounds.upperBound)
        let hitStart = text.index(atUTF8Offset: range.lowerBound)
        let hitEnd = text.index(atUTF8Offset: range.upperBound)

        var start = hitStart
        var taken = 0
        while taken < context, start > lowerLimit {
            start = text.index(before: start)
            taken += 1
        }
        var end = hitEnd
        taken = 0
        while taken < context, end < upperLimit {
            end = text.index(after: end)
            taken += 1
        }

        let before = Self.oneLine(text[start..<hitStart]).trimmingLeadingSpaces()
        let hit = Self.oneLine(text[hitStart..<hitEnd])
        let after = Self.oneLine(text[hitEnd..<end]).trimmingTrailingSpaces()
        let line = before + hit + after
        let highlightStart = line.index(atUTF8Offset: before.utf8.count)
        let highlightEnd = line.index(atUTF8Offset: before.utf8.count + hit.utf8.count)
        return SearchSnippet(
            text: line,
            highlight: highlightStart..<highlightEnd,
            isTruncatedAtStart: start > lowerLimit,
            isTruncatedAtEnd: end < upperLimit
        )
    }

    /// The snippet of a search hit.
    public func snippet(for hit: SearchHit, context: Int = 20) -> SearchSnippet {
        snippet(around: hit.range, context: context)
    }

    /// Each whitespace run (line breaks included) becomes one space.
    private static func oneLine(_ text: Substring) -> String {
        var result = ""
        var previousWasSpace = false
        for character in text {
            if character.isWhitespace {
                if !previousWasSpace { result.append(" ") }
                previousWasSpace = true
            } else {
                result.append(character)
                previousWasSpace = false
            }
        }
        return result
    }
}

private extension String {
    func trimmingLeadingSpaces() -> String {
        String(drop { $0 == " " })
    }

    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
