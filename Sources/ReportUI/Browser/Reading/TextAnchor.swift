import ReportKit

/// A reading place in the report's own terms: the selected row and the UTF-8 offset into
/// `report.text` of the text at the top of the detail pane. This is what outlives a session
/// (a store keeps it with the words around it, so it survives edits); `BrowserPlace` is what a
/// frame needs, and it also knows lines that are not text (breadcrumb, wrapped heading rows).
package struct TextAnchor: Hashable, Sendable {
    package var row: OutlineRow
    /// Absolute UTF-8 offset into the report's text.
    package var offset: Int

    package init(row: OutlineRow, offset: Int) {
        self.row = row
        self.offset = offset
    }
}

extension BrowserPlace {
    /// Where this place is in the text. Lines that are not text stand for the start of their
    /// section (the gap after a section for the heading that follows it), so a round trip
    /// through an anchor keeps a body position exactly and any other within a line or two.
    package func anchor(in report: Report) -> TextAnchor {
        let end = report.text.utf8.count
        let offset: Int
        if let section = position.section, section < report.sections.count {
            let info = report.sections[section]
            switch position.part {
            case .body: offset = info.ownRange.lowerBound + position.offset
            case .gap: offset = info.ownRange.upperBound
            case .breadcrumb, .heading, .metadata: offset = info.ownRange.lowerBound
            }
        } else if position.section == nil, position.part == .body {
            offset = report.frontRange.lowerBound + position.offset
        } else {
            offset = row.sectionIndex.map { report.sections[$0].ownRange.lowerBound } ?? report.frontRange.lowerBound
        }
        return TextAnchor(row: row, offset: min(max(0, offset), end))
    }

    /// The place an anchor stands for, made consistent with the report: a row that no longer
    /// exists becomes the title, and an offset outside the row's text its top.
    package init(_ anchor: TextAnchor, in report: Report) {
        var row = anchor.row
        if let index = row.sectionIndex, index >= report.sections.count { row = .title }
        let offset = min(max(0, anchor.offset), report.text.utf8.count)
        self.init(row: row, position: Self.position(at: offset, under: row, in: report))
    }

    private static func position(at offset: Int, under row: OutlineRow, in report: Report) -> DetailPosition {
        guard let root = row.sectionIndex else {
            // Only the preamble is body text; the title and metadata lines are the top.
            let front = report.frontRange
            guard offset >= report.preambleStart, offset > front.lowerBound, offset < front.upperBound else {
                return .start(of: row)
            }
            return DetailPosition(section: nil, part: .body, offset: offset - front.lowerBound)
        }
        guard report.sections[root].subtreeRange.contains(offset),
              let section = report.section(containing: offset)
        else { return .start(of: row) }
        let info = report.sections[section]
        if offset == info.ownRange.lowerBound || offset < info.bodyRange.lowerBound {
            return section == root ? .start(of: row) : DetailPosition(section: section, part: .heading, offset: 0)
        }
        return DetailPosition(section: section, part: .body, offset: offset - info.ownRange.lowerBound)
    }
}
