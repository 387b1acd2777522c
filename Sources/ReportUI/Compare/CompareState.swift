import ReportKit

/// The top of both text panes: a pair and a row inside its block. Both panes share it, which
/// is what makes them scroll together: a pair's block is as tall as its longer side.
package struct ComparePosition: Hashable, Sendable, Comparable {
    package var pair: Int
    package var row: Int

    package init(pair: Int, row: Int) {
        self.pair = pair
        self.row = row
    }

    package static func < (left: ComparePosition, right: ComparePosition) -> Bool {
        (left.pair, left.row) < (right.pair, right.row)
    }
}

package enum CompareFocus: Hashable, Sendable {
    case tree
    case text
}

package enum CompareMode: Hashable, Sendable {
    case browse
    case search(PromptBuffer)
    /// The key list, scrolled this many lines.
    case help(scroll: Int)
}

/// The compare view as a value: which pair is selected, where the texts are scrolled, what is
/// being typed, the search. `apply` is its only mutator; the document it is handed lays out
/// pairs (a memo) and never changes what the state means.
package struct CompareState: Sendable {
    package private(set) var size: Size
    package private(set) var layout: CompareLayout
    package private(set) var focus: CompareFocus = .tree
    package private(set) var mode: CompareMode = .browse
    /// The pair the tree's cursor is on; always visible in the texts.
    package private(set) var selected = 0
    package private(set) var position = ComparePosition(pair: 0, row: 0)
    package private(set) var treeTop = 0
    package private(set) var search: CompareSearch?
    /// One line for the status bar about the last key: nothing found, no later change.
    package private(set) var message: String?
    package private(set) var hasQuit = false

    package init(size: Size) {
        self.size = size
        layout = CompareLayout(size: size)
    }

    package var bindingContext: BindingContext {
        switch mode {
        case .browse: .compare
        case .search: .prompt
        case .help: .help
        }
    }

    package mutating func apply(_ action: Action, document: CompareDocument) {
        if action != .resize(size) { message = nil }
        switch mode {
        case .browse: applyBrowsing(action, document: document)
        case .search(let buffer): applyPrompt(action, buffer: buffer, document: document)
        case .help(let scroll): applyHelp(action, scroll: scroll)
        }
    }

    private mutating func applyBrowsing(_ action: Action, document: CompareDocument) {
        let last = document.pairCount - 1
        switch action {
        case .quit: hasQuit = true
        case .resize(let newSize): resize(to: newSize, document: document)
        case .switchFocus: focus = focus == .tree ? .text : .tree
        case .moveDown: focus == .tree ? select(selected + 1, document) : scroll(by: 1, document)
        case .moveUp: focus == .tree ? select(selected - 1, document) : scroll(by: -1, document)
        case .pageDown: focus == .tree ? select(selected + max(1, layout.tree.height - 1), document) : scroll(by: page, document)
        case .pageUp: focus == .tree ? select(selected - max(1, layout.tree.height - 1), document) : scroll(by: -page, document)
        case .goFirst: select(0, document)
        case .goLast: select(last, document)
        case .scroll(_, _, let lines): scroll(by: lines, document)
        case .click(let x, let y): click(x: x, y: y, document)
        case .nextChange:
            if let next = document.alignment.nextChange(after: selected) { select(next, document) } else { message = "No later change" }
        case .previousChange:
            if let previous = document.alignment.previousChange(before: selected) { select(previous, document) } else {
                message = "No earlier change"
            }
        case .openSearch: mode = .search(PromptBuffer())
        case .nextHit: goToHit(forward: true, document)
        case .previousHit: goToHit(forward: false, document)
        case .clearSearch: search = nil
        case .showHelp: mode = .help(scroll: 0)
        default: break
        }
    }

    private mutating func applyPrompt(_ action: Action, buffer: PromptBuffer, document: CompareDocument) {
        var buffer = buffer
        switch action {
        case .insert(let character): buffer.insert(character)
        case .deleteBackward: buffer.deleteBackward()
        case .deleteForward: buffer.deleteForward()
        case .cursorLeft: buffer.moveLeft()
        case .cursorRight: buffer.moveRight()
        case .cursorToStart: buffer.moveToStart()
        case .cursorToEnd: buffer.moveToEnd()
        case .cancelPrompt:
            mode = .browse
            return
        case .submitPrompt:
            mode = .browse
            runSearch(buffer.text, document)
            return
        case .resize(let newSize): resize(to: newSize, document: document)
        case .quit: hasQuit = true
        default: break
        }
        mode = .search(buffer)
    }

    private mutating func applyHelp(_ action: Action, scroll: Int) {
        var scroll = scroll
        let page = max(1, HelpOverlay.bodyHeight(in: size) - 1)
        switch action {
        case .closeHelp:
            mode = .browse
            return
        case .moveDown: scroll += 1
        case .moveUp: scroll -= 1
        case .pageDown: scroll += page
        case .pageUp: scroll -= page
        case .resize(let newSize):
            size = newSize
            layout = CompareLayout(size: newSize)
        case .quit: hasQuit = true
        default: break
        }
        mode = .help(scroll: min(max(0, scroll), HelpOverlay.maxScroll(in: size, contexts: Self.helpContexts)))
    }

    private var page: Int { max(1, layout.textHeight - 1) }

    /// What `?` lists here: the compare view's keys and those that work everywhere, not the
    /// single-report browser's.
    package static let helpContexts: Set<BindingContext> = [.compare, .anywhere]

    // MARK: Selection and scrolling

    /// Selects a pair and brings its first row to the top of the texts (or as near as the end
    /// of the document allows).
    package mutating func select(_ pair: Int, _ document: CompareDocument) {
        guard document.pairCount > 0 else { return }
        selected = min(max(0, pair), document.pairCount - 1)
        position = min(ComparePosition(pair: selected, row: 0), lastPosition(document))
        keepSelectionInTree()
    }

    /// Scrolls both texts by rows; the selection follows when it leaves the screen.
    package mutating func scroll(by rows: Int, _ document: CompareDocument) {
        guard document.pairCount > 0 else { return }
        let width = layout.textWidth
        var next = position
        next.row += rows
        while next.row < 0, next.pair > 0 {
            next.pair -= 1
            next.row += document.blockHeight(of: next.pair, width: width)
        }
        next.row = max(0, next.row)
        while next.pair < document.pairCount - 1, next.row >= document.blockHeight(of: next.pair, width: width) {
            next.row -= document.blockHeight(of: next.pair, width: width)
            next.pair += 1
        }
        position = min(next, lastPosition(document))
        if !visiblePairs(document).contains(selected) {
            selected = position.row > 0 && position.pair + 1 < document.pairCount
                && document.blockHeight(of: position.pair, width: width) - position.row <= 1 ? position.pair + 1 : position.pair
        }
        keepSelectionInTree()
    }

    /// The pairs with at least one row on screen.
    package func visiblePairs(_ document: CompareDocument) -> ClosedRange<Int> {
        let width = layout.textWidth
        var pair = position.pair
        var shown = document.blockHeight(of: pair, width: width) - position.row
        while shown < layout.textHeight, pair + 1 < document.pairCount {
            pair += 1
            shown += document.blockHeight(of: pair, width: width)
        }
        return position.pair...max(position.pair, pair)
    }

    /// The furthest the texts scroll: the last row of the last pair at the bottom.
    private func lastPosition(_ document: CompareDocument) -> ComparePosition {
        let width = layout.textWidth
        var remaining = max(1, layout.textHeight)
        var pair = document.pairCount - 1
        while pair >= 0 {
            let height = document.blockHeight(of: pair, width: width)
            if height >= remaining { return ComparePosition(pair: pair, row: height - remaining) }
            remaining -= height
            pair -= 1
        }
        return ComparePosition(pair: 0, row: 0)
    }

    /// A click on a tree row selects its pair; on a text, gives the texts the keyboard.
    private mutating func click(x: Int, y: Int, _ document: CompareDocument) {
        if layout.tree.contains(x: x, y: y) {
            focus = .tree
            let pair = treeTop + y - layout.tree.y
            if pair < document.pairCount { select(pair, document) }
        } else if layout.oldText.contains(x: x, y: y) || layout.newText.contains(x: x, y: y) {
            focus = .text
        }
    }

    private mutating func keepSelectionInTree() {
        let height = layout.tree.height
        guard height > 0 else { return }
        if selected < treeTop { treeTop = selected }
        if selected >= treeTop + height { treeTop = selected - height + 1 }
    }

    private mutating func resize(to newSize: Size, document: CompareDocument) {
        size = newSize
        layout = CompareLayout(size: newSize)
        guard document.pairCount > 0 else { return }
        // Rows re-wrap at the new width: keep the pair, start it afresh if the row is gone.
        let height = document.blockHeight(of: position.pair, width: layout.textWidth)
        if position.row >= height { position.row = 0 }
        position = min(position, lastPosition(document))
        treeTop = min(treeTop, selected)
        keepSelectionInTree()
    }

    // MARK: Search

    private mutating func runSearch(_ text: String, _ document: CompareDocument) {
        let query = SearchQuery(text)
        guard !query.isEmpty else {
            search = nil
            return
        }
        do {
            search = try CompareSearch(query: query, document: document)
        } catch {
            message = "Search: \(error)"
            return
        }
        guard let search, !search.pairs.isEmpty else {
            message = "Not found in either version: \(text)"
            return
        }
        let target = search.pairs.first { $0 >= selected } ?? search.pairs[0]
        select(target, document)
        message = search.summary
    }

    private mutating func goToHit(forward: Bool, _ document: CompareDocument) {
        guard let search, !search.pairs.isEmpty else {
            message = "No search: / searches both versions"
            return
        }
        if forward {
            if let next = search.pairs.first(where: { $0 > selected }) { select(next, document) } else {
                select(search.pairs[0], document)
                message = "Search wrapped to the first pair"
            }
        } else {
            if let previous = search.pairs.last(where: { $0 < selected }) { select(previous, document) } else {
                select(search.pairs[search.pairs.count - 1], document)
                message = "Search wrapped to the last pair"
            }
        }
    }
}
