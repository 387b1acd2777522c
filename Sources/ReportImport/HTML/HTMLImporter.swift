import CLibXML2
import ReportKit

/// Saved web pages, through libxml2's HTML parser, which recovers from broken markup the way
/// browsers do.
public struct HTMLImporter: ReportImporter {
    public let format = ReportFormat.html

    public init() {}

    public func importReport(_ input: ImportInput) throws(ImportFailure) -> ImportedText {
        let (source, warnings) = try HTMLCharset.decode(input.bytes, forced: input.encoding)
        var extractor = HTMLTextExtractor()
        // The text is UTF-8 by now; telling libxml2 so keeps it from re-decoding by a
        // `<meta charset>` that may be wrong.
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)
        var utf8 = Array(source.utf8)
        if utf8.isEmpty { return ImportedText(text: "", warnings: warnings) }
        let parsed = utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { characters in
                htmlReadMemory(characters, Int32(clamping: buffer.count), nil, "UTF-8", options)
            }
        }
        utf8 = []
        guard let document = parsed else { throw ImportFailure("not a readable HTML page") }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return ImportedText(text: "", warnings: warnings) }
        extractor.extract(root: root)
        let kept = Self.articleLines(extractor)
        var hints: [Int: Int] = [:]
        for (newIndex, oldIndex) in kept.enumerated() {
            if let level = extractor.headingHints[oldIndex] { hints[newIndex] = level }
        }
        let text = kept.map { extractor.lines[$0] }.joined(separator: "\n")
        return ImportedText(text: text.isEmpty ? "" : text + "\n", headingHints: hints, warnings: warnings)
    }

    /// Indices of the lines that belong to the article: toolbars, related-links headings and
    /// runs of three or more lines that are nothing but links (navigation, "related" lists)
    /// are dropped.
    static func articleLines(_ extractor: HTMLTextExtractor) -> [Int] {
        let lines = extractor.lines
        var dropped = [Bool](repeating: false, count: lines.count)
        var index = 0
        while index < lines.count {
            guard extractor.linkOnly[index] else {
                index += 1
                continue
            }
            var end = index
            while end < lines.count, extractor.linkOnly[end] { end += 1 }
            if end - index >= 3 {
                for line in index..<end { dropped[line] = true }
                if index > 0, HTMLBoilerplate.linkListHeadings.contains(Self.bare(lines[index - 1])) { dropped[index - 1] = true }
            }
            index = end
        }
        for (line, text) in lines.enumerated() where HTMLBoilerplate.isToolbarLine(text) { dropped[line] = true }
        return lines.indices.filter { !dropped[$0] }
    }

    private static func bare(_ line: String) -> String {
        line.filter { !" \t\u{3000}：:【】[]".contains($0) }
    }
}
