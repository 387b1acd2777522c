/// The outcome of looking up an address typed by a user.
public enum AddressResolution: Equatable, Sendable {
    case found(Int)
    case ambiguous([Int])
    case notFound
}

extension Report {
    /// Resolves `3.2` (position), `L120` (the section holding source line 120), `三(二)` /
    /// `三、（二）` / `第二章第三条` (marker path) or a heading keyword that matches exactly one
    /// section. A position or marker path that names no section is not found; only other text
    /// is looked up among the headings.
    public func resolve(_ address: String) -> AddressResolution {
        let folded = AddressFolding.fold(address)
        guard !folded.isEmpty else { return .notFound }
        if let position = resolvePosition(folded) { return .found(position) }
        if let line = SourceLineAddress.line(in: folded), line <= lines.count {
            return section(atSourceLine: line).map { .found($0) } ?? .notFound
        }
        if let tokens = MarkerPath.tokens(in: folded) {
            let matches = resolveMarkerPath(tokens)
            if !matches.isEmpty { return matches.count == 1 ? .found(matches[0]) : .ambiguous(matches) }
        }
        if StructuralAddress.path(folded) != nil { return .notFound }
        return resolveKeyword(folded)
    }

    /// A one-line description of a resolution failure, for the status line: "The report has 4
    /// chapters; “5” is not one of them" once capitalised.
    public func describeFailure(of address: String, _ resolution: AddressResolution) -> String? {
        describeFailure(of: address, resolution, in: nil)
    }

    /// The same for the CLI, naming the document: "FILE has 4 chapters; “5” is not one of them",
    /// "FILE: no section matches “x”".
    public func describeFailure(of address: String, _ resolution: AddressResolution, in documentName: String?) -> String? {
        guard let reason = failureReason(of: address, resolution) else { return nil }
        if let miss = structuralMiss(of: address), resolution == .notFound, miss.hasPrefix("has ") {
            return "\(documentName ?? "the report") \(miss)"
        }
        return documentName.map { "\($0): \(reason)" } ?? reason
    }

    private func failureReason(of address: String, _ resolution: AddressResolution) -> String? {
        switch resolution {
        case .found:
            return nil
        case .notFound:
            return structuralMiss(of: address) ?? "no section matches “\(address)”"
        case .ambiguous(let candidates):
            let shown = candidates.prefix(8).map { index -> String in
                let section = sections[index]
                return "\(section.address) \(section.marker)\(section.heading)"
            }
            let more = candidates.count > 8 ? " … (\(candidates.count) in all)" : ""
            return "“\(address)” matches several sections: " + shown.joined(separator: "; ") + more
        }
    }

    private func resolvePosition(_ folded: String) -> Int? {
        let parts = folded.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil })
        else { return nil }
        var level = roots
        var found: Int?
        for part in parts {
            guard let number = Int(part), number >= 1, number <= level.count else { return nil }
            found = level[number - 1]
            level = sections[level[number - 1]].children
        }
        return found
    }

    private func resolveMarkerPath(_ tokens: [MarkerPath.Token]) -> [Int] {
        guard let first = tokens.first else { return [] }
        let rootMatches = roots.filter { first.matches(sections[$0]) }
        var current = rootMatches.isEmpty ? sections.indices.filter { first.matches(sections[$0]) } : rootMatches
        for token in tokens.dropFirst() {
            current = current.flatMap { sections[$0].children.filter { token.matches(sections[$0]) } }
        }
        return current
    }

    private func resolveKeyword(_ folded: String) -> AddressResolution {
        var matches: [Int] = []
        var exact: [Int] = []
        for section in sections {
            let heading = AddressFolding.fold(section.heading)
            guard heading.contains(folded) else { continue }
            matches.append(section.index)
            if heading == folded { exact.append(section.index) }
        }
        if matches.count == 1 { return .found(matches[0]) }
        if exact.count == 1 { return .found(exact[0]) }
        return matches.isEmpty ? .notFound : .ambiguous(matches)
    }
}
