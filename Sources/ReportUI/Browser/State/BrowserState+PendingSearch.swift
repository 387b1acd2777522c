import ReportKit

/// A submitted search whose query still runs on the search worker (a long report, a pinyin
/// scan). Enter, `n`, `N`, `F` and `R` never wait for it: what they ask is kept with the search
/// and carried out when its results come (`land`), so no key's frame waits for a scan and no
/// hits of another query are ever shown meanwhile.
extension BrowserState {
    /// Keeps the hit keys, the filter and the list for when the results come; true when the
    /// action was kept and needs nothing more now.
    mutating func deferUntilAnswered(_ action: Action, context: BrowserContext) -> Bool {
        guard var shown = search, shown.isSearching else { return false }
        switch action {
        case .nextHit: shown.pendingSteps += 1
        case .previousHit: shown.pendingSteps -= 1
        case .toggleFilter:
            // Off needs no hits: the tree comes back at once. On waits for them.
            if shown.isFiltered {
                setFilter(false, context: context)
                return true
            }
            shown.isFiltered = true
        case .showResults: shown.listsWhenAnswered = true
        default: return false
        }
        shown.queuedAt = place
        search = shown
        return true
    }

    /// The results of the submitted search have come: shown as Enter would have shown them,
    /// then the keys pressed meanwhile.
    mutating func land(_ delivery: SearchDelivery, context: BrowserContext) {
        guard var shown = search, case .done(let outcome)? = delivery.answer else { return }
        shown.isSearching = false
        let landing = shown.landing
        let steps = shown.pendingSteps
        let lists = shown.listsWhenAnswered
        let queuedAt = shown.queuedAt
        shown.landing = nil
        shown.pendingSteps = 0
        shown.listsWhenAnswered = false
        shown.queuedAt = nil
        switch outcome {
        case .success(let results): shown.results = results
        case .failure(let error): shown.error = error
        }
        if shown.isFiltered, let results = shown.results, !results.isEmpty {
            if shown.expansionBeforeFilter != nil {
                // Filtered already before this search: only the pruning is new.
                shown.filter = context.searchCache.filter(for: results)
                search = shown
            } else {
                // `F` pressed meanwhile: through `setFilter`, so the tree opens as `F` opens it.
                shown.isFiltered = false
                search = shown
                setFilter(true, context: context)
            }
        } else {
            search = shown
        }
        guard case .browse = mode else { return }
        if let error = search?.error {
            message = Message(text: Self.sentence(error.description), isError: true)
            return
        }
        guard let results = search?.results, !results.isEmpty else {
            message = Message(text: "No hits for \(delivery.query.text)", isError: false)
            return
        }
        // Keys queued where the reader still stands are carried out; moved on, they are stale.
        let keysStillApply = queuedAt != nil && queuedAt == place
        // The reader may have moved on while the query ran; then the results are only shown.
        if let landing, place == landing.placeOnSubmit {
            showHit(results.firstHit(atOrAfter: landing.originOffset) ?? 0, context: context, asJump: false)
            if place != landing.originPlace { history.record(leaving: landing.originPlace) }
        }
        guard keysStillApply else { return }
        for _ in 0..<abs(steps) { stepHit(forward: steps > 0, context: context) }
        if lists { openResultsList(context: context) }
    }
}

extension Mode {
    var isSearchPrompt: Bool {
        if case .search = self { return true }
        return false
    }
}
