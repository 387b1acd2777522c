import ReportKit

/// One browsing session: the state plus what outlives frames (the laid-out text, the search
/// index, the store), advanced one event at a time. It turns events into actions, applies them
/// and performs the effects `apply` hands back. The run loop, the tests and `report-bench`
/// share it, so the benchmark times exactly what a key press costs.
package struct BrowserSession {
    package let report: Report
    package let theme: BrowserTheme
    package private(set) var state: BrowserState
    private let context: BrowserContext
    private let store: (any ReadingStateStore)?
    private let origin: ReportOrigin?
    let outlet: (any TextOutlet)?
    let options: BrowserOptions

    package init(
        report: Report, options: BrowserOptions, size: Size, store: (any ReadingStateStore)? = nil,
        searchCache: SearchCache? = nil, outlet: (any TextOutlet)? = nil
    ) {
        self.report = report
        self.outlet = outlet
        self.options = options
        // Guides and borders drawn two cells wide would break every column after them.
        theme = .standard(color: options.color, ascii: options.ascii || DisplayWidth.ambiguous == .wide)
        context = BrowserContext(
            report: report, glyphs: theme.glyphs, lineCache: DetailLineCache(), searchCache: searchCache)
        self.store = store
        origin = options.origin
        state = BrowserState(report: report, size: size)
        state.mouseCaptured = options.mouse
        state.apply(.resize(size), context: context)
        if let store {
            let (remembered, notices) = store.load()
            send(.restore(remembered, fresh: options.fresh, notices: notices))
        }
        if let preferencesStore = store as? any PreferencesStore {
            let (preferences, notices) = preferencesStore.loadPreferences()
            if let preferences { send(.restorePreferences(preferences)) }
            if !notices.isEmpty { send(.storeNotices(notices)) }
        }
    }

    /// Applies an event; false when the session is over.
    package mutating func handle(_ event: InputEvent) -> Bool {
        if event == .terminate { return false }
        guard let action = BrowserApp.action(for: event, in: state.bindingContext) else { return true }
        send(action)
        reopenIfEdited()
        return !state.hasQuit
    }

    @discardableResult
    mutating func send(_ action: Action) -> Bool {
        state.send(action, context: context, store: store, outlet: outlet)
    }

    /// Starts what is worth doing on another thread while the reader looks at the first frame:
    /// building a long report's search index, decoding the pinyin readings.
    package func startBackgroundWork() {
        context.searchCache.startIndexing()
        PinyinMatching.prepareReadingsInBackground()
    }

    /// True when background work has finished and `absorbBackgroundWork` would take it in.
    package var hasBackgroundWorkDone: Bool {
        context.searchCache.hasBuiltIndexWaiting || context.searchCache.hasFinishedSearchWaiting
    }

    /// Takes in finished background work; true when that changed the frame (a search typed
    /// while the index was being built, or run on the search worker, has its results now).
    package mutating func absorbBackgroundWork() -> Bool {
        var changed = false
        if context.searchCache.adoptBuiltIndex() { changed = send(.searchIndexLanded) }
        if let delivery = context.searchCache.adoptFinishedSearch() {
            send(.searchAnswered(delivery))
            changed = true
        }
        return changed
    }

    /// Saves the reading state; call once when the loop ends, however it ends.
    package mutating func finish() {
        guard let store else { return }
        var notices = store.save(state.remembered(in: report))
        if let preferencesStore = store as? any PreferencesStore {
            notices += preferencesStore.savePreferences(state.preferences)
        }
        send(.storeNotices(notices))
    }

    /// Lets a container of several reports (the library) act on this report's state with its
    /// context: showing a search run across reports, asking where `n` would go.
    package mutating func withState<T>(_ body: (inout BrowserState, BrowserContext) -> T) -> T {
        body(&state, context)
    }

    package func frame() -> (screen: Screen, cursor: (x: Int, y: Int)?) {
        BrowserRenderer.render(report: report, state: state, theme: theme, size: state.size, lineCache: context.lineCache, origin: origin)
    }
}
