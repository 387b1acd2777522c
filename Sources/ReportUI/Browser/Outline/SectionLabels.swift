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
    /// 述职述法`), so the selected section's own heading is the last thing to be clipped.
    package static func breadcrumb(
        of row: OutlineRow, in report: Report, separator: String, fittingWidth width: Int
    ) -> String {
        let full = breadcrumb(of: row, in: report, separator: separator)
        guard DisplayWidth.of(full) > width, let index = row.sectionIndex else { return full }
        let path = report.path(to: index)
        let ancestors = path.dropLast().map { report.sections[$0].marker }
        return (ancestors + [heading(of: report.sections[index])]).joined(separator: separator)
    }
}
