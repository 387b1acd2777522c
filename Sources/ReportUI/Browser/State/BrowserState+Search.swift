import ReportKit

/// The search prompt. Every edit runs the query again and shows its first hit from where the
/// reader was when the prompt opened; `Enter` keeps the search, `Esc` puts everything back.
extension BrowserState {
    mutating func openSearch(context: BrowserContext) {
        searchOrigin = SearchOrigin(
            place: place, expansion: expansion, treeTop: treeTop, focus: focus, search: search,
            offset: textOffset(of: reading, in: context.report))
        search = draftSearch(SearchQuery("", isRegex: searchIsRegex))
        prompt = PromptBuffer()
        searchHistory.restart()
        mode = .prompt(.search)
    }

    mutating func applySearchPrompt(_ action: Action, context: BrowserContext) {
        let typed = prompt.text
        if editPrompt(action) {
            if prompt.text != typed { runDraft(context: context) }
            return
        }
        switch action {
        case .submitPrompt: submitSearch(context: context)
        case .cancelPrompt: cancelSearch()
        case .historyOlder:
            guard let entry = searchHistory.older(than: typed) else { return }
            prompt = PromptBuffer(entry)
            runDraft(context: context)
        case .historyNewer:
            guard let entry = searchHistory.newer() else { return }
            prompt = PromptBuffer(entry)
            runDraft(context: context)
        case .toggleRegex:
            searchIsRegex.toggle()
            runDraft(context: context)
        case .toggleScope:
            toggleScope()
            runDraft(context: context)
        default:
            break
        }
    }

    /// The scope is the section selected when the prompt opened: typing moves the selection,
    /// and the scope should not follow it.
    private mutating func toggleScope() {
        guard let origin = searchOrigin, var draft = search else { return }
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

    private mutating func runDraft(context: BrowserContext) {
        guard let origin = searchOrigin else { return }
        var draft = draftSearch(SearchQuery(prompt.text, isRegex: searchIsRegex, scope: search?.query.scope))
        switch context.searchCache.answer(for: draft.query) {
        case .done(.success(let results))?: draft.results = results
        case .done(.failure(let error))?: draft.error = error
        case .indexing?: draft.awaitsIndex = true
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
    }

    /// The index has landed: a search typed while it was being built runs now. True when
    /// that changed what is shown.
    mutating func searchIndexDidLand(context: BrowserContext) -> Bool {
        guard mode == .prompt(.search), search?.awaitsIndex == true else { return false }
        runDraft(context: context)
        return true
    }

    private mutating func submitSearch(context: BrowserContext) {
        // A search submitted before the index has landed waits for it: what follows (the
        // hits, `n`, the filter) needs the results.
        if search?.awaitsIndex == true {
            context.searchCache.waitForIndex()
            runDraft(context: context)
        }
        mode = .browse
        guard let origin = searchOrigin else { return }
        searchOrigin = nil
        searchHistory.record(prompt.text)
        guard let draft = search, !draft.query.isEmpty else {
            // Nothing to look for: no search, and back where the reader was.
            restorePlace(of: origin)
            clearSearch(context: context)
            return
        }
        if let error = draft.error {
            message = Message(text: Self.sentence(error.description), isError: true)
        } else if draft.hitCount == 0 {
            message = Message(text: "No hits for \(draft.query.text)", isError: false)
        }
        if place != origin.place { history.record(leaving: origin.place) }
    }

    private mutating func cancelSearch() {
        mode = .browse
        guard let origin = searchOrigin else { return }
        searchOrigin = nil
        restorePlace(of: origin)
        focus = origin.focus
        search = origin.search
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
