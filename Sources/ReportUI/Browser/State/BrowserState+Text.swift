import ReportKit

/// Scrolling the detail pane. The reading position moves by laid-out lines but is stored as a
/// place in the text.
extension BrowserState {
    mutating func moveInText(_ action: Action, context: BrowserContext) {
        let height = readerTextRect(layout).height
        let page = max(1, height - 2)
        switch action {
        case .moveDown: scrollText(by: 1, context: context)
        case .moveUp: scrollText(by: -1, context: context)
        case .pageDown: scrollText(by: page, context: context)
        case .pageUp: scrollText(by: -page, context: context)
        case .goFirst:
            // Reading the whole report, the top of the text is the top of the report.
            if reader.continuous { scrollText(by: -(Int.max / 2), context: context) } else { reading = .start(of: selection) }
        case .goLast: scrollText(by: Int.max / 2, context: context)
        default: break
        }
    }

    mutating func scrollText(by lines: Int, context: BrowserContext) {
        let layout = layout
        let text = readerTextRect(layout)
        let height = text.height
        guard height > 0, text.width > 0 else { return }
        let document = readerDocument(for: selection, layout: layout, context: context)
        let lastTop = document.lastTop(height: height)
        let top = min(document.cursor(for: reading), lastTop)
        let moved: DetailCursor
        if lines >= Int.max / 4 {
            moved = lastTop
        } else if lines <= -(Int.max / 4) {
            moved = document.firstCursor
        } else {
            moved = min(document.advance(top, by: lines), lastTop)
        }
        reading = document.position(of: moved)
        followTopSection(top: moved, context: context)
    }
}
