/// One line of `pdftotext -layout` output: its text without the layout indent, where it
/// starts, how far it reaches, and its page.
struct PDFTextLine {
    var text: String
    /// Columns of layout indent before the text.
    let indent: Int
    /// The column just past the last character, counting wide (CJK) characters as two.
    let rightEdge: Int
    let page: Int

    init(layoutLine: Substring, page: Int) {
        var indent = 0
        var rest = layoutLine[...]
        while let first = rest.first, first == " " {
            indent += 1
            rest = rest.dropFirst()
        }
        while let last = rest.last, last == " " || last == "\r" { rest = rest.dropLast() }
        self.text = String(rest)
        self.indent = indent
        self.rightEdge = indent + Self.width(of: rest)
        self.page = page
    }

    var isBlank: Bool { text.isEmpty }

    /// Layout columns, not terminal cells: pdftotext places a CJK character over two columns'
    /// width of the page grid. Only compared with other lines of the same document.
    static func width(of text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default: false
        }
    }

    static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return isWide(scalar)
    }
}
