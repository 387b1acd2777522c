import ReportKit

/// The sections an ambiguous go-to matched (`:法治`), one row each (address, heading, the
/// chapter it lies in) in a framed box; Enter jumps to the highlighted one.
package struct GotoCandidatesOverlay: BrowserOverlay {
    package let query: String
    /// Section indices, in document order.
    package let candidates: [Int]
    /// The highlighted row, an index into `candidates`.
    package private(set) var cursor = 0

    package init(query: String, candidates: [Int]) {
        self.query = query
        self.candidates = candidates
    }

    package var keyContext: BindingContext { .gotoCandidates }

    package mutating func handle(_ action: Action, in view: ReportView) -> OverlayResult {
        let page = max(1, Self.frame(in: view.size, rows: candidates.count).height - 3)
        switch action {
        case .choose:
            return candidates.indices.contains(cursor) ? .closes(then: .jumpToSection(candidates[cursor])) : .closes
        case .close: return .closes
        default:
            cursor = ListCursor.moved(cursor, by: action, count: candidates.count, page: page) ?? cursor
            return .stays
        }
    }

    /// As tall as the list needs, at most the screen less a margin; the same box as the marks.
    static func frame(in size: Size, rows: Int) -> Rect { MarksOverlay.frame(in: size, rows: rows) }

    package func draw(into screen: inout Screen, view: ReportView, theme: BrowserTheme) {
        let report = view.report
        let box = Self.frame(in: screen.size, rows: candidates.count)
        guard box.width >= 8, box.height >= 3 else { return }
        let glyphs = theme.glyphs
        let title = " “\(VisibleText.sanitize(query))” · \(candidates.count) sections "
        let inner = OverlayBox.draw(
            into: &screen, box: box, title: title, titleEllipsis: glyphs.ellipsis, footer: " Enter go  Esc close ",
            theme: theme)
        let top = max(0, cursor - (inner.height - 1))
        let addressWidth = min(12, candidates.map { DisplayWidth.of(report.sections[$0].address) }.max() ?? 0)
        let headingWidth = min(max(8, inner.width / 2), candidates.map { DisplayWidth.of(label(of: $0, in: report)) }.max() ?? 0)
        for (row, index) in candidates.dropFirst(top).prefix(inner.height).enumerated() {
            let y = inner.y + row
            let section = report.sections[index]
            var x = screen.put(TextClip.pad(section.address, toWidth: addressWidth), x: inner.x, y: y, style: theme.breadcrumb, limit: inner.maxX)
            let heading = TextClip.pad(TextClip.clip(label(of: index, in: report), toWidth: headingWidth, ellipsis: glyphs.ellipsis), toWidth: headingWidth)
            x = screen.put("  " + heading, x: x, y: y, style: theme.subheading, limit: inner.maxX)
            // Where it lies: the same heading words recur in several chapters.
            if let parent = section.parent {
                let path = SectionLabels.breadcrumb(of: .section(parent), in: report, separator: glyphs.pathSeparator)
                let clipped = TextClip.clip(path, toWidth: inner.maxX - x - 2, ellipsis: glyphs.ellipsis)
                if !clipped.isEmpty { screen.put("  " + clipped, x: x, y: y, style: theme.metadata, limit: inner.maxX) }
            }
            if top + row == cursor {
                screen.restyle(x: inner.x - 1, y: y, width: inner.width + 2) { $0.attributes.formUnion(theme.selectedFocused) }
            }
        }
    }

    private func label(of index: Int, in report: Report) -> String {
        VisibleText.sanitize(SectionLabels.treeLabel(of: report.sections[index]))
    }
}
