import ReportKit

/// Where a `TextDifference` falls in one side's own text. The difference is worked out on
/// tokens with whitespace dropped (a hard-wrapped paragraph is one text), so its segments are
/// the side's non-blank characters in order: walking both at once puts each deletion or
/// insertion back on the bytes it came from, and the display keeps the text's own lines.
package enum CompareDiffMarks {
    /// Byte ranges relative to the start of `text` that changed on `side`, in order, each with
    /// its mark: digits of a changed number get `changedNumber`.
    package static func ranges(
        of difference: TextDifference, side: CompareSide, in text: Substring
    ) -> [(range: Range<Int>, mark: CompareMark)] {
        let changedKind: TextDifference.Kind = side == .old ? .deleted : .inserted
        var ranges: [(range: Range<Int>, mark: CompareMark)] = []
        var index = text.startIndex
        var offset = 0
        for segment in difference.segments where segment.kind == .equal || segment.kind == changedKind {
            let changed = segment.kind == changedKind
            var previousWasDigit = false
            for character in segment.text where !character.isWhitespace {
                while index < text.endIndex, text[index].isWhitespace {
                    offset += text[index].utf8.count
                    index = text.index(after: index)
                }
                // Anything else means the texts were not the ones diffed: mark nothing more
                // rather than mark the wrong characters.
                guard index < text.endIndex, text[index] == character else { return ranges }
                let length = character.utf8.count
                if changed {
                    let isNumberPart = character.isASCII && character.isNumber
                        || previousWasDigit && (character == "." || character == "," || character == "%")
                    append(offset..<offset + length, isNumberPart ? .changedNumber : .changed, to: &ranges)
                    previousWasDigit = character.isASCII && character.isNumber
                }
                offset += length
                index = text.index(after: index)
            }
        }
        return ranges
    }

    /// Joins a range to the previous one when they touch and share a mark.
    private static func append(
        _ range: Range<Int>, _ mark: CompareMark, to ranges: inout [(range: Range<Int>, mark: CompareMark)]
    ) {
        if let last = ranges.last, last.mark == mark, last.range.upperBound == range.lowerBound {
            ranges[ranges.count - 1].range = last.range.lowerBound..<range.upperBound
        } else {
            ranges.append((range, mark))
        }
    }
}
