import CLibXML2
import ReportKit

/// Walks a parsed page and writes its text the way the corpus texts were made: each block
/// element gives a line, the cells of a table row are joined with a TAB, a line break inside
/// a text node is a space, `&nbsp;` is a space, lines are trimmed of ASCII spaces and tabs only
/// (U+3000 indents are the document's own), and empty lines are dropped.
///
/// The walk follows parent/child/sibling pointers instead of recursing, so a page nested
/// 100,000 levels deep costs no stack.
struct HTMLTextExtractor {
    private(set) var lines: [String] = []
    /// 0-based line → heading level, from `<h1>`…`<h6>`.
    private(set) var headingHints: [Int: Int] = [:]
    /// Per line: all its text was inside links (a navigation or related-links entry).
    private(set) var linkOnly: [Bool] = []

    private var current = ""
    private var currentLinkBytes = 0
    private var currentTextBytes = 0
    private var currentHeading: Int?
    private var linkDepth = 0
    /// Cells seen in each open table row, innermost last.
    private var rowCells: [Int] = []

    static let blockElements: Set<String> = [
        "p", "div", "br", "tr", "li", "ul", "ol", "dl", "dt", "dd", "table", "tbody", "thead", "tfoot", "caption",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article", "main", "address", "center",
        "form", "fieldset", "legend", "hr", "figure", "figcaption", "body", "html", "title", "details", "summary",
    ]

    /// Text directly inside these is layout whitespace, never shown by a browser.
    static let tableStructure: Set<String> = ["table", "tbody", "thead", "tfoot", "tr", "colgroup"]

    mutating func extract(root: UnsafeMutablePointer<xmlNode>) {
        var node: UnsafeMutablePointer<xmlNode>? = root
        var insideArticle = 0
        while let visiting = node {
            var descend = false
            switch visiting.pointee.type {
            case XML_ELEMENT_NODE:
                let name = Self.name(of: visiting)
                if !skips(visiting, name: name, insideArticle: insideArticle > 0) {
                    enter(visiting, name: name)
                    if name == "article" || name == "main" { insideArticle += 1 }
                    descend = visiting.pointee.children != nil
                    if !descend {
                        leave(name: name)
                        if name == "article" || name == "main" { insideArticle -= 1 }
                    }
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let parentName = visiting.pointee.parent.map(Self.name(of:)) ?? ""
                if !Self.tableStructure.contains(parentName), let content = visiting.pointee.content {
                    append(text: content)
                }
            default:
                break
            }
            if descend {
                node = visiting.pointee.children
                continue
            }
            // Next sibling, or up until an ancestor has one, leaving each ancestor on the way.
            var climbing: UnsafeMutablePointer<xmlNode>? = visiting
            node = nil
            while let at = climbing, at != root {
                if let next = at.pointee.next {
                    node = next
                    break
                }
                climbing = at.pointee.parent
                if let parent = climbing, parent.pointee.type == XML_ELEMENT_NODE {
                    let name = Self.name(of: parent)
                    leave(name: name)
                    if name == "article" || name == "main" { insideArticle -= 1 }
                }
            }
        }
        flush()
    }

    private func skips(_ node: UnsafeMutablePointer<xmlNode>, name: String, insideArticle: Bool) -> Bool {
        if name == "header" || name == "footer" { return !insideArticle }
        if HTMLBoilerplate.droppedElements.contains(name) { return true }
        if Self.attribute("hidden", of: node) != nil { return true }
        if let style = Self.attribute("style", of: node), Self.styleHides(style) { return true }
        if let role = Self.attribute("role", of: node)?.lowercased(), HTMLBoilerplate.chromeRoles.contains(role) { return true }
        let classAndID = (Self.attribute("class", of: node) ?? "") + " " + (Self.attribute("id", of: node) ?? "")
        return classAndID.count > 1 && HTMLBoilerplate.isChrome(classAndID: classAndID)
    }

    private mutating func enter(_ node: UnsafeMutablePointer<xmlNode>, name: String) {
        switch name {
        case "td", "th":
            if let cells = rowCells.last {
                if cells > 0 { current += "\t" }
                rowCells[rowCells.count - 1] = cells + 1
            }
        case "tr":
            flush()
            rowCells.append(0)
        case "a":
            linkDepth += 1
        default:
            if Self.blockElements.contains(name) { flush() }
            if name.count == 2, name.first == "h", let level = name.last?.wholeNumberValue, (1...6).contains(level) {
                currentHeading = level
            }
        }
    }

    private mutating func leave(name: String) {
        switch name {
        case "td", "th": break
        case "tr":
            flush()
            if !rowCells.isEmpty { rowCells.removeLast() }
        case "a":
            linkDepth = max(0, linkDepth - 1)
        default:
            if Self.blockElements.contains(name) { flush() }
        }
    }

    private mutating func append(text content: UnsafePointer<xmlChar>) {
        var utf8 = [UInt8]()
        var pointer = content
        while pointer.pointee != 0 {
            let byte = pointer.pointee
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): utf8.append(UInt8(ascii: " "))
            case 0xC2 where pointer.successor().pointee == 0xA0:
                utf8.append(UInt8(ascii: " "))
                pointer = pointer.successor()
            default: utf8.append(byte)
            }
            pointer = pointer.successor()
        }
        let text = String(decoding: utf8, as: UTF8.self)
        current += text
        let visible = utf8.reduce(0) { $0 + ($1 > 0x20 ? 1 : 0) }
        currentTextBytes += visible
        if linkDepth > 0 { currentLinkBytes += visible }
    }

    private mutating func flush() {
        let trimmed = Self.trimASCIISpaceAndTab(current)
        if !trimmed.isEmpty {
            if let currentHeading { headingHints[lines.count] = currentHeading }
            lines.append(trimmed)
            linkOnly.append(currentTextBytes > 0 && currentLinkBytes == currentTextBytes)
        }
        current = ""
        currentLinkBytes = 0
        currentTextBytes = 0
        currentHeading = nil
    }

    /// `display:none` or `visibility:hidden` in an inline style, any case and spacing. Byte
    /// matching: every element of a saved page has a style, and Foundation's search is slow.
    static func styleHides(_ style: String) -> Bool {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(style.utf8.count)
        for byte in style.utf8 where byte != 0x20 { bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        return contains(bytes, Array("display:none".utf8)) || contains(bytes, Array("visibility:hidden".utf8))
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }

    static func trimASCIISpaceAndTab(_ text: String) -> String {
        let utf8 = Array(text.utf8)
        var start = 0
        var end = utf8.count
        while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 { start += 1 }
        while end > start, utf8[end - 1] == 0x20 || utf8[end - 1] == 0x09 { end -= 1 }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    static func name(of node: UnsafeMutablePointer<xmlNode>) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    static func attribute(_ name: String, of node: UnsafeMutablePointer<xmlNode>) -> String? {
        let found = name.withCString { xmlGetProp(node, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        guard let value = found else { return nil }
        defer { report_xml_free(value) }
        return String(cString: value)
    }
}
