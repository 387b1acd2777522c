import ReportKit

/// `/` in the library: the prompt, the outcome of a search over every report, and `n`/`N`
/// from one section with hits to the next across reports.
extension LibraryState {
    mutating func applySearchPrompt(_ action: Action, buffer: PromptBuffer) -> [LibraryEffect] {
        var buffer = buffer
        if buffer.edit(action) {
            mode = .search(buffer)
            return []
        }
        switch action {
        case .submitPrompt:
            mode = .list
            history.record(buffer.text)
            let query = SearchQuery(buffer.text, isRegex: isRegex)
            guard !query.isEmpty else {
                clearSearchResults()
                return []
            }
            return [.search(query)]
        case .cancelPrompt: mode = .list
        case .toggleRegex: isRegex.toggle()
        case .historyOlder:
            if let entry = history.older(than: buffer.text) { mode = .search(PromptBuffer(entry)) }
        case .historyNewer:
            if let entry = history.newer() { mode = .search(PromptBuffer(entry)) }
        default:
            break
        }
        return []
    }

    /// A library search's outcome: the list keeps the reports with hits, each opened to its
    /// sections, and selects the first hit row.
    package mutating func receive(_ outcome: LibrarySearchOutcome) {
        if let error = outcome.error {
            message = BrowserState.Message(text: BrowserState.sentence(error), isError: true)
            return
        }
        guard !outcome.reports.isEmpty else {
            message = BrowserState.Message(
                text: (["No hits for \(outcome.query.text) in \(entries.count) reports"] + outcome.notices).joined(separator: " · "),
                isError: false)
            return
        }
        search = outcome
        expanded = Set(outcome.reports.map(\.entry))
        rebuild(keeping: nil)
        selected = rows.firstIndex { if case .section = $0 { true } else { false } } ?? 0
        message = BrowserState.Message(text: ([Self.summary(of: outcome)] + outcome.notices).joined(separator: " · "), isError: false)
    }

    /// The same search's complete outcome, after its first screen: counts and reports are
    /// added, the selected row and the open reports stay.
    package mutating func receiveRest(_ outcome: LibrarySearchOutcome) {
        guard let shown = search, shown.query == outcome.query, outcome.error == nil else { return }
        let kept = selectedRow
        search = outcome
        expanded.formUnion(outcome.reports.map(\.entry).filter { !shown.reports.map(\.entry).contains($0) })
        rebuild(keeping: kept)
        message = BrowserState.Message(text: ([Self.summary(of: outcome)] + outcome.notices).joined(separator: " · "), isError: false)
    }

    static func summary(of outcome: LibrarySearchOutcome) -> String {
        let reports = outcome.reports.count
        let hits = "\(outcome.totalHits) hit\(outcome.totalHits == 1 ? "" : "s") in \(reports) report\(reports == 1 ? "" : "s")"
        return outcome.isComplete ? hits : hits + " so far, counting…"
    }

    /// The report after (or before) `entry` in the list's order that has hits.
    package func reportWithHits(after entry: Int, forward: Bool) -> Int? {
        guard search != nil else { return nil }
        let order = rows.compactMap { row -> Int? in if case .report(let member) = row { member } else { nil } }
        guard let position = order.firstIndex(of: entry) else { return forward ? order.first : order.last }
        let next = position + (forward ? 1 : -1)
        return order.indices.contains(next) ? order[next] : nil
    }

    mutating func clearSearchResults() {
        search = nil
        expanded = []
        rebuild(keeping: selectedRow)
    }

    /// `n`/`N`: the next section row with hits, across reports in list order, wrapping.
    mutating func stepHitRow(forward: Bool) {
        guard search != nil else {
            message = BrowserState.Message(text: "No search yet · / searches every report", isError: false)
            return
        }
        // Collapsed reports count as their first hit row.
        let targets = rows.indices.filter { index in
            switch rows[index] {
            case .section: return true
            case .report(let entry): return !expanded.contains(entry)
            case .folder: return false
            }
        }
        guard !targets.isEmpty else { return }
        if forward {
            if let next = targets.first(where: { $0 > selected }) {
                selected = next
            } else {
                selected = targets[0]
                message = BrowserState.Message(text: "Search wrapped to the first report", isError: false)
            }
        } else {
            if let previous = targets.last(where: { $0 < selected }) {
                selected = previous
            } else {
                selected = targets[targets.count - 1]
                message = BrowserState.Message(text: "Search wrapped to the last report", isError: false)
            }
        }
    }
}
