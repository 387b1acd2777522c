/// The alignment as JSON for scripts and the accuracy measurement:
/// `{"old": {"file", "title"}, "new": {"file", "title"}, "pairs": [{"old": S|null, "new": S|null,
/// "status", "similarity"}]}` with `S = {"address", "markers", "heading"}`, the markers of the
/// section and its ancestors outermost first.
public enum AlignmentExport {
    public static func json(
        _ alignment: SectionAlignment, old: Report, oldFile: String, new: Report, newFile: String,
        pairs positions: [Int]? = nil
    ) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        for (key, report, file) in [("old", old, oldFile), ("new", new, newFile)] {
            writer.key(key)
            writer.beginObject()
            writer.key("file")
            writer.value(file)
            writer.key("title")
            writer.value(report.title)
            writer.endObject()
        }
        writer.key("pairs")
        writer.beginArray()
        for position in positions ?? Array(alignment.pairs.indices) {
            let pair = alignment.pairs[position]
            writer.beginObject()
            writer.key("old")
            writeSection(pair.old, of: old, into: &writer)
            writer.key("new")
            writeSection(pair.new, of: new, into: &writer)
            writer.key("status")
            writer.value(pair.status.rawValue)
            writer.key("similarity")
            writer.value(fraction: pair.similarity)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.output + "\n"
    }

    private static func writeSection(_ index: Int?, of report: Report, into writer: inout JSONWriter) {
        guard let index else {
            writer.null()
            return
        }
        let section = report.sections[index]
        writer.beginObject()
        writer.key("address")
        writer.value(section.address)
        writer.key("markers")
        writer.beginArray()
        for ancestor in report.path(to: index) { writer.value(report.sections[ancestor].markerText) }
        writer.endArray()
        writer.key("heading")
        writer.value(section.headingText)
        writer.endObject()
    }

    /// `~ 3.2 (二)强化述职述法 → 3.3 (三)强化述职述法  0.82`: one line per pair, indented by depth.
    public static func line(_ pair: AlignedPair, old: Report, new: Report) -> String {
        var text = String(pair.status.mark) + " "
        let depth = (pair.new.map { new.sections[$0].depth } ?? pair.old.map { old.sections[$0].depth }) ?? 1
        text += String(repeating: "  ", count: max(depth - 1, 0))
        switch (pair.old, pair.new) {
        case (let o?, let n?):
            let oldSection = old.sections[o]
            let newSection = new.sections[n]
            text += oldSection.address + " " + OutlineExport.displayHeading(oldSection)
            if pair.status == .same { return text }
            text += " → " + newSection.address
            if OutlineExport.displayHeading(newSection) != OutlineExport.displayHeading(oldSection) {
                text += " " + OutlineExport.displayHeading(newSection)
            }
            if pair.status != .moved {
                text += "  " + pair.status.rawValue + " " + percent(pair.similarity)
            } else {
                text += "  moved"
            }
        case (let o?, nil):
            text += old.sections[o].address + " " + OutlineExport.displayHeading(old.sections[o])
        case (nil, let n?):
            text += new.sections[n].address + " " + OutlineExport.displayHeading(new.sections[n])
        case (nil, nil):
            break
        }
        return text
    }

    static func percent(_ value: Double) -> String {
        String(Int((value * 100).rounded())) + "%"
    }
}
