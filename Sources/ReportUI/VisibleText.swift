/// Terminal safety. A report is untrusted input: an ESC in it would start an escape sequence
/// that can clear the screen or retitle the window, and a bidi override would make the terminal
/// reorder what follows. Such characters are replaced by visible placeholders before anything
/// is drawn or measured:
///
/// - C0 controls and DEL in caret notation, two cells: `^[` (ESC), `^A`, `^M`, `^?` (DEL).
///   TAB is the exception: it becomes one space here; `LineBreaker` expands it to tab stops.
/// - C1 controls, bidi controls, line/paragraph separators, the deprecated format characters,
///   interlinear annotations and tag characters as `<U+202E>`.
///
/// Zero-width joiners and spaces (U+200B–U+200D, U+2060, U+FEFF) are harmless and stay as
/// they are, so that emoji sequences and deliberate break hints survive.
public enum VisibleText {
    /// The visible form of a character, or nil when it is safe to draw as it is. A grapheme
    /// cluster holding several scalars (CR LF, a letter carrying tag characters) gets each
    /// unsafe scalar replaced and keeps the rest.
    public static func placeholder(for character: Character) -> String? {
        let scalars = character.unicodeScalars
        guard scalars.contains(where: needsPlaceholder) else { return nil }
        // Tag characters are legitimate inside an emoji tag sequence (the flags of England,
        // Scotland, Wales), which always starts with the black flag.
        if scalars.first?.value == 0x1F3F4,
            scalars.allSatisfy({ !needsPlaceholder($0) || isTag($0) })
        {
            return nil
        }
        var visible = ""
        for scalar in scalars {
            if let text = placeholder(for: scalar) {
                visible += text
            } else {
                visible.unicodeScalars.append(scalar)
            }
        }
        return visible
    }

    /// The text with every unsafe character replaced by its placeholder.
    public static func sanitize(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: needsPlaceholder) else { return String(text) }
        var visible = ""
        for character in text {
            if let replacement = placeholder(for: character) {
                visible += replacement
            } else {
                visible.append(character)
            }
        }
        return visible
    }

    /// The placeholder of a single scalar, nil when it is safe.
    static func placeholder(for scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        guard needsPlaceholder(scalar) else { return nil }
        if value == 0x09 { return " " }
        if value < 0x20 { return "^" + String(UnicodeScalar(UInt8(value + 0x40))) }
        if value == 0x7F { return "^?" }
        return "<U+" + hex(value) + ">"
    }

    /// Width of a scalar's placeholder, without building the string: this runs for every
    /// character measured.
    static func placeholderWidth(for scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0x09 { return 1 }
        if value < 0x20 || value == 0x7F { return 2 }
        return 4 + max(4, hexDigitCount(value))
    }

    static func needsPlaceholder(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return true }
        if value < 0x7F { return false }
        if value <= 0x9F { return true }
        if value < 0x061C { return false }
        switch value {
        case 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x206F, 0xFFF9...0xFFFB:
            return true
        default:
            return isTag(scalar)
        }
    }

    private static func isTag(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0xE0001 || (0xE0020...0xE007F).contains(scalar.value)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private static func hexDigitCount(_ value: UInt32) -> Int {
        var count = 1
        var rest = value >> 4
        while rest > 0 {
            count += 1
            rest >>= 4
        }
        return count
    }
}
