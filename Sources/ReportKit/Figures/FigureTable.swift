import FoundationEssentials

/// The figures of a report as a table a view can sort, filter and jump from.
///
/// Pure values: a browser overlay keeps one, re-sorts or re-filters it per key press, and jumps
/// to `Figure.sectionIndex` / `Figure.range` to highlight the figure as a search hit.
public struct FigureTable: Sendable {
    public enum SortKey: String, Sendable, CaseIterable {
        /// Document order (section, then position).
        case position
        case value
        case unit
    }

    public private(set) var rows: [Figure]

    public init(_ figures: [Figure]) {
        rows = figures
    }

    public init(report: Report) {
        rows = FigureExtractor.extract(from: report).figures
    }

    /// Figures inside a section and its subsections.
    public func inSection(_ index: Int, of report: Report) -> FigureTable {
        let range = report.sections[index].subtreeRange
        return FigureTable(rows.filter { range.contains($0.range.lowerBound) })
    }

    /// Figures whose unit is `unit` after normalisation (`亿元` and `万元` mean 元).
    public func withUnit(_ unit: String) -> FigureTable {
        let wanted = Self.normalizedUnit(unit)
        return FigureTable(rows.filter { $0.unit == wanted || $0.writtenUnit == unit })
    }

    /// Rows whose subject, text, unit, address or sentence contains every space-separated term,
    /// ignoring full-width/half-width and case, as typed into a filter prompt.
    public func filtered(by query: String) -> FigureTable {
        let terms = query.split(whereSeparator: { $0.isWhitespace }).map { Self.fold(String($0)) }
        guard !terms.isEmpty else { return self }
        return FigureTable(rows.filter { figure in
            let haystack = Self.fold([figure.subject, figure.text, figure.unit, figure.address, figure.kind.rawValue].joined(separator: " "))
            return terms.allSatisfy { haystack.contains($0) }
        })
    }

    /// Stable sort: equal keys keep document order.
    public func sorted(by key: SortKey, ascending: Bool = true) -> FigureTable {
        let indexed = Array(rows.enumerated())
        let ordered = indexed.sorted { left, right in
            let order = Self.compare(left.element, right.element, key)
            if order == .orderedSame { return left.offset < right.offset }
            return ascending ? order == .orderedAscending : order == .orderedDescending
        }
        return FigureTable(ordered.map(\.element))
    }

    /// The base unit a user means by `亿元`, `万人` or `个百分点`.
    public static func normalizedUnit(_ unit: String) -> String {
        FigureUnitTable.normalize(unit)
    }

    private static func compare(_ left: Figure, _ right: Figure, _ key: SortKey) -> ComparisonResult {
        switch key {
        case .position:
            return left.range.lowerBound == right.range.lowerBound ? .orderedSame
                : (left.range.lowerBound < right.range.lowerBound ? .orderedAscending : .orderedDescending)
        case .value:
            if left.unit != right.unit { return left.unit < right.unit ? .orderedAscending : .orderedDescending }
            return left.value == right.value ? .orderedSame : (left.value < right.value ? .orderedAscending : .orderedDescending)
        case .unit:
            return left.unit == right.unit ? .orderedSame : (left.unit < right.unit ? .orderedAscending : .orderedDescending)
        }
    }

    private static func fold(_ text: String) -> String {
        ICUNormalization.nfkc(text).lowercased()
    }
}
