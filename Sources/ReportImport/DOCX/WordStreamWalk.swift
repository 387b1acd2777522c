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

    private let names: WordNameTable
    private var stack: [Frame] = []
    /// Depth inside a subtree that is skipped whole (0: not skipping).
    private var skipDepth = 0
    /// The attributes of the element being entered, in the layout of the event that gave them.
    private var attributes: Attributes = .none
    private var paragraph = WordParagraphState()
    /// The cells of the body-level table row being read.
    private var rowCells: [[UInt8]] = []
    /// The text parts of each open cell, innermost last (cells nest through inner tables).
    private var cellParts: [[[UInt8]]] = []
    private(set) var sawBody = false

    /// How libxml2 handed over an element's attributes.
    enum Attributes {
        case none
        /// SAX1: name, value, name, value, …, nil.
        case pairs(UnsafeMutablePointer<UnsafePointer<xmlChar>?>)
        /// SAX2: local name, prefix, URI, value start, value end per attribute.
        case quintuples(UnsafeMutablePointer<UnsafePointer<xmlChar>?>, count: Int)
    }

    /// - Parameter dictionary: the parser's name dictionary, so names are known by pointer.
    init(dictionary: xmlDictPtr?) {
        names = WordNameTable(dictionary: dictionary)
    }

    mutating func startElement(_ name: UnsafePointer<xmlChar>?, attributes: Attributes) {
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        self.attributes = attributes
        if let frame = enter(name.map(names.code) ?? .other, isNamed: name != nil) { stack.append(frame) } else { skipDepth = 1 }
        self.attributes = .none
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
    private mutating func enter(_ name: WordName, isNamed: Bool) -> Frame? {
        guard isNamed else { return nil }
        guard let top = stack.last else { return Frame(role: .root) }
        /// True the first time a child of this name is met under the top frame.
        func first(_ wanted: WordName, _ key: Int) -> Bool {
            let bit: UInt8 = 1 << key
            guard name == wanted, stack[stack.count - 1].seen & bit == 0 else { return false }
            stack[stack.count - 1].seen |= bit
            return true
        }
        switch top.role {
        case .root:
            guard first(.body, 0) else { return nil }
            sawBody = true
            return Frame(role: .blocks)
        case .blocks:
            switch name {
            case .p: return startParagraph(inCell: false)
            case .tbl: return Frame(role: .table)
            case .sdt: return Frame(role: .contentControl)
            default: return nil
            }
        case .contentControl:
            return first(.sdtContent, 0) ? Frame(role: .blocks) : nil
        case .table:
            return name == .tr ? Frame(role: .row) : nil
        case .row, .cellRow:
            guard name == .tc else { return nil }
            cellParts.append([])
            return Frame(role: .cell)
        case .cell:
            switch name {
            case .p: return startParagraph(inCell: true)
            case .tbl: return Frame(role: .cellTable)
            default: return nil
            }
        case .cellTable:
            return name == .tr ? Frame(role: .cellRow) : nil
        case .paragraph:
            if name == .pPr { return first(.pPr, 0) ? Frame(role: .properties) : nil }
            return enterRun(name)
        case .properties:
            if first(.pStyle, 1) {
                paragraph.styleId = value()
            } else if first(.numPr, 2) {
                return Frame(role: .numberingProperties)
            } else if first(.outlineLvl, 3) {
                paragraph.outlineLevel = value()
            }
            return nil
        case .numberingProperties:
            if first(.numId, 1) {
                paragraph.numId = value()
            } else if first(.ilvl, 2) {
                paragraph.ilvl = value()
            }
            return nil
        case .runs:
            return enterRun(name)
        case .text:
            // A `w:t`'s text is all the text inside it.
            return Frame(role: .text)
        }
    }

    /// Inside a paragraph: text, tabs and breaks are kept; deleted text, field codes and
    /// drawings' own text boxes are skipped; any other wrapper (runs, hyperlinks, insertions,
    /// smart tags) is looked into.
    private mutating func enterRun(_ name: WordName) -> Frame? {
        switch name {
        case .t: return Frame(role: .text)
        case .tab, .ptab: paragraph.text.append(UInt8(ascii: "\t"))
        case .br, .cr: paragraph.text.append(UInt8(ascii: "\n"))
        case .noBreakHyphen: paragraph.text.append(UInt8(ascii: "-"))
        case .pPr, .skipped: break
        default: return Frame(role: .runs)
        }
        return nil
    }

    private mutating func startParagraph(inCell: Bool) -> Frame {
        paragraph.reset()
        return Frame(role: .paragraph(inCell: inCell))
    }

    private mutating func leave(into document: inout WordDocumentText) {
        guard let frame = stack.popLast() else { return }
        switch frame.role {
        case .paragraph(let inCell):
            if inCell {
                var flat = document.finish(paragraph).text
                for index in flat.indices where flat[index] == UInt8(ascii: "\t") || flat[index] == UInt8(ascii: "\n") {
                    flat[index] = UInt8(ascii: " ")
                }
                if !flat.isEmpty { cellParts[cellParts.count - 1].append(flat) }
            } else {
                document.emitParagraph(paragraph)
            }
            paragraph.reset()
        case .cell:
            let text = Self.joined(cellParts.popLast() ?? [], separator: UInt8(ascii: " "))
            if case .cellRow = stack.last?.role {
                // A cell of an inner table adds to the cell around that table.
                if !text.isEmpty { cellParts[cellParts.count - 1].append(text) }
            } else {
                rowCells.append(text)
            }
        case .row:
            document.emit(Self.joined(rowCells, separator: UInt8(ascii: "\t"))[...], headingLevel: nil)
            rowCells = []
        default:
            break
        }
    }

    private static func joined(_ parts: [[UInt8]], separator: UInt8) -> [UInt8] {
        var joined: [UInt8] = []
        for (index, part) in parts.enumerated() {
            if index > 0 { joined.append(separator) }
            joined += part
        }
        return joined
    }

    /// The current element's `val` attribute (by local name, whatever its prefix).
    private func value() -> String? {
        func text(_ start: UnsafePointer<xmlChar>, _ count: Int) -> String {
            String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
        }
        switch attributes {
        case .none:
            return nil
        case .pairs(let list):
            var index = 0
            while let name = list[index] {
                if names.code(name) == .val { return list[index + 1].map { text($0, Int(xmlStrlen($0))) } ?? "" }
                index += 2
            }
            return nil
        case .quintuples(let list, let count):
            for index in 0..<count {
                let base = list + index * 5
                guard let name = base[0], names.code(name) == .val else { continue }
                guard let start = base[3], let end = base[4] else { return "" }
                return text(start, end - start)
            }
            return nil
        }
    }
}
