import ReportKit

extension BrowserState {
    /// The one way the state changes. Quick and pure: whatever would wait, run long or write
    /// comes back as effects for the session to perform.
    @discardableResult
    package mutating func apply(_ action: Action, context: BrowserContext) -> [Effect] {
        // A message answers the key before; the next key clears it.
        if action.clearsMessage { message = nil }
        var effects: [Effect] = []
        switch action {
        case .quit:
            hasQuit = true
        case .resize(let newSize):
            size = newSize
        case .restore(let remembered, let fresh, let notices):
            restore(remembered, fresh: fresh, notices: notices, context: context)
        case .restorePreferences(let preferences):
            adopt(preferences)
        case .storeNotices(let notices):
            showStoreNotices(notices)
        case .searchAnswered(let delivery):
            effects = receive(delivery, context: context)
        case .searchIndexLanded:
            effects = searchIndexDidLand()
        case .figuresExtracted(let figures):
            figuresDidLand(figures, context: context)
        case .outletAnswered(let notice):
            message = Message(text: notice.text, isError: notice.isError)
        default:
            switch mode {
            case .browse: effects = applyBrowsing(action, context: context)
            case .markLetter(let intent): effects = applyMarkLetter(action, intent: intent, context: context)
            case .goto(let buffer): applyGotoPrompt(action, buffer: buffer, context: context)
            case .search(let prompt): effects = applySearchPrompt(action, prompt: prompt, context: context)
            case .overlay(var overlay):
                let result = overlay.handle(action, in: view(of: context.report))
                mode = result.closes ? .browse : .overlay(overlay)
                if let request = result.request { effects = perform(request, context: context) }
            case .outputPrompt(let prompt): effects = applyOutputPrompt(action, prompt: prompt)
            }
        }
        keepSelectionVisible(context: context)
        return effects
    }

    private mutating func applyBrowsing(_ action: Action, context: BrowserContext) -> [Effect] {
        if deferUntilAnswered(action, context: context) { return [] }
        switch action {
        case .moveDown, .moveUp, .pageDown, .pageUp, .goFirst, .goLast:
            if focus == .tree { moveInTree(action, context: context) } else { moveInText(action, context: context) }
        case .halfPageDown, .halfPageUp: moveByHalfPage(down: action == .halfPageDown, context: context)
        case .expandOrDescend: expandOrDescend(context: context)
        case .collapseOrAscend: collapseOrAscend(context: context)
        case .expandAll: refold(throughDepth: .max, context: context)
        case .collapseAll: refold(throughDepth: 0, context: context)
        case .expandToLevel(let levels): refold(throughDepth: levels - 1, context: context)
        case .nextSibling, .previousSibling, .nextChapter, .previousChapter:
            jumpAlongOutline(action, context: context)
        case .openGoto: openGoto()
        case .jumpBack, .jumpForward: travelHistory(forward: action == .jumpForward, context: context)
        case .openSearch: openSearch(context: context)
        case .nextHit, .previousHit: stepHit(forward: action == .nextHit, context: context)
        case .toggleFilter: toggleFilter(context: context)
        case .clearSearch:
            // A search still running is not wanted any more.
            let running = search?.isSearching == true
            clearSearch(context: context)
            if running { return [.cancelPendingSearch] }
        case .showResults: openResultsList(context: context)
        case .beginMark, .beginMarkJump, .showMarks: beginMarks(action)
        case .toggleContinuous: toggleContinuous(context: context)
        case .toggleReflow: toggleReflow()
        case .toggleSectionSizes:
            tree.showsSizes.toggle()
            message = Message(text: tree.showsSizes ? "Sizes: each section's share of the report" : "Sizes hidden", isError: false)
        case .switchFocus: focus = focus == .tree ? .detail : .tree
        case .narrowTree: treeShare = max(BrowserLayout.treeShareRange.lowerBound, treeShare - 5)
        case .widenTree: treeShare = min(BrowserLayout.treeShareRange.upperBound, treeShare + 5)
        case .showHelp: mode = .overlay(HelpOverlay())
        case .showWarnings: openWarnings(in: context.report)
        case .showFigures: return openFigures(context: context)
        case .copyText, .pipeText, .editSource, .saveText, .toggleMouse: return applyTextOut(action, context: context)
        case .click(let x, let y): click(x: x, y: y, context: context)
        case .scroll(let x, let y, let lines): wheel(x: x, y: y, lines: lines, context: context)
        case .unbound(let key):
            message = Message(text: "\(key.label()) does nothing here · ? lists the keys", isError: false)
        default:
            break
        }
        return []
    }

    /// What an overlay asked for.
    private mutating func perform(_ request: BrowserRequest, context: BrowserContext) -> [Effect] {
        switch request {
        case .showHit(let index):
            showHit(index, context: context, asJump: true)
        case .jumpToMark(let letter):
            jumpToMark(letter, context: context)
        case .deleteMark(let letter):
            return deleteMark(letter)
        case .jumpToSection(let index):
            jump(to: .section(index), context: context)
        case .showText(let range, let section):
            showText(range, section: section, context: context)
        }
        return []
    }
}

extension PromptBuffer {
    /// The editing keys every prompt shares; false when the action is not one of them.
    mutating func edit(_ action: Action) -> Bool {
        switch action {
        case .insert(let character): insert(character)
        case .deleteBackward: deleteBackward()
        case .deleteForward: deleteForward()
        case .cursorLeft: moveLeft()
        case .cursorRight: moveRight()
        case .cursorToStart: moveToStart()
        case .cursorToEnd: moveToEnd()
        default: return false
        }
        return true
    }
}
