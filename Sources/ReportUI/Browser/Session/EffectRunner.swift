import ReportKit

extension BrowserState {
    /// Applies an action and performs the effects it hands back, feeding each outcome in as the
    /// next action, until none is left. This is where the waiting happens that `apply` may not
    /// do. Returns true when any effect ran.
    @discardableResult
    package mutating func send(
        _ action: Action, context: BrowserContext, store: (any ReadingStateStore)? = nil,
        outlet: (any TextOutlet)? = nil
    ) -> Bool {
        var pending = [action]
        var ranEffects = false
        while !pending.isEmpty {
            let effects = apply(pending.removeFirst(), context: context)
            ranEffects = ranEffects || !effects.isEmpty
            pending += effects.compactMap { perform($0, context: context, store: store, outlet: outlet) }
        }
        return ranEffects
    }

    /// Carries out one effect; the action reporting its outcome, if it has one.
    private func perform(
        _ effect: Effect, context: BrowserContext, store: (any ReadingStateStore)?, outlet: (any TextOutlet)?
    ) -> Action? {
        switch effect {
        case .copy, .pipe, .edit, .save, .captureMouse:
            guard let outlet else { return .outletAnswered(OutletNotice("Text cannot leave the browser here", isError: true)) }
            return .outletAnswered(Self.carryOut(effect, through: outlet))
        case .runSearch(let query):
            return .searchAnswered(SearchDelivery(query: query, answer: context.searchCache.answer(for: query)))
        case .cancelPendingSearch:
            context.searchCache.cancelPendingSearch()
            return nil
        case .waitForSearchIndex:
            context.searchCache.waitForIndex()
            return .searchIndexLanded
        case .extractFigures:
            return .figuresExtracted(FigureExtractor.extract(from: context.report).figures)
        case .saveReading:
            guard let store else { return nil }
            return .storeNotices(store.save(remembered(in: context.report)))
        }
    }
}

extension BrowserState {
    /// Getting text out, through the executable's outlet.
    fileprivate static func carryOut(_ effect: Effect, through outlet: any TextOutlet) -> OutletNotice {
        switch effect {
        case .copy(let outgoing): outlet.copy(outgoing.text)
        case .pipe(let outgoing, let command): outlet.pipe(outgoing.text, to: command)
        case .edit(let line): outlet.edit(line: line)
        case .save(let outgoing, let path): outlet.save(outgoing.text, to: path)
        case .captureMouse(let on): outlet.captureMouse(on)
        default: OutletNotice("")
        }
    }
}
