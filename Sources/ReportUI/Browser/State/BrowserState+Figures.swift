import ReportKit

extension BrowserState {
    /// Opens the figures list; the first time, it opens empty and asks for the extraction, which
    /// runs outside `apply` and is kept for every later opening.
    mutating func openFigures(context: BrowserContext) -> [Effect] {
        mode = .overlay(FiguresOverlay(figures: figures, selectedSection: selection.sectionIndex, report: context.report))
        return figures == nil ? [.extractFigures] : []
    }

    mutating func figuresDidLand(_ extracted: [Figure], context: BrowserContext) {
        figures = extracted
        if case .overlay(let overlay) = mode, var list = overlay as? FiguresOverlay, list.isLoading {
            list.receive(extracted, report: context.report)
            mode = .overlay(list)
        }
    }

    /// Selects the section and scrolls its text to show the range, which is lit as the current
    /// search hit is, the way `n` shows a hit, with the text pane focused.
    mutating func showText(_ range: Range<Int>, section: Int?, context: BrowserContext) {
        let row = section.map(OutlineRow.section) ?? .title
        let before = place
        reveal(row, context: context)
        select(row)
        reading = readingPosition(showingText: range.lowerBound, of: section, in: row, context: context)
        if place != before { history.record(leaving: before) }
        reader.highlight = range
        // The figure is what was asked for: on a screen with room for one pane, show the text.
        focus = .detail
    }
}
