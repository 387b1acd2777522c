import ReportKit

/// How sections are named on screen: marker and heading joined the way a reader writes them.
package enum SectionLabels {
    /// `一、主要举措和突出成效`, `(二)创新改革举措`, `第一章 总则`, `1.1 目标`, and for a law's
    /// article, which has no heading, its first words (`第二条 本办法所称……`): a space only where
    /// the marker would otherwise run into the text.
    package static func heading(of section: Section) -> String {
        let words = section.lead
        guard let last = section.marker.last, !words.isEmpty else {
            return section.marker + words
        }
        // `、` `）` `.` close a marker; a digit, `章` or `条` would run into the heading.
        return last.isPunctuation ? section.marker + words : section.marker + " " + words
    }

    /// The tree row text: appendices say so even when their marker does not.
    package static func treeLabel(of section: Section) -> String {
        let label = heading(of: section)
        if section.kind == .appendix, !label.contains("附件") { return "附件 " + label }
        return label
    }

    /// The heading line as the source writes it, from the marker to where the body starts:
    /// `附件：`, `一、总体要求。` keep their punctuation, which `heading(of:)` drops. The text pane
    /// shows this; only the tree and the breadcrumb shorten. Trailing blanks and line breaks are
    /// left out; nil when the marker is not a slice of the heading's line (then the label is all
    /// there is to show).
    package static func writtenHeadingRange(of section: Section, in report: Report) -> Range<Int>? {
        let text = report.text
        let marker = section.markerText
        guard marker.base.utf8.count == text.utf8.count, !marker.isEmpty else { return nil }
        let start = text.utf8.distance(from: text.utf8.startIndex, to: marker.startIndex)
        guard start >= 0, start + marker.utf8.count <= text.utf8.count,
            report.slice(start..<(start + marker.utf8.count)) == marker
        else { return nil }
        let end = section.bodyRange.lowerBound
        // A heading is a line or two; anything longer means the ranges are not what they seem.
        guard start >= section.ownRange.lowerBound, start < end, end - start <= maximumWrittenHeadingLength else { return nil }
        var trimmed = end
        let utf8 = Array(text.utf8[text.index(atUTF8Offset: start)..<text.index(atUTF8Offset: end)])
        while trimmed > start, [0x20, 0x09, 0x0A, 0x0D].contains(utf8[trimmed - start - 1]) { trimmed -= 1 }
        // A full-width space (E3 80 80) ends an article's marker: `第二条　本办法……`.
        while trimmed - start >= 3, utf8[(trimmed - start - 3)..<(trimmed - start)].elementsEqual([0xE3, 0x80, 0x80]) {
            trimmed -= 3
        }
        return trimmed > start ? start..<trimmed : nil
    }

    static let maximumWrittenHeadingLength = 4_096

    /// What the text pane shows as a heading: the written line, else the label.
    package static func writtenHeading(of section: Section, in report: Report) -> Substring {
        if let range = writtenHeadingRange(of: section, in: report) { return report.slice(range) }
        return Substring(treeLabel(of: section))
    }

    /// The tree row of a long heading: its first clause, or its first `shortLength` characters,
    /// with `…`. Law articles and numbered paragraphs would otherwise make rows that are whole
    /// sentences; the text pane shows them in full.
    package static func shortTreeLabel(of section: Section) -> String {
        let label = treeLabel(of: section)
        let markerLength = section.marker.count
        guard label.count > markerLength + shortLength else { return label }
        var kept = ""
        var count = 0
        for character in label {
            // A clause mark after a few words of heading ends the short form.
            if count >= markerLength + minimumClause, clauseEnds.contains(character) { return kept + "…" }
            if count == markerLength + shortLength { return kept + "…" }
            kept.append(character)
            count += 1
        }
        return kept
    }

    /// Characters of heading a tree row keeps after the marker.
    package static let shortLength = 18
    private static let minimumClause = 4
    private static let clauseEnds: Set<Character> = ["，", "。", "；", "：", ",", ";", "…"]

    package static func title(of report: Report) -> String {
        report.title.isEmpty ? "(untitled report)" : report.title
    }

    /// `一、主要举措和突出成效 › (二)创新改革举措,优化营商环境`
    package static func breadcrumb(
        of row: OutlineRow, in report: Report, separator: String, includingSelf: Bool = true
    ) -> String {
        guard let index = row.sectionIndex else { return title(of: report) }
        var path = report.path(to: index)
        if !includingSelf { path.removeLast() }
        return path.map { heading(of: report.sections[$0]) }.joined(separator: separator)
    }

    /// The breadcrumb fitted to `width`: ancestors shrink to their markers first (`三、 › (二)强化
    /// 述职述法`), so the selected section's own heading is the last thing to be clipped. Room
    /// the markers leave goes back to the ancestors, the nearest first (`三、全面推进… › (二)…`).
    package static func breadcrumb(
        of row: OutlineRow, in report: Report, separator: String, fittingWidth width: Int, ellipsis: String = "…"
    ) -> String {
        let full = breadcrumb(of: row, in: report, separator: separator)
        guard DisplayWidth.of(full) > width, let index = row.sectionIndex else { return full }
        let path = report.path(to: index)
        var ancestors = path.dropLast().map { report.sections[$0].marker }
        let own = heading(of: report.sections[index])
        var spare = width - DisplayWidth.of((ancestors + [own]).joined(separator: separator))
        for position in ancestors.indices.reversed() where spare > 0 {
            let marker = ancestors[position]
            let label = heading(of: report.sections[path[position]])
            let markerWidth = DisplayWidth.of(marker)
            var grown = label
            if DisplayWidth.of(label) - markerWidth > spare {
                grown = TextClip.clip(label, toWidth: markerWidth + spare, ellipsis: ellipsis)
                // Two more cells than the marker and the ellipsis at least, or it says nothing more.
                guard DisplayWidth.of(grown) >= markerWidth + DisplayWidth.of(ellipsis) + 2 else { continue }
            }
            spare -= DisplayWidth.of(grown) - markerWidth
            ancestors[position] = grown
        }
        return (ancestors + [own]).joined(separator: separator)
    }
}
