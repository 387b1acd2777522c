import CLibXML2

/// The WordprocessingML names the walk looks for, by local name: the prefix is whatever the
/// document bound (`w:` nearly always), as the namespace-aware reader it replaces did.
enum WordName: UInt8 {
    case other
    case body, p, tbl, sdt, sdtContent, tr, tc, pPr, pStyle, numPr, numId, ilvl, outlineLvl
    case t, tab, ptab, br, cr, noBreakHyphen, val
    /// Run content whose text is not the page's: deleted text, field codes, drawings, notes.
    case skipped

    static let byLocalName: [String: WordName] = [
        "body": .body, "p": .p, "tbl": .tbl, "sdt": .sdt, "sdtContent": .sdtContent, "tr": .tr, "tc": .tc,
        "pPr": .pPr, "pStyle": .pStyle, "numPr": .numPr, "numId": .numId, "ilvl": .ilvl, "outlineLvl": .outlineLvl,
        "t": .t, "tab": .tab, "ptab": .ptab, "br": .br, "cr": .cr, "noBreakHyphen": .noBreakHyphen, "val": .val,
        "rPr": .skipped, "del": .skipped, "delText": .skipped, "instrText": .skipped, "fldData": .skipped,
        "drawing": .skipped, "pict": .skipped, "object": .skipped,
        "footnoteReference": .skipped, "endnoteReference": .skipped,
    ]
}

/// Element and attribute names to `WordName`, remembered by pointer. libxml2 interns every
/// name it reports in the parser's dictionary, so a name met again is the same pointer and
/// costs one probe of a small table instead of a byte comparison per candidate name — the
/// walk asks for half a million names in a 1 MB report, from about a hundred distinct ones.
/// A pointer is remembered only when the dictionary owns it (a pointer that is not interned
/// could later hold another name); others are classified by their bytes every time.
final class WordNameTable {
    private struct Slot {
        var name: UnsafePointer<xmlChar>?
        var code: WordName
    }

    private static let capacity = 1024
    private let slots: UnsafeMutablePointer<Slot>
    private var filled = 0
    private let dictionary: xmlDictPtr?

    init(dictionary: xmlDictPtr?) {
        self.dictionary = dictionary
        slots = .allocate(capacity: Self.capacity)
        slots.initialize(repeating: Slot(name: nil, code: .other), count: Self.capacity)
    }

    deinit {
        slots.deinitialize(count: Self.capacity)
        slots.deallocate()
    }

    func code(_ name: UnsafePointer<xmlChar>) -> WordName {
        let mask = Self.capacity - 1
        // Dictionary strings are at least 8-byte aligned apart; mix the bits above that.
        var index = Int(truncatingIfNeeded: ((UInt(bitPattern: name) >> 3) &* 0x9E37_79B9_7F4A_7C15) >> 54) & mask
        while let known = slots[index].name {
            if known == name { return slots[index].code }
            index = (index + 1) & mask
        }
        let code = Self.classify(name)
        // Half full at most, so probes stay short and the loop above always meets an empty slot.
        if let dictionary, filled < Self.capacity / 2, xmlDictOwns(dictionary, name) == 1 {
            slots[index] = Slot(name: name, code: code)
            filled += 1
        }
        return code
    }

    /// The name's code from its bytes: the part after the last `:` (SAX1 hands out qualified
    /// names such as `w:p`, SAX2 local names).
    static func classify(_ name: UnsafePointer<xmlChar>) -> WordName {
        let length = Int(xmlStrlen(name))
        var start = 0
        for index in 0..<length where name[index] == UInt8(ascii: ":") { start = index + 1 }
        let local = String(decoding: UnsafeBufferPointer(start: name + start, count: length - start), as: UTF8.self)
        return WordName.byLocalName[local] ?? .other
    }
}
