import ReportKit

/// One version's text from the shared position down: each pair's block, its side's lines,
/// blank rows where the other side is longer, so aligned sections stay level.
package enum CompareTextPane {
    package static func draw(
        into screen: inout Screen, rect: Rect, side: CompareSide, state: CompareState, document: CompareDocument,
        theme: CompareTheme
    ) {
        guard !rect.isEmpty, document.pairCount > 0 else { return }
        let hits = state.search?.hits(side) ?? []
        var pair = state.position.pair
        var row = state.position.row
        var y = rect.y
        while y < rect.maxY, pair < document.pairCount {
            let lines = document.lines(of: pair, width: rect.width)
            let mine = side == .old ? lines.old : lines.new
            let height = max(lines.old.count, lines.new.count) + 1
            let status = document.alignment.pairs[pair].status
            while row < height, y < rect.maxY {
                if row < mine.count {
                    drawLine(mine[row], into: &screen, x: rect.x, y: y, limit: rect.maxX, side: side, status: status, hits: hits, theme: theme)
                }
                row += 1
                y += 1
            }
            pair += 1
            row = 0
        }
    }

    private static func drawLine(
        _ line: CompareLine, into screen: inout Screen, x: Int, y: Int, limit: Int, side: CompareSide,
        status: AlignmentStatus, hits: [Range<Int>], theme: CompareTheme
    ) {
        let base: CellStyle
        switch line.role {
        case .heading:
            var style = theme.status(status)
            style.attributes.formUnion(.bold)
            base = style
        case .body: base = theme.base.body
        case .note: base = theme.note
        case .numbers: base = theme.numbers
        }
        var hitCursor = line.glyphs.first.map { first in hits.partitioningIndex { $0.upperBound > first.offset } } ?? hits.count
        var cursor = x
        for glyph in line.glyphs {
            var style = theme.change(glyph.mark, side: side) ?? base
            if glyph.offset >= 0 {
                while hitCursor < hits.count, hits[hitCursor].upperBound <= glyph.offset { hitCursor += 1 }
                if hitCursor < hits.count, hits[hitCursor].contains(glyph.offset) { style = theme.base.searchHit }
            }
            cursor = screen.put(glyph.text, x: cursor, y: y, style: style, limit: limit)
            if cursor >= limit { break }
        }
    }
}
