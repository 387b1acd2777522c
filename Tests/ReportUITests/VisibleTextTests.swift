import Testing

@testable import ReportUI

@Suite struct VisibleTextTests {
    @Test(arguments: [
        ("\u{1B}", "^["), ("\u{0}", "^@"), ("\u{1}", "^A"), ("\u{7}", "^G"), ("\r", "^M"), ("\u{1F}", "^_"),
        ("\u{7F}", "^?"), ("\t", " "), ("\r\n", "^M^J"),
        ("\u{80}", "<U+0080>"), ("\u{9B}", "<U+009B>"), ("\u{202A}", "<U+202A>"), ("\u{202E}", "<U+202E>"),
        ("\u{2066}", "<U+2066>"), ("\u{2069}", "<U+2069>"), ("\u{200E}", "<U+200E>"), ("\u{200F}", "<U+200F>"),
        ("\u{61C}", "<U+061C>"), ("\u{2028}", "<U+2028>"), ("\u{FFF9}", "<U+FFF9>"),
        ("\u{E0001}", "<U+E0001>"), ("a\u{E0068}\u{E0069}", "a<U+E0068><U+E0069>"),
    ] as [(Character, String)])
    func unsafeCharactersGetPlaceholders(character: Character, expected: String) {
        #expect(VisibleText.placeholder(for: character) == expected)
    }

    /// The flag of England is a black flag followed by tag characters.
    @Test(arguments: [
        "a", "汉", "，", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "e\u{301}", "😀",
        "👩\u{200D}💻", "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", "\u{A0}", "\u{AD}",
    ] as [Character])
    func safeCharactersStayAsTheyAre(character: Character) {
        #expect(VisibleText.placeholder(for: character) == nil)
    }

    @Test(arguments: [
        ("plain 文字", "plain 文字"),
        ("\u{1B}[2J", "^[[2J"),
        ("\u{1B}]0;title\u{7}", "^[]0;title^G"),
        ("abc\u{202E}fed", "abc<U+202E>fed"),
        ("a\tb\u{7F}", "a b^?"),
        ("\u{85}x\u{9F}", "<U+0085>x<U+009F>"),
    ])
    func sanitizeReplacesEveryUnsafeCharacter(text: String, expected: String) {
        let visible = VisibleText.sanitize(text)
        #expect(visible == expected)
        #expect(!visible.unicodeScalars.contains(where: isTerminalControl))
    }

    @Test(arguments: [
        ("\u{1B}[2J", "^[[2J"),
        ("\u{1B}]0;title\u{7}", "^[]0;title^G"),
        ("abc\u{202E}fed", "abc<U+202E>fed"),
        ("行\u{1B}[31m红\u{9B}", "行^[[31m红<U+009B>"),
    ])
    func screenShowsControlsAsVisibleText(text: String, expected: String) {
        var screen = Screen(size: Size(width: 24, height: 1))
        screen.put(text, x: 0, y: 0, style: .plain)
        #expect(screen.lines == [expected], "\(screen.dump())")
        let drawn = screen.cells.flatMap(\.text.unicodeScalars)
        #expect(!drawn.contains(where: isTerminalControl), "\(screen.dump())")
    }

    /// Independent of the implementation: what a terminal would act on instead of showing.
    private func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x61C || value == 0x200E
            || value == 0x200F || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }
}
