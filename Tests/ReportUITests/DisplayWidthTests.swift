import Testing

@testable import ReportUI

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("~", 1), ("汉", 2), ("，", 2), ("。", 2), ("　", 2), ("가", 2), ("ｱ", 1),
        ("①", 1), ("…", 1), ("“", 1), ("e\u{301}", 1), ("\u{301}", 0), ("😀", 2), ("❤\u{FE0F}", 2),
        ("🇨🇳", 2), ("\u{200B}", 0), ("\u{200D}", 0), ("\u{2060}", 0), ("\u{FFFD}", 1),
        ("\u{378}", 1), ("\u{2FFFD}", 2), ("\u{1B}", 2), ("\u{7}", 2), ("\u{7F}", 2), ("\t", 1),
        ("\u{85}", 8), ("\u{202E}", 8), ("\u{2067}", 8), ("\u{E0068}", 9), ("\r\n", 4),
    ] as [(Character, Int)])
    func characterWidth(character: Character, expected: Int) {
        #expect(DisplayWidth.of(character) == expected, "U+\(scalars(character))")
    }

    /// Measuring and drawing agree: a character's width is the width of what gets drawn.
    @Test(arguments: [
        "a", "汉", "\u{1B}", "\u{7F}", "\u{9B}", "\u{202E}", "\u{200F}", "\u{61C}", "\r\n", "\u{E0068}",
        "e\u{301}", "😀",
    ] as [Character])
    func widthIsThePlaceholderWidth(character: Character) {
        let drawn = VisibleText.placeholder(for: character) ?? String(character)
        #expect(VisibleText.sanitize(drawn) == drawn, "a placeholder needs no placeholder")
        #expect(DisplayWidth.of(character) == DisplayWidth.of(drawn))
        var screen = Screen(size: Size(width: 20, height: 1))
        #expect(screen.put(String(character), x: 0, y: 0, style: .plain) == DisplayWidth.of(character), "\(screen.dump())")
    }

    @Test(arguments: [
        ("①", true), ("─", true), ("│", true), ("…", true), ("·", true), ("“", true),
        ("a", false), ("汉", false), ("|", false), ("-", false),
    ] as [(Unicode.Scalar, Bool)])
    func ambiguousCharacters(scalar: Unicode.Scalar, expected: Bool) {
        #expect(DisplayWidth.isAmbiguous(scalar) == expected)
    }

    @Test(arguments: [
        ("", 0), ("abc", 3), ("汉字", 4), ("率98.97%。", 10), ("推行“一件事”，", 14), ("a\u{1B}[2J", 6),
    ])
    func stringWidth(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    private func scalars(_ character: Character) -> String {
        character.unicodeScalars.map { String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
    }
}
