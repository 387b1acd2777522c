import ReportKit

/// Scrolling the detail pane. The reading position moves by laid-out lines but is stored as a
/// place in the text.
extension BrowserState {
    mutating func moveInText(_ action: Action, context: BrowserContext) {
        let height = layout.detailText.height
        let page = max(1, height - 2)
        switch action {
        case .moveDown: scrollText(by: 1, context: context)
        case .moveUp: scrollText(by: -1, context: context)
        case .pageDown: scrollText(by: page, context: context)
        case .pageUp: scrollText(by: -page, context: context)
        case .goFirst: reading = .start(of: selection)
        case .goLast: scrollText(by: Int.max / 2, context: context)
        default: break
        }
    }

    mutating func scrollText(by lines: Int, context: BrowserContext) {
        let layout = layout
        let height = layout.detailText.height
        guard height > 0, layout.detailText.width > 0 else { return }
        let document = context.document(for: selection, layout: layout)
        let lastTop = document.lastTop(height: height)
        let top = min(document.cursor(for: reading), lastTop)
        let moved = lines >= Int.max / 4 ? lastTop : min(document.advance(top, by: lines), lastTop)
        reading = document.position(of: moved)
    }
}
