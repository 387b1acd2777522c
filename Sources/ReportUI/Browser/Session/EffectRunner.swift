import ReportKit

extension BrowserState {
    /// Applies an action and performs the effects it hands back, feeding each outcome in as the
    /// next action, until none is left. This is where the waiting happens that `apply` may not
    /// do. Returns true when any effect ran.
    @discardableResult
    package mutating func send(
        _ action: Action, context: BrowserContext, store: (any ReadingStateStore)? = nil
    ) -> Bool {
        var pending = [action]
        var ranEffects = false
        while !pending.isEmpty {
            let effects = apply(pending.removeFirst(), context: context)
            ranEffects = ranEffects || !effects.isEmpty
            pending += effects.compactMap { perform($0, context: context, store: store) }
        }
        return ranEffects
    }

    /// Carries out one effect; the action reporting its outcome, if it has one.
    private func perform(_ effect: Effect, context: BrowserContext, store: (any ReadingStateStore)?) -> Action? {
        switch effect {
        case .runSearch(let query):
            return .searchAnswered(SearchDelivery(query: query, answer: context.searchCache.answer(for: query)))
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
