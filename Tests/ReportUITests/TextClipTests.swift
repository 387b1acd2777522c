import Testing

@testable import ReportUI

@Suite struct TextClipTests {
    @Test(arguments: [
        ("abcdef", 6, "…", "abcdef"),
        ("abcdef", 5, "…", "abcd…"),
        ("abcdef", 4, "…", "abc…"),
        ("abcdef", 0, "…", ""),
        ("abcdef", -1, "…", ""),
        ("", 3, "…", ""),
        ("汉字汉字", 8, "…", "汉字汉字"),
        ("汉字汉字", 7, "…", "汉字汉…"),
        ("汉字汉字", 5, "…", "汉字…"),
        ("汉字汉字", 4, "…", "汉…"),
        ("汉字汉字", 3, "…", "汉…"),
        ("汉字汉字", 2, "…", "汉"),
        ("汉字汉字", 1, "…", "…"),
        ("a汉字", 2, "…", "a…"),
        ("ab cdef", 4, "…", "ab…"),
        ("abcdef", 5, "...", "ab..."),
        ("abcdef", 4, "...", "a..."),
        ("abcdef", 3, "...", "abc"),
        ("abcdef", 2, "...", "ab"),
        ("汉字汉字", 7, "...", "汉字..."),
        ("汉字汉字", 3, "...", "汉"),
        ("汉字汉字", 1, "...", ""),
        ("a\tb", 3, "…", "a b"),
        ("\u{1B}[2J", 9, "…", "^[[2J"),
        ("\u{1B}[2J", 3, "…", "^[…"),
        ("x\u{202E}", 5, "…", "x<U+…"),
    ])
    func clip(text: String, width: Int, ellipsis: String, expected: String) {
        let clipped = TextClip.clip(text, toWidth: width, ellipsis: ellipsis)
        #expect(clipped == expected)
        #expect(DisplayWidth.of(clipped) <= max(0, width))
    }

    @Test(arguments: [
        ("ab", 4, "ab  "), ("汉字", 3, "汉 "), ("汉字", 4, "汉字"), ("abcdef", 3, "abc"),
        ("", 2, "  "), ("x", 0, ""), ("\u{1B}", 3, "^[ "),
    ])
    func pad(text: String, width: Int, expected: String) {
        let padded = TextClip.pad(text, toWidth: width)
        #expect(padded == expected)
        #expect(DisplayWidth.of(padded) == max(0, width))
    }
}
