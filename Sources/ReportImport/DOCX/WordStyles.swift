import CLibXML2

/// Paragraph styles (`word/styles.xml`): which are headings, and which carry numbering.
struct WordStyles {
    struct Style {
        var name = ""
        var basedOn: String?
        var numId: String?
        var ilvl: Int?
        var outlineLevel: Int?
    }

    private var styles: [String: Style] = [:]

    init(part: XMLPart?) {
        guard let root = part?.root else { return }
        for node in XMLPart.children(root, named: "style") where XMLPart.attribute(node, "type") == "paragraph" {
            guard let id = XMLPart.attribute(node, "styleId") else { continue }
            var style = Style()
            style.name = XMLPart.child(node, named: "name").flatMap { XMLPart.attribute($0, "val") } ?? ""
            style.basedOn = XMLPart.child(node, named: "basedOn").flatMap { XMLPart.attribute($0, "val") }
            if let properties = XMLPart.child(node, named: "pPr") {
                if let numbering = XMLPart.child(properties, named: "numPr") {
                    style.numId = XMLPart.child(numbering, named: "numId").flatMap { XMLPart.attribute($0, "val") }
                    style.ilvl = XMLPart.child(numbering, named: "ilvl").flatMap { XMLPart.attribute($0, "val") }.flatMap(Int.init)
                }
                style.outlineLevel = XMLPart.child(properties, named: "outlineLvl").flatMap { XMLPart.attribute($0, "val") }.flatMap(Int.init)
            }
            styles[id] = style
        }
    }

    /// The heading level (1-based) a style gives: `heading 2`, `标题 2`, or an outline level.
    func headingLevel(of id: String) -> Int? {
        var current: String? = id
        for _ in 0..<10 {
            guard let key = current, let style = styles[key] else { return nil }
            if let outline = style.outlineLevel, outline < 9 { return outline + 1 }
            let name = style.name.lowercased()
            for prefix in ["heading", "标题"] where name.hasPrefix(prefix) {
                if let level = Int(name.dropFirst(prefix.count).filter { !$0.isWhitespace }), (1...9).contains(level) { return level }
            }
            current = style.basedOn
        }
        return nil
    }

    /// The numbering a style applies to its paragraphs, inherited through `basedOn`.
    func numbering(of id: String) -> (numId: String, ilvl: Int)? {
        var current: String? = id
        for _ in 0..<10 {
            guard let key = current, let style = styles[key] else { return nil }
            if let numId = style.numId { return (numId, style.ilvl ?? 0) }
            current = style.basedOn
        }
        return nil
    }
}
