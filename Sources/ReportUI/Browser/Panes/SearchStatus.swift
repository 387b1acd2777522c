import FoundationEssentials
import ReportKit

/// The words the status line uses for a search: the prompt's label and feedback while typing,
/// and the summary shown while browsing.
package enum SearchStatus {
    /// `/`, or with modes on `/ [regex] [pinyin] [in 3.2] `.
    package static func promptLabel(of query: SearchQuery?, report: Report) -> String {
        let flags = self.flags(of: query, report: report)
        return flags.isEmpty ? "/" : "/ " + flags.joined(separator: " ") + " "
    }

    /// The modes a query was typed with, as the prompt and the summary name them.
    static func flags(of query: SearchQuery?, report: Report) -> [String] {
        var flags: [String] = []
        if query?.isRegex == true { flags.append("[regex]") }
        if query?.pinyin == .always { flags.append("[pinyin]") }
        if let scope = scopeFlag(of: query, report: report) { flags.append(scope) }
        return flags
    }

    private static func scopeFlag(of query: SearchQuery?, report: Report) -> String? {
        guard let scope = query?.scope, report.sections.indices.contains(scope) else { return nil }
        return "[in \(report.sections[scope].address)]"
    }

    /// The prompt's own keys, in the order shown; those that do not fit in `room` cells are
    /// left out from the end, Esc last as the one way out.
    static let promptKeys: [(key: Key, verb: String)] = [
        (.control("r"), "regex"), (.control("s"), "scope"), (.control("p"), "pinyin"),
    ]

    /// What the right end of the search prompt says: a message, the regex error, where the
    /// typing has got to among the hits, or the prompt's keys while nothing is typed.
    package static func promptFeedback(of state: BrowserState, ascii: Bool, width: Int) -> (text: String, isError: Bool) {
        if let message = state.message { return (" \(message.text) ", message.isError) }
        guard let search = state.search else { return ("", false) }
        if case .invalidPattern(_, let reason)? = search.error {
            // The pattern is on screen already: only what is wrong with it.
            return (" Invalid regex: \(reason) ", true)
        }
        if let error = search.error { return (" \(BrowserState.sentence(error.description)) ", true) }
        if search.results != nil { return (" \(search.positionText) ", false) }
        if search.awaitsIndex { return (ascii ? " indexing... " : " indexing… ", false) }
        if search.isSearching { return (ascii ? " searching... " : " searching… ", false) }
        guard width >= 60 else { return ("", false) }
        let cancel = "\(Key.escape.label(ascii: ascii)) cancel"
        var keys = promptKeys.map { "\($0.key.label(ascii: ascii)) \($0.verb)" }
        // Never more than half the line: the query comes first.
        while !keys.isEmpty, DisplayWidth.of(" " + (keys + [cancel]).joined(separator: "  ") + " ") > width / 2 {
            keys.removeLast()
        }
        return (" " + (keys + [cancel]).joined(separator: "  ") + " ", false)
    }

    /// `/信用修复 [in 3.2] 2/3 [filtered]` for the status line while browsing, then shorter
    /// wordings for a narrower line: the query clipped, then gone; the scope is never dropped
    /// from the count, since it says what the count counts.
    package static func summaryVariants(of search: SearchState, report: Report, ellipsis: String) -> [String] {
        let position = search.isSearching ? "searching" + ellipsis : search.positionText
        let filtered = search.isFiltered ? "[filtered]" : ""
        let scope = scopeFlag(of: search.query, report: report) ?? ""
        let flags = self.flags(of: search.query, report: report)
        let query = search.query.text.trimmingSpaces()
        func words(_ parts: [String]) -> String { parts.filter { !$0.isEmpty }.joined(separator: " ") }
        var variants: [String] = []
        for room in [16, 8] where !query.isEmpty {
            let clipped = "/" + TextClip.clip(query, toWidth: room, ellipsis: ellipsis)
            variants.append(words([clipped] + flags + [position, filtered]))
            variants.append(words([clipped, scope, position]))
        }
        variants.append(words([scope, position, filtered]))
        variants.append(words([scope, position]))
        // A count without its scope would read as the whole report's.
        if scope.isEmpty { variants.append(position) }
        var seen = Set<String>()
        return variants.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
