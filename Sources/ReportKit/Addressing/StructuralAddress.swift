/// Addresses made only of positions (`3.2`) or markers (`三(二)`, `第五条`) name a place in the
/// outline. They never fall back to heading keywords: `5` must not open a chapter because its
/// heading mentions 2025, and a miss says what the outline has where the address stops.
enum StructuralAddress {
    enum Path {
        case positions([Int])
        case markers([MarkerPath.Token])
    }

    /// The path an already folded address spells, or nil if it is a keyword.
    static func path(_ folded: String) -> Path? {
        let parts = folded.split(separator: ".", omittingEmptySubsequences: false)
        if !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) {
            // Digits past Int's range name no section either; keep them as "not one of them".
            return .positions(parts.map { Int($0) ?? Int.max })
        }
        return MarkerPath.tokens(in: folded).map(Path.markers)
    }
}

extension Report {
    /// Why a structural address names no section, in words about the outline; nil for keywords.
    func structuralMiss(of address: String) -> String? {
        guard let path = StructuralAddress.path(AddressFolding.fold(address)) else { return nil }
        let quoted = "“\(address)”"
        switch path {
        case .positions(let numbers):
            var level = roots
            var parent: Int?
            for number in numbers {
                guard number >= 1, number <= level.count else {
                    return childrenSummary(of: parent, count: level.count) + "; \(quoted) is not one of them"
                }
                parent = level[number - 1]
                level = sections[level[number - 1]].children
            }
            return nil
        case .markers(let tokens):
            guard let first = tokens.first else { return nil }
            var current = roots.filter { first.matches(sections[$0]) }
            if current.isEmpty { current = sections.indices.filter { first.matches(sections[$0]) } }
            if current.isEmpty {
                if case .chinese = first.family { return childrenSummary(of: nil, count: roots.count) + "; \(quoted) is not one of them" }
                return "no section is numbered “\(sectionsMarkerText(first))”; \(quoted) names none"
            }
            for token in tokens.dropFirst() {
                let next = current.flatMap { sections[$0].children.filter { token.matches(sections[$0]) } }
                if next.isEmpty {
                    guard current.count == 1 else { return "no section matches \(quoted)" }
                    return childrenSummary(of: current[0], count: sections[current[0]].children.count)
                        + "; \(quoted) is not one of them"
                }
                current = next
            }
            return nil
        }
    }

    /// "has 4 chapters" for the top level, "section 3 三、 has 2 subsections" below it.
    private func childrenSummary(of parent: Int?, count: Int) -> String {
        guard let parent else {
            if count == 0 { return "has no numbered chapters" }
            return "has \(count) chapter\(count == 1 ? "" : "s")"
        }
        let section = sections[parent]
        let name = "section \(section.address) \(section.marker)".trimmingSpaces()
        if count == 0 { return "\(name) has no subsections" }
        return "\(name) has \(count) subsection\(count == 1 ? "" : "s")"
    }

    private func sectionsMarkerText(_ token: MarkerPath.Token) -> String {
        switch token.family {
        case .parenChinese, .parenArabic: return "(\(token.ordinal))"
        default: return String(token.ordinal)
        }
    }
}
