/// Terminal display width, computed from Unicode data rather than the C library's `wcwidth`,
/// which depends on the locale and is not importable from Swift. One function serves clipping,
/// padding, wrapping, cursor placement and highlights, so they can never disagree.
public enum DisplayWidth {
    /// Cells taken by one scalar: 0, 1 or 2. Control characters count 1 here; they never reach
    /// the screen raw (see `VisibleText`), their placeholder is what gets measured.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return 1 }
        if contains(DisplayWidthTable.zero, value) { return 0 }
        if value >= 0x1100, contains(DisplayWidthTable.wide, value) { return 2 }
        return 1
    }

    /// Cells taken by a grapheme cluster: the width of its widest scalar (an emoji with a
    /// variation selector, a letter with combining marks), at most 2.
    public static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            width = max(width, of(scalar))
            if scalar.value == 0xFE0F { width = 2 }
        }
        return min(width, 2)
    }

    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// East Asian *ambiguous* characters (box drawing, `①`, `▸`) that some terminals draw two
    /// cells wide; the ASCII fallback avoids them.
    public static func isAmbiguous(_ scalar: Unicode.Scalar) -> Bool {
        contains(DisplayWidthTable.ambiguous, scalar.value)
    }

    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = ranges[mid]
            if value < range.lowerBound {
                high = mid - 1
            } else if value > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
