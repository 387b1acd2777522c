/// The right end of the status line as parts that are dropped, least important first, when
/// the line is too narrow for all of them; each part is whole or absent, never cut.
package struct StatusPart: Sendable {
    /// Wordings from the longest to the shortest; the longest that fits is shown.
    package var variants: [String]
    /// Lower is kept first.
    package var priority: Int
    /// Drawn in the search-count style rather than the status style.
    package var isSearch = false

    package init(_ variants: [String], priority: Int, isSearch: Bool = false) {
        self.variants = variants.filter { !$0.isEmpty }
        self.priority = priority
        self.isSearch = isSearch
    }

    package init(_ text: String?, priority: Int, isSearch: Bool = false) {
        self.init(text.map { [$0] } ?? [], priority: priority, isSearch: isSearch)
    }
}

package enum StatusParts {
    /// Cells between two parts.
    static let gap = 2

    /// The parts that fit in `width` cells with their gaps, each as the wording chosen, in
    /// the order given. As many parts as fit come first, by priority, in their shortest
    /// wording; then each, by priority, takes the longest wording the room left allows.
    package static func fit(_ parts: [StatusPart], width: Int) -> [(text: String, isSearch: Bool)] {
        var chosen: [Int: String] = [:]
        var used = 0
        let byPriority = parts.indices.sorted { (parts[$0].priority, $0) < (parts[$1].priority, $1) }
        for index in byPriority {
            let separator = chosen.isEmpty ? 0 : gap
            if let shortest = parts[index].variants.min(by: { DisplayWidth.of($0) < DisplayWidth.of($1) }),
                used + separator + DisplayWidth.of(shortest) <= width
            {
                chosen[index] = shortest
                used += separator + DisplayWidth.of(shortest)
            }
        }
        for index in byPriority {
            guard let current = chosen[index] else { continue }
            let spare = width - used + DisplayWidth.of(current)
            if let longer = parts[index].variants.first(where: { DisplayWidth.of($0) <= spare }) {
                chosen[index] = longer
                used += DisplayWidth.of(longer) - DisplayWidth.of(current)
            }
        }
        return parts.indices.compactMap { index in chosen[index].map { ($0, parts[index].isSearch) } }
    }
}
