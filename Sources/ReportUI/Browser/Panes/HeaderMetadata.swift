import ReportKit

/// The header's second line, `发布日期: 2025-02-24   信息来源: 区政府办`, and where its words
/// stand in the source, so search hits there are lit as they are in the text. Keys and values
/// are copied verbatim out of the front matter's metadata rows (a letter-spaced key such as
/// `索 引 号` is not, and stays unlit), so each is found again by its bytes, in order.
package struct HeaderMetadata {
    package let text: String
    /// Bytes of the source shown in `text`, and where each run starts in `text`.
    let runs: [(source: Range<Int>, start: Int)]

    static let separator = "   "
    /// Front matter longer than this is not searched for the words: a header is a few short
    /// lines, and a frame must not scan a huge one.
    static let searchLimit = 64 << 10

    package static func text(of report: Report, separator: String = separator) -> String {
        report.metadata.map { "\($0.key): \($0.value)" }.joined(separator: separator)
    }

    /// `separator` stands between the entries: the header's spaces, or one byte for the detail
    /// pane's metadata rows, whose text ranges count through the entries that way.
    package init(report: Report, separator: String = separator) {
        text = Self.text(of: report, separator: separator)
        let window = report.frontRange.lowerBound..<min(report.preambleStart, report.frontRange.lowerBound + Self.searchLimit)
        guard !window.isEmpty, !report.metadata.isEmpty else {
            runs = []
            return
        }
        let source = Array(report.slice(window).utf8)
        var runs: [(source: Range<Int>, start: Int)] = []
        var cursor = 0
        var start = 0
        for (index, entry) in report.metadata.enumerated() {
            if index > 0 { start += separator.utf8.count }
            for (word, offset) in [(entry.key, 0), (entry.value, entry.key.utf8.count + 2)] {
                if let found = Self.find(Array(word.utf8), in: source, from: cursor) {
                    runs.append(((window.lowerBound + found)..<(window.lowerBound + found + word.utf8.count), start + offset))
                    cursor = found + word.utf8.count
                }
            }
            start += entry.key.utf8.count + 2 + entry.value.utf8.count
        }
        self.runs = runs
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count - start >= needle.count else { return nil }
        return (start...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// The source bytes the header can show.
    var extent: Range<Int>? {
        guard let low = runs.map(\.source.lowerBound).min(), let high = runs.map(\.source.upperBound).max() else { return nil }
        return low..<high
    }

    /// Restyles the cells of the hits on the header line drawn at `x`, `y`, `limit` cells of it
    /// showing the text (the rest clipped or an ellipsis).
    func paint(
        into screen: inout Screen, x: Int, y: Int, limit: Int, results: SearchResults, current: Int?, theme: BrowserTheme
    ) {
        guard let extent, limit > 0 else { return }
        var hits = SearchHighlights.hits(overlapping: extent, in: results)
        hits.sort { ($0.index == current ? 1 : 0) < ($1.index == current ? 1 : 0) }
        let line = Substring(text)
        for hit in hits {
            let style = hit.index == current ? theme.searchCurrent : theme.searchHit
            for run in runs {
                let overlap = hit.range.clamped(to: run.source)
                guard !overlap.isEmpty else { continue }
                let bytes = (run.start + overlap.lowerBound - run.source.lowerBound)..<(run.start + overlap.upperBound - run.source.lowerBound)
                guard let cells = SearchHighlights.cells(of: bytes, in: line, limit: limit) else { continue }
                screen.restyle(x: x + cells.lowerBound, y: y, width: cells.count) { $0 = style }
            }
        }
    }
}
