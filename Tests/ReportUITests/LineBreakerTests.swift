import Testing

@testable import ReportUI

@Suite struct LineBreakerTests {
    struct WrapCase: Sendable, CustomTestStringConvertible {
        let text: String
        let width: Int
        let lines: [String]
        var testDescription: String { "\(text.debugDescription) at width \(width)" }
    }

    static let seed = "推行企业信用修复“一件事”，信用修复成功率98.97%。"

    @Test(arguments: [
        WrapCase(text: seed, width: 10, lines: ["推行企业信", "用修复“一", "件事”，信", "用修复成功", "率98.97%。"]),
        WrapCase(text: seed, width: 11, lines: ["推行企业信", "用修复“一件", "事”，信用修", "复成功率", "98.97%。"]),
        WrapCase(text: seed, width: 12, lines: ["推行企业信用", "修复“一件", "事”，信用修", "复成功率", "98.97%。"]),
        WrapCase(text: seed, width: 20, lines: ["推行企业信用修复“一", "件事”，信用修复成功", "率98.97%。"]),
        WrapCase(text: seed, width: 48, lines: [seed]),
    ])
    func seedSentence(c: WrapCase) {
        expectWrap(c)
    }

    /// No line starts with closing punctuation, none ends with opening punctuation: the
    /// character before moves down with it.
    @Test(arguments: [
        WrapCase(text: "一二三四，五", width: 8, lines: ["一二三", "四，五"]),
        WrapCase(text: "一二三四。", width: 8, lines: ["一二三", "四。"]),
        WrapCase(text: "一二三四）", width: 8, lines: ["一二三", "四）"]),
        WrapCase(text: "汉字汉字)", width: 8, lines: ["汉字汉", "字)"]),
        WrapCase(text: "一二三四、五", width: 8, lines: ["一二三", "四、五"]),
        WrapCase(text: "一二三“四五”", width: 7, lines: ["一二三", "“四五”"]),
        WrapCase(text: "一二三（四）", width: 8, lines: ["一二三", "（四）"]),
        WrapCase(text: "一二三《四》", width: 8, lines: ["一二三", "《四》"]),
        WrapCase(text: "一二三「四」", width: 8, lines: ["一二三", "「四」"]),
        WrapCase(text: "他说……好", width: 5, lines: ["他", "说……", "好"]),
        WrapCase(text: "一二三四五", width: 4, lines: ["一二", "三四", "五"]),
    ])
    func kinsoku(c: WrapCase) {
        expectWrap(c)
    }

    /// When the rules cannot be met within the width, the line breaks anyway.
    @Test(arguments: [
        WrapCase(text: "，，，，，，", width: 4, lines: ["，，", "，，", "，，"]),
        WrapCase(text: "（（（（（", width: 4, lines: ["（（", "（（", "（"]),
        WrapCase(text: "汉，", width: 2, lines: ["汉", "，"]),
        WrapCase(text: "“”“”“”", width: 3, lines: ["“”“", "”“”"]),
    ])
    func rulesGiveWayToTheWidth(c: WrapCase) {
        expectWrap(c)
    }

    @Test(arguments: [
        WrapCase(text: "成功率98.97%", width: 10, lines: ["成功率", "98.97%"]),
        WrapCase(text: "在2024年", width: 5, lines: ["在", "2024", "年"]),
        WrapCase(text: "在2024年", width: 6, lines: ["在2024", "年"]),
        WrapCase(text: "增加36+10个", width: 6, lines: ["增加", "36+10", "个"]),
        WrapCase(text: "下降-3.5度", width: 5, lines: ["下降", "-3.5", "度"]),
        WrapCase(text: "中文English单词", width: 9, lines: ["中文", "English单", "词"]),
        WrapCase(text: "hello world", width: 8, lines: ["hello", "world"]),
        WrapCase(text: "为１２３４５", width: 10, lines: ["为", "１２３４５"]),
    ])
    func numbersAndWordsStayWhole(c: WrapCase) {
        expectWrap(c)
    }

    @Test(arguments: [
        WrapCase(text: "abcdefghijklmnopqrstuvwxyz", width: 10, lines: ["abcdefghij", "klmnopqrst", "uvwxyz"]),
        WrapCase(text: "see abcdefghijkl", width: 10, lines: ["see", "abcdefghij", "kl"]),
        WrapCase(text: "12345678901234", width: 6, lines: ["123456", "789012", "34"]),
    ])
    func wordLongerThanTheWidthIsBrokenByCharacters(c: WrapCase) {
        expectWrap(c)
    }

    @Test(arguments: [
        WrapCase(text: "abc汉", width: 4, lines: ["abc", "汉"]),
        WrapCase(text: "a汉", width: 2, lines: ["a", "汉"]),
        WrapCase(text: "汉字", width: 3, lines: ["汉", "字"]),
        WrapCase(text: "ab", width: 1, lines: ["a", "b"]),
        WrapCase(text: "汉字", width: 1, lines: ["汉", "字"]),
        WrapCase(text: "汉字", width: 0, lines: ["汉", "字"]),
        WrapCase(text: "ab", width: -3, lines: ["a", "b"]),
        WrapCase(text: "汉字，", width: 2, lines: ["汉", "字", "，"]),
        WrapCase(text: "ab c", width: 2, lines: ["ab", "c"]),
    ])
    func tinyWidthsAndWideCharactersAtTheEdge(c: WrapCase) {
        expectWrap(c)
    }

    @Test func wideCharacterAloneAtWidthOneIsTwoCellsWide() {
        let lines = LineBreaker.wrap("汉a字", width: 1)
        #expect(lines.map(\.width) == [2, 1, 2])
        #expect(lines.map(\.range) == [0..<3, 3..<4, 4..<7])
    }

    @Test(arguments: [
        WrapCase(text: "a\tb", width: 10, lines: ["a   b"]),
        WrapCase(text: "ab\tc", width: 10, lines: ["ab  c"]),
        WrapCase(text: "abcd\te", width: 10, lines: ["abcd    e"]),
        WrapCase(text: "\tx", width: 10, lines: ["    x"]),
        WrapCase(text: "汉\t字", width: 10, lines: ["汉  字"]),
        WrapCase(text: "abc\tdef", width: 5, lines: ["abc", "def"]),
        WrapCase(text: "a\t\tb", width: 10, lines: ["a       b"]),
    ])
    func tabsExpandToMultiplesOfFour(c: WrapCase) {
        expectWrap(c)
    }

    @Test func tabHangingAtABreakStaysInTheRange() {
        let lines = LineBreaker.wrap("abcd\tef", width: 6)
        #expect(lines == [WrappedLine(range: 0..<5, width: 4), WrappedLine(range: 5..<7, width: 2)])
    }

    @Test func spacesAtABreakHangPastTheLineEnd() {
        let lines = LineBreaker.wrap("hello   world", width: 5)
        #expect(lines == [WrappedLine(range: 0..<8, width: 5), WrappedLine(range: 8..<13, width: 5)])
        #expect(LineBreaker.wrapLines("hello   world", width: 5) == ["hello", "world"])
    }

    @Test func leadingSpacesOfAParagraphCount() {
        #expect(LineBreaker.wrap("  ab", width: 10) == [WrappedLine(range: 0..<4, width: 4)])
        #expect(LineBreaker.wrapLines("  ab", width: 10) == ["  ab"])
    }

    @Test(arguments: [
        ("", [0..<0]),
        ("\n", [0..<0, 1..<1]),
        ("\n\n", [0..<0, 1..<1, 2..<2]),
        ("a\n", [0..<1, 2..<2]),
        ("ab\n\ncd", [0..<2, 3..<3, 4..<6]),
        ("a\r\nb", [0..<2, 3..<4]),
    ])
    func newlinesSeparateParagraphs(text: String, ranges: [Range<Int>]) {
        let lines = LineBreaker.wrap(Substring(text), width: 10)
        #expect(lines.map(\.range) == ranges)
        #expect(lines.allSatisfy { $0.width == DisplayWidth.of($0.displayText(in: Substring(text))) })
    }

    @Test func carriageReturnIsShownNotObeyed() {
        #expect(LineBreaker.wrapLines("a\r\nb", width: 10) == ["a^M", "b"])
        #expect(LineBreaker.wrapLines("a\rb", width: 10) == ["a^Mb"])
    }

    @Test func controlCharactersArePlaceholdersInLines() {
        #expect(LineBreaker.wrapLines("汉\u{1B}[2J\u{202E}", width: 20) == ["汉^[[2J<U+202E>"])
        #expect(LineBreaker.wrap("\u{1B}[2J", width: 20).map(\.width) == [5])
    }

    /// Ranges are relative to the substring passed in, not to its base string.
    @Test func rangesAreRelativeToTheSubstring() {
        let base = "前言\n推行企业信用修复"
        let body = base[base.index(base.startIndex, offsetBy: 3)...]
        let lines = LineBreaker.wrap(body, width: 8)
        #expect(lines.map(\.range) == [0..<12, 12..<24])
        #expect(LineBreaker.wrapLines(body, width: 8) == ["推行企业", "信用修复"])
    }

    private func expectWrap(_ c: WrapCase, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = Substring(c.text)
        let lines = LineBreaker.wrap(text, width: c.width)
        let shown = lines.map { $0.displayText(in: text) }
        #expect(shown == c.lines, sourceLocation: sourceLocation)
        #expect(LineBreaker.wrapLines(text, width: c.width) == shown, sourceLocation: sourceLocation)
        #expect(lines.map(\.width) == shown.map { DisplayWidth.of($0) }, sourceLocation: sourceLocation)
    }
}

@Suite struct LineBreakClassTests {
    static let closing = Array("，。、；：？！）》」』】〕”’…·%,.;:?!)]}％")
    static let opening = Array("（《「『【〔“‘([{")

    private func kind(_ character: Character) -> LineBreakClass {
        LineBreakClass.of(
            first: character.unicodeScalars.first!.value, utf8Count: character.utf8.count,
            width: DisplayWidth.of(character))
    }

    @Test(arguments: closing)
    func closingPunctuationNeverStartsALine(character: Character) {
        #expect(kind(character) == .closing)
        #expect(LineBreaker.wrapLines(Substring("汉字\(character)"), width: 4) == ["汉", "字\(character)"])
    }

    @Test(arguments: opening)
    func openingPunctuationNeverEndsALine(character: Character) {
        #expect(kind(character) == .opening)
        let cells = DisplayWidth.of(character)
        #expect(LineBreaker.wrapLines(Substring("汉\(character)字"), width: 2 + cells) == ["汉", "\(character)字"])
    }

    @Test(arguments: [
        ("汉", LineBreakClass.ideographic), ("あ", .ideographic), ("가", .ideographic), ("😀", .ideographic),
        ("　", .ideographic), ("a", .word), ("9", .word), ("+", .word), ("-", .word), ("１", .word),
        (" ", .space), ("\t", .space), ("\u{200B}", .zeroWidthSpace), ("\u{2060}", .glue), ("\u{A0}", .glue),
    ] as [(Character, LineBreakClass)])
    func otherClasses(character: Character, expected: LineBreakClass) {
        #expect(kind(character) == expected)
    }
}
