/// A place given as a line of the source file, `L120` (or `l120`, `Ｌ１２０`), as `search`
/// prints line numbers: the way back from a hit's line to the text.
public enum SourceLineAddress {
    /// The 1-based line of an address such as `L120`; nil for anything else.
    public static func line(in address: String) -> Int? {
        let folded = AddressFolding.fold(address)
        guard let first = folded.first, first == "L" || first == "l" else { return nil }
        let digits = folded.dropFirst()
        guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }
}

extension Report {
    /// Where a source line starts, with the line clamped to the text's lines.
    public func offset(ofSourceLine line: Int) -> Int {
        lines.range(ofLine: min(max(1, line), lines.count)).lowerBound
    }

    /// The innermost section holding the start of a source line; nil in the front matter.
    public func section(atSourceLine line: Int) -> Int? {
        section(containing: offset(ofSourceLine: line))
    }
}
