/// Repairs what PDF text layers are known to do to a line.
enum PDFLineRepair {
    static func repair(_ text: String) -> String {
        var repaired = privateUseDecimalPoints(text)
        if isLetterSpaced(repaired) { repaired = closeLetterSpacing(repaired) }
        return repaired
    }

    /// Some fonts map the decimal point to a private-use code point (U+1001B0 in WPS output,
    /// others in U+E000–F8FF). Between two digits it can only be a decimal point.
    static func privateUseDecimalPoints(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isPrivateUse) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if isPrivateUse(scalar), index > 0, index + 1 < scalars.count,
                isDigit(scalars[index - 1]), isDigit(scalars[index + 1])
            {
                result.append(".")
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    static func isPrivateUse(_ scalar: Unicode.Scalar) -> Bool {
        (0xE000...0xF8FF).contains(scalar.value) || scalar.value >= 0xF0000
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
    }

    /// Justified or letter-spaced lines come out as `第 二 产 业 增 加 值`: single spaces
    /// between most pairs of CJK characters. One `第一章 总则` gap is not letter-spacing.
    static func isLetterSpaced(_ text: String) -> Bool {
        // Scalars, not Characters: this runs on every line, and grapheme breaking is most of
        // the cost of a Character walk. A CJK character is one scalar.
        var spacedPairs = 0
        var tightPairs = 0
        var before: Unicode.Scalar?
        var beforeThat: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if PDFTextLine.isWide(scalar) {
                if let before, PDFTextLine.isWide(before) {
                    tightPairs += 1
                } else if before == " ", let beforeThat, PDFTextLine.isWide(beforeThat) {
                    spacedPairs += 1
                }
            }
            beforeThat = before
            before = scalar
        }
        return spacedPairs >= 2 && spacedPairs * 10 >= (spacedPairs + tightPairs) * 6
    }

    /// Drops single spaces next to a CJK character; runs of spaces (column gaps) stay.
    static func closeLetterSpacing(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        for (index, character) in characters.enumerated() {
            if character == " ", index > 0, index + 1 < characters.count,
                characters[index - 1] != " ", characters[index + 1] != " ",
                PDFTextLine.isCJK(characters[index - 1]) || PDFTextLine.isCJK(characters[index + 1])
            {
                continue
            }
            result.append(character)
        }
        return result
    }

    /// Layout mode keeps table columns apart with runs of spaces; three or more become a TAB,
    /// which is how the parser and the corpus texts separate cells.
    static func columnsToTabs(_ text: String) -> (text: String, isTableRow: Bool) {
        guard hasColumnGap(text.utf8) else { return (text, false) }
        var result = ""
        var spaces = 0
        for character in text {
            if character == " " {
                spaces += 1
                continue
            }
            if spaces >= 3 { result.append("\t") } else { result += String(repeating: " ", count: spaces) }
            spaces = 0
            result.append(character)
        }
        return (result, true)
    }

    /// Three spaces in a row, found on the bytes (Foundation's `contains` costs more per line
    /// than the rest of the repair).
    static func hasColumnGap(_ bytes: String.UTF8View) -> Bool {
        var run = 0
        for byte in bytes {
            run = byte == UInt8(ascii: " ") ? run + 1 : 0
            if run == 3 { return true }
        }
        return false
    }
}
