/// The panes' state under the names the browser's logic reads it by. The selection moves the
/// text pane's root with it, so the two panes can never show different sections.
extension BrowserState {
    package internal(set) var selection: OutlineRow {
        get { tree.selection }
        set {
            tree.selection = newValue
            reader.root = newValue
        }
    }

    package internal(set) var expansion: Expansion {
        get { tree.expansion }
        set { tree.expansion = newValue }
    }

    package internal(set) var treeTop: OutlineRow {
        get { tree.top }
        set { tree.top = newValue }
    }

    /// Where the selection's text is scrolled to.
    package internal(set) var reading: DetailPosition {
        get { reader.position }
        set { reader.position = newValue }
    }

    package internal(set) var search: SearchState? {
        get { searching.shown }
        set { searching.shown = newValue }
    }

    package var searchHistory: PromptHistory { searching.history }

    /// The open prompt's text; empty when none is open.
    package var prompt: PromptBuffer { mode.prompt ?? PromptBuffer() }

    /// The search prompt's origin while it is open.
    var searchOrigin: SearchOrigin? {
        if case .search(let prompt) = mode { return prompt.origin }
        return nil
    }

    /// The results list's selection while it is open.
    package var resultsList: ResultsListState {
        if case .overlay(let overlay) = mode, let results = overlay as? SearchResultsOverlay { return results.list }
        return ResultsListState()
    }
}

extension BrowserState {
    /// The mark highlighted in the marks list while it is open.
    package var highlightedMark: Character? {
        guard case .overlay(let overlay) = mode, let list = overlay as? MarksOverlay else { return nil }
        let letters = marks.letters
        return letters.indices.contains(list.cursor) ? letters[list.cursor] : nil
    }
}
