import ReportKit

/// What the library view asks its session to do: anything that reads files.
package enum LibraryEffect: Hashable, Sendable {
    /// Open the entry's report; with a search shown, at the first hit of the section
    /// (`address`, nil: of the report), or at its last hit when `fromEnd`.
    case open(entry: Int, address: String?, fromEnd: Bool)
    /// Search every report; the outcome comes back through `receive`.
    case search(SearchQuery)
    /// Read these entries' figures; they come back through `receiveFigures`.
    case extractFigures([Int])
    /// Open the entry's report at a figure, lit.
    case openFigure(LibraryFigure)
    /// Open the compare view with the entry marked `old` on the left and `new` on the right.
    case compare(old: Int, new: Int)
}

/// The library list between key presses, as a plain value: the rows and the one selected,
/// the order, the filter, the search shown, and the prompt being typed. Reports themselves
/// are opened by the session (`LibraryEffect.open`) and read in their own `BrowserState`.
package struct LibraryState: Sendable {
    package enum Mode: Sendable {
        case list
        /// Typing narrows the list at once.
        case filter(PromptBuffer, before: String)
        /// The query runs over every report on Enter.
        case search(PromptBuffer)
        case help(HelpOverlay)
        /// The figures of the listed reports, grouped by subject.
        case figures(LibraryFiguresList)
    }

    package internal(set) var entries: [LibraryEntry]
    package internal(set) var size: Size
    package internal(set) var sort: LibrarySort = .path
    package internal(set) var filter = ""
    package internal(set) var search: LibrarySearchOutcome?
    /// Reports whose hit sections are shown under them.
    package internal(set) var expanded: Set<Int> = []
    package internal(set) var rows: [LibraryRow] = []
    /// Index into `rows`.
    package internal(set) var selected = 0
    /// The first row drawn.
    package internal(set) var top = 0
    package internal(set) var mode: Mode = .list
    package internal(set) var message: BrowserState.Message?
    package internal(set) var hasQuit = false
    package internal(set) var isRegex = false
    /// The report marked as the old side of a compare (`m`); `c` on another compares them.
    package internal(set) var compareOld: Int?
    var history = PromptHistory()

    package init(entries: [LibraryEntry], size: Size) {
        self.entries = entries
        self.size = size
        rebuild(keeping: nil)
        if let first = rows.firstIndex(where: { $0.entry != nil }) { selected = first }
    }

    /// What `?` lists in the list: its own keys, the figures table it opens with `#`, and the
    /// keys that work everywhere; not the browser's, which are listed by `?` inside a report.
    package static let helpContexts: Set<BindingContext> = [.library, .figures, .anywhere]

    package var bindingContext: BindingContext {
        switch mode {
        case .list: .library
        case .filter: .prompt
        case .search: .searchPrompt
        case .help: .help
        case .figures: .figures
        }
    }

    package var prompt: PromptBuffer? {
        switch mode {
        case .filter(let buffer, _), .search(let buffer): buffer
        default: nil
        }
    }

    package var selectedRow: LibraryRow? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// Rows the list pane shows at once: the screen less the header and the status line.
    package var listHeight: Int { max(1, size.height - 2) }

    /// Records that an entry turned out unreadable when opened, so the list says why.
    package mutating func markUnreadable(_ entry: Int, reason: String) {
        guard entries.indices.contains(entry) else { return }
        let old = entries[entry]
        entries[entry] = LibraryEntry(path: old.path, folder: old.folder, title: old.title, date: old.date, issuer: old.issuer, failure: reason)
        message = BrowserState.Message(text: "\(old.fileName): \(reason)", isError: true)
    }

    @discardableResult
    package mutating func apply(_ action: Action) -> [LibraryEffect] {
        if action.clearsMessage { message = nil }
        var effects: [LibraryEffect] = []
        switch action {
        case .resize(let newSize):
            size = newSize
        case .quit:
            hasQuit = true
        default:
            switch mode {
            case .list: effects = applyList(action)
            case .filter(let buffer, let before): applyFilter(action, buffer: buffer, before: before)
            case .search(let buffer): effects = applySearchPrompt(action, buffer: buffer)
            case .help(var help):
                let view = ReportView(report: Self.emptyReport, size: size, search: nil, marks: MarkBook(), place: BrowserPlace(row: .title, position: .start(of: .title)))
                mode = help.handle(action, in: view).closes ? .list : .help(help)
            case .figures(var list):
                switch list.handle(action, page: max(1, size.height - 6)) {
                case .stays: mode = .figures(list)
                case .closes: mode = .list
                case .open(let figure):
                    mode = .figures(list)
                    effects = [.openFigure(figure)]
                }
            }
        }
        keepSelectionVisible()
        return effects
    }

    static let emptyReport = ReportParser.parse("")

    mutating func applyList(_ action: Action) -> [LibraryEffect] {
        switch action {
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: move(by: max(1, listHeight - 1))
        case .pageUp: move(by: -max(1, listHeight - 1))
        case .goFirst: move(by: -rows.count)
        case .goLast: move(by: rows.count)
        case .choose: return chooseSelected()
        case .expandOrDescend:
            guard case .report(let entry)? = selectedRow, search?.hits(of: entry) != nil else { return chooseSelected() }
            if expanded.contains(entry) { move(by: 1) } else { setExpanded(entry, true) }
        case .collapseOrAscend:
            switch selectedRow {
            case .section(let entry, _)?: selected = rows.firstIndex(of: .report(entry)) ?? selected
            case .report(let entry)? where expanded.contains(entry): setExpanded(entry, false)
            default: break
            }
        case .cycleLibrarySort:
            sort = sort.next
            rebuild(keeping: selectedRow)
            message = BrowserState.Message(text: "Sorted \(sort.label)", isError: false)
        case .openLibraryFilter: mode = .filter(PromptBuffer(filter), before: filter)
        case .insert(let character):
            // A Chinese character typed into the list starts the filter with it.
            mode = .filter(PromptBuffer(filter + String(character)), before: filter)
            setFilter(filter + String(character))
        case .openSearch:
            history.restart()
            mode = .search(PromptBuffer())
        case .nextHit, .previousHit: stepHitRow(forward: action == .nextHit)
        case .clearSearch:
            if search != nil {
                search = nil
                expanded = []
                rebuild(keeping: selectedRow)
            } else if !filter.isEmpty {
                setFilter("")
            }
        case .showHelp: mode = .help(HelpOverlay(contexts: Self.helpContexts))
        case .showFigures: return openFigures()
        case .markCompareOld: markCompareOld()
        case .compareWithMarked: return compareWithMarked()
        case .click(_, let y):
            let row = top + y - 1
            if y >= 1, y <= listHeight, rows.indices.contains(row) { selected = row }
        case .scroll(_, _, let lines): move(by: lines)
        case .unbound(let key):
            message = BrowserState.Message(text: "\(key.label()) does nothing here · ? lists the keys", isError: false)
        default:
            break
        }
        return []
    }

    mutating func chooseSelected() -> [LibraryEffect] {
        switch selectedRow {
        case .folder?, nil:
            return []
        case .report(let entry)?:
            if let failure = entries[entry].failure {
                message = BrowserState.Message(text: "\(entries[entry].fileName) cannot be read: \(failure)", isError: true)
                return []
            }
            return [.open(entry: entry, address: nil, fromEnd: false)]
        case .section(let entry, let position)?:
            let address = search?.hits(of: entry)?.sections[position].address
            return [.open(entry: entry, address: address, fromEnd: false)]
        }
    }

    mutating func applyFilter(_ action: Action, buffer: PromptBuffer, before: String) {
        var buffer = buffer
        if buffer.edit(action) {
            mode = .filter(buffer, before: before)
            setFilter(buffer.text)
            return
        }
        switch action {
        case .submitPrompt:
            mode = .list
            if rows.allSatisfy({ $0.entry == nil }) {
                message = BrowserState.Message(text: "No report matches \(filter) · Esc clears the filter", isError: false)
            }
        case .cancelPrompt:
            mode = .list
            setFilter(before)
        default:
            break
        }
    }

    /// Selects the report's row, as when coming back from reading it.
    package mutating func select(entry: Int) {
        if let row = rows.firstIndex(of: .report(entry)) { selected = row }
        keepSelectionVisible()
    }

    mutating func setFilter(_ text: String) {
        filter = text
        rebuild(keeping: selectedRow)
    }

    mutating func setExpanded(_ entry: Int, _ open: Bool) {
        if open { expanded.insert(entry) } else { expanded.remove(entry) }
        rebuild(keeping: selectedRow)
    }

    /// Rebuilds the rows, keeping the selection on the same row when it is still there, else
    /// on the same report, else on the first report.
    mutating func rebuild(keeping row: LibraryRow?) {
        rows = LibraryRows.build(entries: entries, sort: sort, filter: filter, search: search, expanded: expanded)
        if let row, let index = rows.firstIndex(of: row) {
            selected = index
        } else if let entry = row?.entry, let index = rows.firstIndex(of: .report(entry)) {
            selected = index
        } else {
            selected = rows.firstIndex { $0.entry != nil } ?? 0
        }
    }

    mutating func move(by delta: Int) {
        guard !rows.isEmpty else { return }
        selected = min(max(0, selected + delta), rows.count - 1)
    }

    mutating func keepSelectionVisible() {
        let height = listHeight
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
        top = max(0, min(top, max(0, rows.count - height)))
    }
}
