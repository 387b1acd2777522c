import CNCursesW
import ReportUI

/// What curses holds for one cell of the window, read back for the headless checks.
package struct CursesCell: Hashable, Sendable {
    package var text: String
    /// The right half of a wide character (curses repeats the character there).
    package var isContinuation: Bool
    package var attributes: TextAttributes
    package var colorPair: Int
}

extension CursesTerminal {
    package func cell(x: Int, y: Int) -> CursesCell {
        var stored = cchar_t()
        mvwin_wch(window, Int32(y), Int32(x), &stored)
        var characters = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        getcchar(&stored, &characters, &attributes, &pair, nil)
        return CursesCell(
            text: Self.string(from: characters),
            isContinuation: cnc_wide_cell_part(&stored) > 1,
            attributes: Self.textAttributes(attributes),
            colorPair: Int(pair))
    }

    /// One row as curses would show it, read with win_wchnstr (which skips the right halves
    /// of wide characters).
    package func rowText(_ y: Int) -> String {
        let width = size.width
        var stored = [cchar_t](repeating: cchar_t(), count: width + 1)
        let count = mvwin_wchnstr(window, Int32(y), 0, &stored, Int32(width))
        guard count != ERR else { return "" }
        var text = ""
        for var element in stored {
            var characters = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
            var attributes: attr_t = 0
            var pair: Int16 = 0
            getcchar(&element, &characters, &attributes, &pair, nil)
            if characters[0] == 0 { break }
            text += Self.string(from: characters)
        }
        return text
    }

    /// The colours a pair was defined with, as curses reports them (-1: terminal default).
    package func colors(ofPair pair: Int) -> (foreground: Int, background: Int)? {
        var foreground: Int16 = 0
        var background: Int16 = 0
        guard pair_content(Int16(pair), &foreground, &background) == OK else { return nil }
        return (Int(foreground), Int(background))
    }

    package var definedColorPairs: Int { colorPairs?.pairs.count ?? 0 }

    package var windowCursor: (x: Int, y: Int) {
        (Int(getcurx(window)), Int(getcury(window)))
    }

    private static func string(from characters: [wchar_t]) -> String {
        var text = ""
        for value in characters {
            guard value != 0, let scalar = Unicode.Scalar(UInt32(bitPattern: value)) else { break }
            text.unicodeScalars.append(scalar)
        }
        return text
    }

    private static func textAttributes(_ attributes: attr_t) -> TextAttributes {
        var result: TextAttributes = []
        if attributes & cnc_attr_bold() != 0 { result.insert(.bold) }
        if attributes & cnc_attr_reverse() != 0 { result.insert(.reverse) }
        if attributes & cnc_attr_underline() != 0 { result.insert(.underline) }
        if attributes & cnc_attr_dim() != 0 { result.insert(.dim) }
        return result
    }
}
