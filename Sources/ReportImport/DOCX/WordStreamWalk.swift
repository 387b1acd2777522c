import CLibXML2

/// The streaming walk over `word/document.xml`, fed by libxml2's SAX2 events: a stack of what
/// each open element is for, so a node is judged by where it sits, as a tree walk would:
/// blocks of the body (and of content controls), table rows and cells, a paragraph's first
/// properties, and the runs whose `w:t` text is kept. Everything else is skipped whole.
struct WordStreamWalk {
    private enum Role {
        case root, blocks, contentControl, table, row, cell, cellTable, cellRow
        case paragraph(inCell: Bool), properties, numberingProperties, runs, text
    }

    private struct Frame {
        var role: Role
        /// Which first-of-a-kind children were met (`body`, `sdtContent`, `pPr`, `pStyle`, …),
        /// one bit each: a set would allocate for every paragraph.
        var seen: UInt8 = 0
    }

    private let names: Names
    private var stack: [Frame] = []
    /// Depth inside a subtree that is skipped whole (0: not skipping).
    private var skipDepth = 0
    /// The attributes of the element being entered (libxml2's five pointers per attribute).
    private var attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    private var attributeCount = 0
    private var paragraph = WordParagraphState()
    /// The cells of the body-level table row being read.
    private var rowCells: [String] = []
    /// The text parts of each open cell, innermost last (cells nest through inner tables).
    private var cellParts: [[String]] = []
    private(set) var sawBody = false

    /// - Parameter dictionary: the parser's name dictionary, so names compare as pointers.
    init(dictionary: xmlDictPtr?) {
        names = Names(dictionary)
    }

    mutating func startElement(
        _ name: UnsafePointer<xmlChar>?, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int
    ) {
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        self.attributes = attributes
        attributeCount = count
        if let frame = enter(name) { stack.append(frame) } else { skipDepth = 1 }
        self.attributes = nil
    }

    mutating func endElement(into document: inout WordDocumentText) {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        leave(into: &document)
    }

    mutating func characters(_ bytes: UnsafePointer<xmlChar>?, count: Int) {
        guard skipDepth == 0, let bytes, case .text = stack.last?.role else { return }
        paragraph.text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }

    /// The frame an opening element gets, or nil to skip its whole subtree.
    private mutating func enter(_ name: UnsafePointer<xmlChar>?) -> Frame? {
        guard let name else { return nil }
        guard let top = stack.last else { return Frame(role: .root) }
        let interned = names.interned
        func named(_ wanted: UnsafePointer<xmlChar>) -> Bool { interned ? name == wanted : xmlStrEqual(name, wanted) != 0 }
        /// True the first time a child of this name is met under the top frame.
        func first(_ wanted: UnsafePointer<xmlChar>, _ key: Int) -> Bool {
            let bit: UInt8 = 1 << key
            guard named(wanted), stack[stack.count - 1].seen & bit == 0 else { return false }
            stack[stack.count - 1].seen |= bit
            return true
        }
        switch top.role {
        case .root:
            guard first(names.body, 0) else { return nil }
            sawBody = true
            return Frame(role: .blocks)
        case .blocks:
            if named(names.p) { return startParagraph(inCell: false) }
            if named(names.tbl) { return Frame(role: .table) }
            if named(names.sdt) { return Frame(role: .contentControl) }
            return nil
        case .contentControl:
            return first(names.sdtContent, 0) ? Frame(role: .blocks) : nil
        case .table:
            return named(names.tr) ? Frame(role: .row) : nil
        case .row, .cellRow:
            guard named(names.tc) else { return nil }
            cellParts.append([])
            return Frame(role: .cell)
        case .cell:
            if named(names.p) { return startParagraph(inCell: true) }
            if named(names.tbl) { return Frame(role: .cellTable) }
            return nil
        case .cellTable:
            return named(names.tr) ? Frame(role: .cellRow) : nil
        case .paragraph:
            if named(names.pPr) { return first(names.pPr, 0) ? Frame(role: .properties) : nil }
            return enterRun(named)
        case .properties:
            if first(names.pStyle, 1) {
                paragraph.styleId = value()
            } else if first(names.numPr, 2) {
                return Frame(role: .numberingProperties)
            } else if first(names.outlineLvl, 3) {
                paragraph.outlineLevel = value()
            }
            return nil
        case .numberingProperties:
            if first(names.numId, 1) {
                paragraph.numId = value()
            } else if first(names.ilvl, 2) {
                paragraph.ilvl = value()
            }
            return nil
        case .runs:
            return enterRun(named)
        case .text:
            // A `w:t`'s text is all the text inside it.
            return Frame(role: .text)
        }
    }

    /// Inside a paragraph: text, tabs and breaks are kept; deleted text, field codes and
    /// drawings' own text boxes are skipped; any other wrapper (runs, hyperlinks, insertions,
    /// smart tags) is looked into.
    private mutating func enterRun(_ named: (UnsafePointer<xmlChar>) -> Bool) -> Frame? {
        if named(names.t) { return Frame(role: .text) }
        if named(names.tab) || named(names.ptab) {
            paragraph.text.append(UInt8(ascii: "\t"))
        } else if named(names.br) || named(names.cr) {
            paragraph.text.append(UInt8(ascii: "\n"))
        } else if named(names.noBreakHyphen) {
            paragraph.text.append(UInt8(ascii: "-"))
        } else if !names.skipped.contains(where: named) {
            return Frame(role: .runs)
        }
        return nil
    }

    private mutating func startParagraph(inCell: Bool) -> Frame {
        paragraph = WordParagraphState()
        return Frame(role: .paragraph(inCell: inCell))
    }

    private mutating func leave(into document: inout WordDocumentText) {
        guard let frame = stack.popLast() else { return }
        switch frame.role {
        case .paragraph(let inCell):
            let (text, level) = document.finish(paragraph)
            paragraph = WordParagraphState()
            if inCell {
                let flat = String(text.map { $0 == "\t" || $0 == "\n" ? " " : $0 })
                if !flat.isEmpty { cellParts[cellParts.count - 1].append(flat) }
            } else {
                document.emit(text, headingLevel: level)
            }
        case .cell:
            let text = cellParts.popLast()?.joined(separator: " ") ?? ""
            if case .cellRow = stack.last?.role {
                // A cell of an inner table adds to the cell around that table.
                if !text.isEmpty { cellParts[cellParts.count - 1].append(text) }
            } else {
                rowCells.append(text)
            }
        case .row:
            document.emit(rowCells.joined(separator: "\t"), headingLevel: nil)
            rowCells = []
        default:
            break
        }
    }

    /// The current element's `val` attribute (by local name, whatever its prefix).
    private func value() -> String? {
        guard let attributes else { return nil }
        for index in 0..<attributeCount {
            let base = attributes + index * 5
            guard names.interned ? base[0] == names.val : xmlStrEqual(base[0], names.val) != 0 else { continue }
            guard let start = base[3], let end = base[4] else { return "" }
            return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        }
        return nil
    }

    /// Element names interned in the parser's dictionary, so most comparisons are one pointer.
    private struct Names {
        let body, p, tbl, sdt, sdtContent, tr, tc, pPr, pStyle, numPr, numId, ilvl, outlineLvl: UnsafePointer<xmlChar>
        let t, tab, ptab, br, cr, noBreakHyphen, val: UnsafePointer<xmlChar>
        let skipped: [UnsafePointer<xmlChar>]
        /// libxml2 hands SAX2 element and attribute local names out of the same dictionary, so
        /// equal names are the same pointer: no byte comparison for the ~half a million
        /// elements of a 1 MB report.
        let interned: Bool

        /// For a walk without the parser's dictionary (the placeholder before the parser
        /// exists): one dictionary for the whole process, so the names are made once, not
        /// copied again by every walk. xmlStrEqual then compares by content.
        nonisolated(unsafe) private static let processDictionary = xmlDictCreate()

        init(_ dictionary: xmlDictPtr?) {
            interned = dictionary != nil
            let table = dictionary ?? Self.processDictionary
            func intern(_ name: String) -> UnsafePointer<xmlChar> {
                if let table, let interned = xmlDictLookup(table, name, -1) { return interned }
                return UnsafePointer(xmlStrdup(name)!)
            }
            (body, p, tbl, sdt, sdtContent) = (intern("body"), intern("p"), intern("tbl"), intern("sdt"), intern("sdtContent"))
            (tr, tc, pPr, pStyle, numPr) = (intern("tr"), intern("tc"), intern("pPr"), intern("pStyle"), intern("numPr"))
            (numId, ilvl, outlineLvl, t, tab) = (intern("numId"), intern("ilvl"), intern("outlineLvl"), intern("t"), intern("tab"))
            (ptab, br, cr, noBreakHyphen, val) = (intern("ptab"), intern("br"), intern("cr"), intern("noBreakHyphen"), intern("val"))
            skipped = ["pPr", "rPr", "del", "delText", "instrText", "fldData", "drawing", "pict", "object", "footnoteReference", "endnoteReference"].map(intern)
        }
    }
}
