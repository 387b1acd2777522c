/// The outline and export formats of the command line, built from a Report.
public enum OutlineExport {
    /// `1.2  (二)创新改革举措,优化营商环境`, indented two spaces per level.
    public static func outlineLines(_ report: Report, maxDepth: Int? = nil) -> [String] {
        report.sections.compactMap { section in
            if let maxDepth, section.depth > maxDepth { return nil }
            return line(for: section)
        }
    }

    /// The outline as one text, a line per section each ending in a newline.
    public static func outlineText(_ report: Report, maxDepth: Int? = nil) -> String {
        var text = ""
        writeOutline(report, maxDepth: maxDepth, chunkSize: .max) { text += $0 }
        return text
    }

    /// The outline handed out in chunks of whole lines of about `chunkSize` bytes, so a report
    /// with hundreds of thousands of sections is written without holding all of it at once.
    public static func writeOutline(
        _ report: Report, maxDepth: Int? = nil, chunkSize: Int = 1 << 16, to write: (String) -> Void
    ) {
        var chunk = ""
        chunk.reserveCapacity(min(chunkSize, report.sections.count * 64) + 256)
        for section in report.sections {
            if let maxDepth, section.depth > maxDepth { continue }
            for _ in 1..<max(section.depth, 1) { chunk += "  " }
            chunk += section.address
            chunk += "  "
            appendDisplayHeading(section, to: &chunk)
            chunk += "\n"
            if chunk.utf8.count >= chunkSize {
                write(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.isEmpty { write(chunk) }
    }

    private static func line(for section: Section) -> String {
        var text = String(repeating: "  ", count: max(section.depth - 1, 0)) + section.address + "  "
        appendDisplayHeading(section, to: &text)
        return text
    }

    private static func appendDisplayHeading(_ section: Section, to text: inout String) {
        text += section.markerText
        if section.headingText.isEmpty {
            // An article shows the beginning of its text; it has no heading to show.
            guard section.isArticle else { return }
            let lead = section.lead
            if !lead.isEmpty { text += " " + lead }
            return
        }
        if let last = section.markerText.unicodeScalars.last, !"、）).．".unicodeScalars.contains(last) { text += " " }
        text += section.headingText
    }

    /// Marker and heading as a reader expects them: `一、主要举措`, `1 总则`, `第一章 总　　则`.
    public static func displayHeading(_ section: Section) -> String {
        var text = ""
        appendDisplayHeading(section, to: &text)
        return text
    }

    /// `{"title", "metadata", "sections": [{"address", "marker", "heading", "line", "kind", "children"}]}`,
    /// plus `"front"` and each section's `"text"` when `includeText` is set (the export format).
    public static func json(_ report: Report, maxDepth: Int? = nil, includeText: Bool = false) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("title", report.title)
        writer.key("metadata")
        writer.beginObject()
        var seen = Set<String>()
        for entry in report.metadata where seen.insert(entry.key).inserted {
            writer.field(entry.key, entry.value)
        }
        writer.endObject()
        if includeText {
            writer.field("front", report.frontText)
        }
        writer.key("sections")
        writeSections(report.roots, of: report, into: &writer, maxDepth: maxDepth, includeText: includeText)
        writer.objects("warnings", report.warnings) { writer, warning in
            writer.field("line", warning.line)
            writer.field("message", warning.message)
        }
        writer.endObject()
        return writer.output + "\n"
    }

    private static func writeSections(
        _ indices: [Int], of report: Report, into writer: inout JSONWriter, maxDepth: Int?, includeText: Bool
    ) {
        writer.beginArray()
        for index in indices {
            let section = report.sections[index]
            writer.beginObject()
            writer.sectionReference(address: section.address, marker: section.marker, heading: section.heading, line: section.line)
            writer.field("kind", section.kind.rawValue)
            if includeText { writer.field("text", report.ownText(of: section)) }
            writer.key("children")
            let deeper = maxDepth.map { section.depth < $0 } ?? true
            writeSections(
                deeper ? section.children : [], of: report, into: &writer, maxDepth: maxDepth,
                includeText: includeText)
            writer.endObject()
        }
        writer.endArray()
    }

    /// Markdown: the title as `#`, sections one level deeper per depth (capped at `######`),
    /// each followed by its body text.
    public static func markdown(_ report: Report) -> String {
        var output = ""
        if !report.title.isEmpty { output += "# \(report.title)\n\n" }
        for entry in report.metadata where !entry.value.isEmpty {
            output += "- \(entry.key)：\(entry.value)\n"
        }
        if !report.metadata.isEmpty { output += "\n" }
        let preamble = report.slice(report.preambleStart..<report.frontRange.upperBound)
        appendParagraphs(preamble, to: &output)
        for section in report.sections {
            if section.isArticle {
                defer { appendResumedText(after: section, of: report, to: &output) }
                // An article is text, not a heading: `**第二条**　本办法所称……。` keeps its 。.
                var body = ""
                appendParagraphs(report.slice(section.bodyRange), to: &body)
                output += "**\(section.marker)**" + (body.isEmpty ? "\n\n" : "\u{3000}" + body)
                continue
            }
            if isInsideArticle(section, of: report) {
                // Items (项) of an article are its text too, not headings under it.
                output += report.slice(section.ownRange.lowerBound..<section.bodyRange.lowerBound)
                    .split(separator: "\n").map { LayoutSpace.trimmed($0) }.joined() + "\n\n"
                appendParagraphs(report.slice(section.bodyRange), to: &output)
                appendResumedText(after: section, of: report, to: &output)
                continue
            }
            let level = min(section.depth + 1, 6)
            output += String(repeating: "#", count: level) + " " + displayHeading(section) + "\n\n"
            appendParagraphs(report.slice(section.bodyRange), to: &output)
            appendResumedText(after: section, of: report, to: &output)
        }
        return output
    }

    private static func isInsideArticle(_ section: Section, of report: Report) -> Bool {
        var ancestor = section.parent
        while let index = ancestor {
            if report.sections[index].isArticle { return true }
            ancestor = report.sections[index].parent
        }
        return false
    }

    /// An article's paragraph after its items follows the item it comes after in the text.
    private static func appendResumedText(after section: Section, of report: Report, to output: inout String) {
        var ancestor = section.parent
        while let index = ancestor {
            let trailing = report.sections[index].trailingRange
            if !trailing.isEmpty, trailing.lowerBound == section.bodyRange.upperBound {
                appendParagraphs(report.slice(trailing), to: &output)
            }
            ancestor = report.sections[index].parent
        }
    }

    private static func appendParagraphs(_ text: Substring, to output: inout String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = LayoutSpace.trimmed(line)
            guard !trimmed.isEmpty else { continue }
            output += trimmed + "\n\n"
        }
    }
}
