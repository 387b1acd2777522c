import ReportKit

/// Continuous reading: the text pane reads the whole report in order, and the tree follows
/// the section at the top of the pane, so `]`, `[` and the breadcrumb mean "here".
extension BrowserState {
    /// The rows the text takes: the pane less the sticky heading line when reading runs on.
    func readerTextRect(_ layout: BrowserLayout) -> Rect {
        DetailPane.textRect(of: layout.detailText, continuous: reader.continuous)
    }

    func readerDocument(for row: OutlineRow, layout: BrowserLayout, context: BrowserContext) -> DetailDocument {
        context.document(for: row, layout: layout, continuous: reader.continuous, reflow: reader.reflow)
    }

    /// After scrolling the text: selects the tree row that stands for the section at the top
    /// (its nearest shown ancestor when the tree is folded there), keeping the place.
    mutating func followTopSection(top: DetailCursor, context: BrowserContext) {
        guard reader.continuous else { return }
        let shown = top.unit.section.map(OutlineRow.section) ?? .title
        let row = treeNavigator(context).visibleRow(for: shown)
        guard row != selection else { return }
        let kept = reading
        selection = row
        reading = kept
    }

    mutating func toggleContinuous(context: BrowserContext) {
        reader.continuous.toggle()
        if !reader.continuous {
            // One section at a time shows the selected row's subtree: the place stays when it
            // is in there, which following the top keeps true.
            let document = readerDocument(for: selection, layout: layout, context: context)
            if !document.contains(reading.section) { reading = .start(of: selection) }
        }
        message = Message(
            text: reader.continuous
                ? "Continuous reading: the text runs on into the next section"
                : "One section at a time: the text stops at the end of the selected section",
            isError: false)
    }
}
