/// The scalars at the start of a line, decoded only as far as `MarkerScanner.match` needs them.
/// Most heading markers (`一、`, `（三）`, `2.`, `第五条`) end within a few scalars, and decoding
/// the full `MarkerScanner.prefixLength` for every candidate line was a tenth of a large
/// report's scan (most of that report's lines are headings).
///
/// Why the short prefix gives the same answer: the matcher reads a scalar only after testing
/// its index against the count, and every test that meets the end of the array leads to
/// "no marker" except the final skip of spaces after the marker. So a match found in a
/// shorter prefix whose content starts before its end is the match of any longer prefix of the
/// same line; anything else (no match, or spaces running to the end) is decided again on the
/// full prefix. `MarkerPrefixTests` checks this against the full prefix on generated lines.
enum MarkerPrefix {
    /// Enough for `（十二）`, `12.3.4 ` or `一万一千零八十七、` and the scalar after it.
    static let shortLength = 12

    /// The marker at the start of `range` (as `MarkerScanner.match` of its first
    /// `MarkerScanner.prefixLength` scalars would find it); `scalars` and `offsets` hold at least
    /// the scalars up to the match's `contentStart`, or the full prefix when there is no match.
    static func match(
        _ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>,
        scalars: inout [Unicode.Scalar], offsets: inout [Int]
    ) -> MarkerMatch? {
        UTF8Scalars.prefix(bytes, in: range, limit: shortLength, into: &scalars, offsets: &offsets)
        let short = MarkerScanner.match(scalars)
        // Fewer scalars than asked for: the line ended, the full prefix is this one.
        if scalars.count < shortLength { return short }
        if let short, short.contentStart < scalars.count { return short }
        UTF8Scalars.prefix(bytes, in: range, limit: MarkerScanner.prefixLength, into: &scalars, offsets: &offsets)
        return MarkerScanner.match(scalars)
    }
}
