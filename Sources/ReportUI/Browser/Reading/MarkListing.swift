import ReportKit

/// How a mark is described in the list and in messages: where it is in the outline and the
/// words it points at.
package struct MarkListing: Hashable, Sendable {
    package let letter: Character
    package let place: BrowserPlace
    /// `3.2`, or empty in the front matter.
    package let address: String
    /// `(二)强化述职述法`, or the report title in the front matter.
    package let heading: String
    /// The text at the place, one line.
    package let snippet: String

    package static func entries(of marks: MarkBook, in report: Report) -> [MarkListing] {
        marks.letters.compactMap { letter in
            marks[letter].map { listing(letter, $0, in: report) }
        }
    }

    package static func listing(_ letter: Character, _ place: BrowserPlace, in report: Report) -> MarkListing {
        let section = section(of: place, in: report)
        return MarkListing(
            letter: letter, place: place,
            address: section.map { report.sections[$0].address } ?? "",
            heading: section.map { SectionLabels.heading(of: report.sections[$0]) } ?? SectionLabels.title(of: report),
            snippet: snippet(at: place, in: report))
    }

    /// `3.2 (二)强化述职述法`: the section whose text is at the place (it may lie below the
    /// selected row when the reader had scrolled into a subsection).
    package static func location(of place: BrowserPlace, in report: Report) -> String {
        guard let section = section(of: place, in: report) else { return "the front matter" }
        let info = report.sections[section]
        return "\(info.address) \(SectionLabels.heading(of: info))"
    }

    private static func section(of place: BrowserPlace, in report: Report) -> Int? {
        let section = place.position.section ?? place.row.sectionIndex
        return section.flatMap { $0 < report.sections.count ? $0 : nil }
    }

    /// Characters of snippet kept; the list clips it to its width anyway.
    private static let snippetLength = 80

    /// The line of text at the place from the place on; at a heading, the first words of the
    /// body after it, since the heading is already in the list.
    package static func snippet(at place: BrowserPlace, in report: Report) -> String {
        var start = place.anchor(in: report).offset
        if let section = section(of: place, in: report) {
            start = max(start, report.sections[section].bodyRange.lowerBound)
        } else {
            start = max(start, report.preambleStart)
        }
        let end = report.text.utf8.count
        guard start < end else { return "" }
        let text = report.slice(start..<end)
        var snippet = ""
        var count = 0
        for character in text.drop(while: \.isWhitespace) {
            if character.isNewline || count == snippetLength { break }
            snippet.append(character)
            count += 1
        }
        return VisibleText.sanitize(snippet.trimmingTrailingWhitespace())
    }
}

extension String {
    fileprivate func trimmingTrailingWhitespace() -> String {
        var result = self
        while result.last?.isWhitespace == true { result.removeLast() }
        return result
    }
}
