/// Fitting one line of text into a fixed number of cells. Both functions return *visible* text
/// (`VisibleText.sanitize`, so TAB is one space) whose display width never exceeds the width
/// asked for, and never cut a wide character in half.
public enum TextClip {
    /// The text, or as much of it as fits followed by `ellipsis` when it does not.
    ///
    /// `…` is East Asian ambiguous (two cells on some terminals): ASCII mode passes `"..."`.
    /// When the width leaves no room for any text before the ellipsis, the text is clipped
    /// without one (some content beats a bare ellipsis), and only if not even one character
    /// fits is the ellipsis shown alone, provided it fits. Width 0 or less gives "".
    public static func clip(_ text: some StringProtocol, toWidth width: Int, ellipsis: String = "…")
        -> String
    {
        guard width > 0 else { return "" }
        let visible = VisibleText.sanitize(text)
        let ellipsisText = VisibleText.sanitize(ellipsis)
        let ellipsisWidth = DisplayWidth.of(ellipsisText)
        let (whole, wholeFits) = prefix(of: visible, width: width)
        if wholeFits { return whole }

        if width > ellipsisWidth {
            var head = prefix(of: visible, width: width - ellipsisWidth).text
            // "abc …" reads worse than "abc…"; the space carries nothing before an ellipsis.
            while head.last == " " { head.removeLast() }
            if !head.isEmpty { return head + ellipsisText }
        }
        if !whole.isEmpty { return whole }
        return ellipsisWidth <= width ? ellipsisText : ""
    }

    /// Exactly `width` cells: the text clipped without an ellipsis, then padded with spaces
    /// (also where a wide character did not fit in the last cell). Width 0 or less gives "".
    public static func pad(_ text: some StringProtocol, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        let clipped = prefix(of: VisibleText.sanitize(text), width: width).text
        let used = DisplayWidth.of(clipped)
        return clipped + String(repeating: " ", count: max(0, width - used))
    }

    /// The longest prefix of already visible text within `width` cells, and whether that is
    /// all of it. Zero-width characters right after the cut stay with the text before it.
    private static func prefix(of visible: String, width: Int) -> (text: String, isWhole: Bool) {
        var used = 0
        var end = visible.startIndex
        for index in visible.indices {
            let cells = DisplayWidth.of(visible[index])
            if used + cells > width { return (String(visible[..<end]), false) }
            used += cells
            end = visible.index(after: index)
        }
        return (visible, true)
    }
}
