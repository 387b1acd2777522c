import ReportKit

/// The search prompt. Every edit runs the query again and shows its first hit from where the
/// reader was when the prompt opened; `Enter` keeps the search, `Esc` puts everything back.
/// The query itself runs as an effect: its answer comes back as `searchAnswered`.
extension BrowserState {
    mutating func openSearch(context: BrowserContext) {
        let origin = SearchOrigin(
            place: place, expansion: expansion, treeTop: treeTop, focus: focus, search: search,
            offset: textOffset(of: reading, in: context.report))
        search = draftSearch(SearchQuery("", isRegex: searching.isRegex, pinyin: searching.pinyin))
        searching.history.restart()
        mode = .search(SearchPrompt(origin: origin))
    }

    mutating func applySearchPrompt(_ action: Action, prompt: SearchPrompt, context: BrowserContext) -> [Effect] {
        var prompt = prompt
        let typed = prompt.buffer.text
        if prompt.buffer.closesOnBackspace(action) {
            return cancelSearch(prompt)
        }
        if prompt.buffer.edit(action) {
            mode = .search(prompt)
            return prompt.buffer.text != typed ? runDraft() : []
        }
        switch action {
        case .submitPrompt: return submitSearch(prompt, context: context)
        case .cancelPrompt: return cancelSearch(prompt)
        case .historyOlder:
            guard let entry = searching.history.older(than: typed) else { return [] }
            prompt.buffer = PromptBuffer(entry)
            mode = .search(prompt)
            return runDraft()
        case .historyNewer:
            guard let entry = searching.history.newer() else { return [] }
            prompt.buffer = PromptBuffer(entry)
            mode = .search(prompt)
            return runDraft()
        case .toggleRegex:
            searching.isRegex.toggle()
            return runDraft()
        case .toggleScope:
            toggleScope(origin: prompt.origin)
            return runDraft()
        case .togglePinyin:
            searching.pinyin = searching.pinyin == .always ? .automatic : .always
            return runDraft()
        default:
            break
        }
        return []
    }

    /// The scope is the section selected when the prompt opened: typing moves the selection,
    /// and the scope should not follow it.
    private mutating func toggleScope(origin: SearchOrigin) {
        guard var draft = search else { return }
        if draft.query.scope != nil {
            draft.query.scope = nil
        } else if let section = origin.place.row.sectionIndex {
            draft.query.scope = section
        } else {
            message = Message(text: "The title is the whole report: select a section to search in it", isError: false)
            return
        }
        search = draft
    }

    /// A new search state that keeps the filter setting of the one shown.
    private func draftSearch(_ query: SearchQuery) -> SearchState {
        var draft = SearchState(query: query)
        draft.isFiltered = search?.isFiltered ?? false
        draft.expansionBeforeFilter = search?.expansionBeforeFilter
        return draft
    }

    /// Asks for the prompt's query to be run.
    private func runDraft() -> [Effect] {
        guard case .search(let prompt) = mode else { return [] }
        return [.runSearch(draftQuery(prompt))]
    }

    /// What the prompt asks for, with the modes its keys set.
    private func draftQuery(_ prompt: SearchPrompt) -> SearchQuery {
        SearchQuery(prompt.buffer.text, isRegex: searching.isRegex, scope: search?.query.scope, pinyin: searching.pinyin)
    }

    /// A query's answer: shown when it is still the prompt's query, or taken in when it is the
    /// submitted search still waiting for its results.
    mutating func receive(_ delivery: SearchDelivery, context: BrowserContext) -> [Effect] {
        if let shown = search, shown.isSearching, shown.query == delivery.query, !mode.isSearchPrompt {
            land(delivery, context: context)
            return []
        }
        guard case .search(let prompt) = mode,
            delivery.query == draftQuery(prompt)
        else { return [] }
        let origin = prompt.origin
        var draft = draftSearch(delivery.query)
        switch delivery.answer {
        case .done(.success(let results))?: draft.results = results
        case .done(.failure(let error))?: draft.error = error
        case .indexing?: draft.awaitsIndex = true
        case .searching?: draft.isSearching = true
        case nil: break
        }
        if draft.isFiltered, let results = draft.results, !results.isEmpty {
            draft.filter = context.searchCache.filter(for: results)
        }
        // Each edit starts again from where the reader was, so the sections that earlier
        // keystrokes opened do not pile up in the tree.
        restorePlace(of: origin)
        search = draft
        if let results = draft.results, !results.isEmpty {
            showHit(results.firstHit(atOrAfter: origin.offset) ?? 0, context: context, asJump: false)
        }
        if prompt.submitsWhenAnswered, !draft.awaitsIndex { return submitSearch(prompt, context: context) }
        return []
    }

    /// The index has landed: a search typed while it was being built runs now.
    mutating func searchIndexDidLand() -> [Effect] {
        guard case .search = mode, search?.awaitsIndex == true else { return [] }
        return runDraft()
    }

    private mutating func submitSearch(_ prompt: SearchPrompt, context: BrowserContext) -> [Effect] {
        // A search submitted before the index has landed waits for it, outside `apply`: what
        // follows (the hits, `n`, the filter) needs the results.
        if search?.awaitsIndex == true {
            var waiting = prompt
            waiting.submitsWhenAnswered = true
            mode = .search(waiting)
            return [.waitForSearchIndex]
        }
        mode = .browse
        let origin = prompt.origin
        searching.history.record(prompt.buffer.text)
        if var draft = search, draft.isSearching {
            // Typing never waits, and neither does Enter: the results are taken in when the
            // worker has them (`land`).
            draft.landing = SearchLanding(originPlace: origin.place, originOffset: origin.offset, placeOnSubmit: place)
            search = draft
            return []
        }
        guard let draft = search, !draft.query.isEmpty else {
            // Nothing to look for: no search, and back where the reader was.
            restorePlace(of: origin)
            clearSearch(context: context)
            return []
        }
        if let error = draft.error {
            message = Message(text: Self.sentence(error.description), isError: true)
        } else if draft.hitCount == 0 {
            message = Message(text: "No hits for \(draft.query.text)", isError: false)
        }
        if place != origin.place { history.record(leaving: origin.place) }
        return []
    }

    private mutating func cancelSearch(_ prompt: SearchPrompt) -> [Effect] {
        mode = .browse
        let origin = prompt.origin
        restorePlace(of: origin)
        focus = origin.focus
        search = origin.search
        // The search shown before was itself still running when this prompt opened: ask for
        // it again (the worker's answer is kept, or it runs again), or it would wait forever.
        if let restored = search, restored.isSearching { return [.runSearch(restored.query)] }
        return [.cancelPendingSearch]
    }

    private mutating func restorePlace(of origin: SearchOrigin) {
        selection = origin.place.row
        reading = origin.place.position
        expansion = origin.expansion
        treeTop = origin.treeTop
    }

    static func sentence(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// The UTF-8 offset in the report's text that a reading position stands for.
    func textOffset(of position: DetailPosition, in report: Report) -> Int {
        guard let section = position.section, report.sections.indices.contains(section) else {
            return position.part == .body ? report.frontRange.lowerBound + position.offset : 0
        }
        let info = report.sections[section]
        switch position.part {
        case .body: return info.ownRange.lowerBound + position.offset
        case .gap: return info.ownRange.upperBound
        case .breadcrumb, .heading, .metadata: return info.ownRange.lowerBound
        }
    }
}
