import ReportKit

/// A library being browsed: the list, and the reports opened from it, each in its own
/// `BrowserSession` (the single-report browser, unchanged), one of them shown at a time.
/// Keys go to the shown report, except `L` (back to the list) and an `n`/`N` that would wrap
/// round the report while a library search is shown, which moves on to the next report with
/// hits. The run loop, the tests and `report-bench` share it.
package struct LibrarySession {
    package let catalog: any LibraryCatalog
    package let theme: BrowserTheme
    package private(set) var list: LibraryState
    /// The entry whose report is shown; nil while the list is.
    package private(set) var current: Int?
    private let options: BrowserOptions
    private var sessions: [Int: BrowserSession] = [:]
    /// The compare view opened from the list (`m`, then `c`); shown over everything while set.
    package private(set) var compare: CompareSession?
    /// The new side's entry, selected in the list when the compare view is quit.
    private var compareNew = 0
    /// Opened reports, least recently shown first, for closing the oldest.
    private var recent: [Int] = []
    /// Reports kept open (with their place, search and index) at once.
    static let openLimit = 8
    /// The shown search's rest being counted, while it is.
    private var counting: LibrarySearchCounting?
    /// Reports with hits a search shows before the rest is counted: a screenful and more.
    static let firstScreenReports = 64

    package init(catalog: any LibraryCatalog, options: BrowserOptions, size: Size) {
        self.catalog = catalog
        self.options = options
        theme = .standard(color: options.color, ascii: options.ascii || DisplayWidth.ambiguous == .wide)
        list = LibraryState(entries: catalog.entries, size: size)
    }

    /// The shown report's session.
    package var report: BrowserSession? { current.flatMap { sessions[$0] } }

    package var bindingContext: BindingContext {
        compare?.state.bindingContext ?? report?.state.bindingContext ?? list.bindingContext
    }

    /// Applies an event; false when the session is over.
    package mutating func handle(_ event: InputEvent) -> Bool {
        if event == .terminate { return false }
        if case .resize(let size) = event {
            list.apply(.resize(size))
            if let current { _ = sessions[current]?.handle(event) }
            _ = compare?.handle(event)
            return true
        }
        if compare != nil { return handleCompare(event) }
        if let current, var session = sessions[current] {
            if let action = libraryAction(for: event, in: session) {
                // The next report with hits may be among those not counted yet.
                if action == .nextHit || action == .previousHit { waitForCounting() }
                switch action {
                case .backToLibrary:
                    self.current = nil
                    list.select(entry: current)
                    return true
                case .nextHit, .previousHit:
                    moveToNextReport(from: current, forward: action == .nextHit)
                    return true
                default:
                    break
                }
            }
            let goesOn = session.handle(event)
            sessions[current] = session
            return goesOn
        }
        if let action = BrowserApp.action(for: event, in: list.bindingContext), action == .nextHit || action == .previousHit {
            waitForCounting()
        }
        guard let action = BrowserApp.action(for: event, in: list.bindingContext) else {
            // Chinese typed into the list filters it (an input method sends no bound key).
            if list.bindingContext == .library, case .key(.character(let character)) = event, !character.isASCII {
                perform(list.apply(.insert(character)))
            }
            return true
        }
        perform(list.apply(action))
        return !list.hasQuit
    }

    /// The keys the library takes from a shown report: `L`, and `n`/`N` at the end of its hits.
    private func libraryAction(for event: InputEvent, in session: BrowserSession) -> Action? {
        guard case .key(let key) = event, session.state.bindingContext == .browse,
            let action = KeyBindings.action(for: key, in: .browse)
        else { return nil }
        if action == .backToLibrary { return action }
        guard action == .nextHit || action == .previousHit, let search = list.search,
            session.state.search?.query == search.query
        else { return nil }
        var probe = session
        let wraps = probe.withState { state, context in
            state.hitStepWouldWrap(forward: action == .nextHit, query: search.query, context: context)
        }
        // While the rest is counted, another report with hits may yet come: the step waits.
        return wraps && (list.search!.reports.count > 1 || counting != nil) ? action : nil
    }

    private mutating func moveToNextReport(from entry: Int, forward: Bool) {
        let next = list.reportWithHits(after: entry, forward: forward)
            ?? list.reportWithHits(after: -1, forward: forward)
        guard let next else { return }
        open(next, address: nil, fromEnd: !forward)
        let name = list.entries[next].title
        if let current = self.current, var session = sessions[current] {
            session.withState { state, _ in
                state.message = BrowserState.Message(
                    text: (forward ? "Next report: " : "Previous report: ") + name, isError: false)
            }
            sessions[current] = session
        }
    }

    private mutating func perform(_ effects: [LibraryEffect]) {
        for effect in effects {
            switch effect {
            case .open(let entry, let address, let fromEnd): open(entry, address: address, fromEnd: fromEnd)
            case .search(let query): startSearch(query)
            case .extractFigures(let entries): extractFigures(of: entries)
            case .compare(let old, let new): openCompare(old: old, new: new)
            case .openFigure(let item):
                open(item.entry, address: nil, fromEnd: false)
                guard current == item.entry, var session = sessions[item.entry] else { return }
                session.withState { state, context in
                    state.showText(item.figure.range, section: item.figure.sectionIndex, context: context)
                }
                sessions[item.entry] = session
            }
        }
    }

    /// Reads the figures of the listed reports, through the open ones' reports when they are open.
    private mutating func extractFigures(of entries: [Int]) {
        var figures: [LibraryFigure] = []
        var unreadable = 0
        for entry in entries {
            let report: Report
            if let open = sessions[entry] {
                report = open.report
            } else if case .success(let opened) = catalog.open(entry) {
                report = opened.report
            } else {
                unreadable += 1
                continue
            }
            figures += FigureExtractor.extract(from: report).figures.map { LibraryFigure(entry: entry, figure: $0) }
        }
        list.receiveFigures(figures, unreadable: unreadable)
    }

    /// Shows an entry's report, opening it when it is not open yet; with a search shown, at
    /// its hits.
    private mutating func open(_ entry: Int, address: String?, fromEnd: Bool) {
        var session: BrowserSession
        if let open = sessions[entry] {
            session = open
        } else {
            switch catalog.open(entry) {
            case .failure(let failure):
                list.markUnreadable(entry, reason: failure.reason)
                return
            case .success(let opened):
                var reportOptions = options
                reportOptions.origin = opened.origin
                session = BrowserSession(report: opened.report, options: reportOptions, size: list.size, store: opened.store)
                session.startBackgroundWork()
                closeOldest()
            }
        }
        if session.state.size != list.size { _ = session.handle(.resize(list.size)) }
        if let search = list.search {
            session.withState { state, context in
                _ = state.showLibrarySearch(search.query, address: address, fromEnd: fromEnd, context: context)
            }
        }
        sessions[entry] = session
        recent.removeAll { $0 == entry }
        recent.append(entry)
        current = entry
    }

    private mutating func closeOldest() {
        while recent.count >= Self.openLimit {
            let oldest = recent.removeFirst()
            sessions[oldest]?.finish()
            sessions[oldest] = nil
        }
    }

    /// Keys for the compare view opened from the list. Its `q` comes back to the list (as `L`
    /// does from a report); Ctrl-C still ends the whole session.
    private mutating func handleCompare(_ event: InputEvent) -> Bool {
        guard var session = compare else { return true }
        if case .key(.control("c")) = event { return false }
        if session.handle(event) {
            compare = session
        } else {
            compare = nil
            list.select(entry: compareNew)
        }
        return true
    }

    /// Opens both members (through their open sessions when they are open) and shows them
    /// side by side; an unreadable one is said in the list instead.
    private mutating func openCompare(old: Int, new: Int) {
        var reports: [Report] = []
        for entry in [old, new] {
            if let open = sessions[entry] {
                reports.append(open.report)
                continue
            }
            switch catalog.open(entry) {
            case .failure(let failure):
                list.compareFailed(entry: entry, reason: failure.reason)
                return
            case .success(let opened):
                reports.append(opened.report)
            }
        }
        let compareTheme = CompareTheme(color: options.color, ascii: options.ascii || DisplayWidth.ambiguous == .wide)
        let document = CompareDocument(
            old: reports[0], new: reports[1], oldName: list.entries[old].fileName, newName: list.entries[new].fileName,
            arrow: compareTheme.arrow)
        compareNew = new
        document.startIndexing()
        compare = CompareSession(document: document, theme: compareTheme, size: list.size)
    }

    package var hasBackgroundWorkDone: Bool { (counting?.isDone ?? false) || (report?.hasBackgroundWorkDone ?? false) }

    package mutating func absorbBackgroundWork() -> Bool {
        var counted = false
        if let counting, counting.isDone {
            counted = absorbCounting()
        }
        guard let current, var session = sessions[current] else { return counted }
        let changed = session.absorbBackgroundWork()
        sessions[current] = session
        return changed || counted
    }

    /// Shows the first screen's reports at once; the rest are counted on a worker.
    private mutating func startSearch(_ query: SearchQuery) {
        counting?.stop()
        counting = nil
        let start = catalog.startSearch(query, firstScreen: Self.firstScreenReports)
        list.receive(start.outcome)
        if let rest = start.rest, list.search?.query == query {
            counting = LibrarySearchCounting(query: query, rest: rest)
        }
    }

    /// Waits for the count in progress, for a step across reports that needs them all.
    private mutating func waitForCounting() {
        guard counting != nil else { return }
        _ = absorbCounting()
    }

    private mutating func absorbCounting() -> Bool {
        guard let counting else { return false }
        self.counting = nil
        guard let outcome = counting.wait() else { return false }
        list.receiveRest(outcome)
        return true
    }

    /// Saves every open report's reading state; once, when the loop ends.
    package mutating func finish() {
        for entry in sessions.keys { sessions[entry]?.finish() }
    }

    package func frame() -> (screen: Screen, cursor: (x: Int, y: Int)?) {
        if let compare { return compare.frame() }
        if let report { return report.frame() }
        return LibraryRenderer.render(list, note: catalog.listingNote, theme: theme)
    }
}

/// The interactive library: the list, and the reports opened from it, until the reader quits.
package struct LibraryApp {
    private let catalog: any LibraryCatalog
    private let options: BrowserOptions

    package init(catalog: any LibraryCatalog, options: BrowserOptions = BrowserOptions()) {
        self.catalog = catalog
        self.options = options
    }

    package func run(on terminal: some Terminal) -> Int32 {
        var session = LibrarySession(catalog: catalog, options: options, size: terminal.size)
        SessionLoop.run(&session, on: terminal)
        return 0
    }
}
