import ReportKit
/// Terminal display width, computed from Unicode data rather than the C library's `wcwidth`,
/// which depends on the locale and is not importable from Swift. One function serves clipping,
/// padding, wrapping, cursor placement and highlights, so they can never disagree.
///
/// Characters that `VisibleText` replaces measure as their placeholder (`^[` is 2, `<U+202E>`
/// is 8, TAB is 1), because the placeholder is what gets drawn. Unassigned code points are one
/// cell; East Asian *ambiguous* characters (`“ ” … · — ①`) one or two, as `AmbiguousWidth` says.
public enum DisplayWidth {
    /// Cells taken by one scalar on its own: 0, 1 or 2, or a placeholder's width.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        if VisibleText.needsPlaceholder(scalar) { return VisibleText.placeholderWidth(for: scalar) }
        let value = scalar.value
        if value < 0xA1 { return 1 }
        if value < 0x300 { return contains(DisplayWidthTable.ambiguous, value) ? ambiguousCells : 1 }
        // Ideographs, hangul syllables and full-width forms are most of a Chinese report: skip
        // the table searches for them (none of these ranges holds a combining mark).
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF60: return 2
        default: break
        }
        if contains(DisplayWidthTable.zero, value) { return 0 }
        if value >= 0x1100, contains(DisplayWidthTable.wide, value) { return 2 }
        if contains(DisplayWidthTable.ambiguous, value) { return ambiguousCells }
        return 1
    }

    /// Cells taken by a grapheme cluster: the width of its widest scalar (an emoji with a
    /// variation selector, a letter with combining marks), at most 2; or its placeholder's.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        // Most text is printable ASCII or one scalar: skip the cluster logic for it.
        guard let second = iterator.next() else { return of(first) }
        if scalars.contains(where: VisibleText.needsPlaceholder),
            let placeholder = VisibleText.placeholder(for: character)
        {
            return of(placeholder)
        }
        // A pair of regional indicators is a flag, drawn as one wide picture.
        if (0x1F1E6...0x1F1FF).contains(first.value) { return 2 }
        var width = max(of(first), of(second))
        if second.value == 0xFE0F { width = 2 }
        while width < 2, let scalar = iterator.next() {
            width = scalar.value == 0xFE0F ? 2 : max(width, of(scalar))
        }
        return min(width, 2)
    }

    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// East Asian *ambiguous* characters (box drawing, `①`, `…`, `“`) that some terminals draw
    /// two cells wide; the ASCII fallback (`Glyphs.ascii`) avoids them.
    public static func isAmbiguous(_ scalar: Unicode.Scalar) -> Bool {
        contains(DisplayWidthTable.ambiguous, scalar.value)
    }

    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        let candidate = ranges.partitioningIndex(where: { $0.upperBound >= value })
        return candidate < ranges.count && ranges[candidate].lowerBound <= value
    }
}
