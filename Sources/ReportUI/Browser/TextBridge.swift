/// The browser's only doorway to the text layer (wrapping, clipping, visible control
/// characters), so the panes do not depend on its exact spelling.
///
/// TEMPORARY: the bodies are stand-ins until the text layer lands on this branch; they wrap
/// greedily by display width without the Chinese line-break rules.
package enum BrowserText {
    /// Wrapped lines of a paragraph as UTF-8 offset ranges relative to `text`. Always at least
    /// one line, so an empty paragraph still takes a row.
    package static func wrap(_ text: Substring, width: Int) -> [Range<Int>] {
        let width = max(1, width)
        var ranges: [Range<Int>] = []
        var lineStart = 0
        var offset = 0
        var used = 0
        for character in text {
            let cells = DisplayWidth.of(character)
            let bytes = character.utf8.count
            if used + cells > width, offset > lineStart {
                ranges.append(lineStart..<offset)
                lineStart = offset
                used = 0
            }
            used += cells
            offset += bytes
        }
        ranges.append(lineStart..<offset)
        return ranges
    }

    /// `text` cut to `width` cells, ending in `ellipsis` when something was cut.
    package static func clip(_ text: some StringProtocol, toWidth width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return String(text) }
        let room = width - DisplayWidth.of(ellipsis)
        guard room >= 0 else { return "" }
        var result = ""
        var used = 0
        for character in text {
            let cells = DisplayWidth.of(character)
            if used + cells > room { break }
            result.append(character)
            used += cells
        }
        return result + ellipsis
    }

    /// Control characters replaced by visible placeholders, so nothing raw reaches the terminal.
    package static func visible(_ text: some StringProtocol) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: result += " "
            case 0x00..<0x20: result.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: result += "\u{2421}"
            case 0x80..<0xA0: result += "?"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
