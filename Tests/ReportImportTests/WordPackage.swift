import Foundation
import ZIPFoundation

/// Builds .docx packages for tests from XML strings.
enum WordPackage {
    static let namespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    static func document(body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document \(namespace)><w:body>\(body)</w:body></w:document>"
    }

    static func paragraph(_ text: String, numId: Int? = nil, ilvl: Int = 0, style: String? = nil) -> String {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if let numId { properties += "<w:numPr><w:ilvl w:val=\"\(ilvl)\"/><w:numId w:val=\"\(numId)\"/></w:numPr>" }
        return "<w:p><w:pPr>\(properties)</w:pPr><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    /// One abstract list per entry: its levels as (numFmt, lvlText, start).
    static func numbering(_ lists: [[(format: String, text: String, start: Int)]]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering \(namespace)>"
        for (index, levels) in lists.enumerated() {
            xml += "<w:abstractNum w:abstractNumId=\"\(index)\">"
            for (level, definition) in levels.enumerated() {
                xml += "<w:lvl w:ilvl=\"\(level)\"><w:start w:val=\"\(definition.start)\"/><w:numFmt w:val=\"\(definition.format)\"/><w:lvlText w:val=\"\(definition.text)\"/></w:lvl>"
            }
            xml += "</w:abstractNum>"
        }
        for index in lists.indices {
            xml += "<w:num w:numId=\"\(index + 1)\"><w:abstractNumId w:val=\"\(index)\"/></w:num>"
        }
        return xml + "</w:numbering>"
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """

    /// A ZIP holding the given parts (path → bytes), deflated unless told otherwise.
    static func zip(_ parts: [(String, Data)], compression: CompressionMethod = .deflate) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compression) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data ?? Data())
    }

    static func docx(
        document: String, numbering: String? = nil, styles: String? = nil, compression: CompressionMethod = .deflate
    ) throws -> [UInt8] {
        var parts: [(String, Data)] = [("[Content_Types].xml", Data(contentTypes.utf8)), ("word/document.xml", Data(document.utf8))]
        if let numbering { parts.append(("word/numbering.xml", Data(numbering.utf8))) }
        if let styles { parts.append(("word/styles.xml", Data(styles.utf8))) }
        return try zip(parts, compression: compression)
    }
}
