import ReportKit

extension BrowserState {
    /// The one way the state changes.
    package mutating func apply(_ action: Action, context: BrowserContext) {
        // A message answers the key before; the next key clears it. Resizes are not keys.
        if case .resize = action {} else { message = nil }
        switch action {
        case .quit:
            hasQuit = true
        case .resize(let newSize):
            size = newSize
        default:
            switch mode {
            case .browse: applyBrowsing(action, context: context)
            case .prompt(.search): applySearchPrompt(action, context: context)
            case .marks(let marksMode): applyMarks(action, in: marksMode, context: context)
            case .prompt(let kind): applyPrompt(action, kind: kind, context: context)
            case .results: applyResultsList(action, context: context)
            case .help: applyHelp(action)
            }
        }
        keepSelectionVisible(context: context)
    }

    private mutating func applyBrowsing(_ action: Action, context: BrowserContext) {
        switch action {
        case .moveDown, .moveUp, .pageDown, .pageUp, .goFirst, .goLast:
            if focus == .tree { moveInTree(action, context: context) } else { moveInText(action, context: context) }
        case .expandOrDescend: expandOrDescend(context: context)
        case .collapseOrAscend: collapseOrAscend(context: context)
        case .expandAll: refold(throughDepth: .max, context: context)
        case .collapseAll: refold(throughDepth: 0, context: context)
        case .expandToLevel(let levels): refold(throughDepth: levels - 1, context: context)
        case .nextSibling, .previousSibling, .nextChapter, .previousChapter:
            jumpAlongOutline(action, context: context)
        case .openGoto:
            mode = .prompt(.goto)
            prompt = PromptBuffer()
        case .jumpBack, .jumpForward: travelHistory(forward: action == .jumpForward, context: context)
        case .openSearch: openSearch(context: context)
        case .nextHit, .previousHit: stepHit(forward: action == .nextHit, context: context)
        case .toggleFilter: toggleFilter(context: context)
        case .clearSearch: clearSearch(context: context)
        case .showResults: openResultsList(context: context)
        case .beginMark, .beginMarkJump, .showMarks: beginMarks(action)
        case .switchFocus: focus = focus == .tree ? .detail : .tree
        case .narrowTree: treeShare = max(BrowserLayout.treeShareRange.lowerBound, treeShare - 5)
        case .widenTree: treeShare = min(BrowserLayout.treeShareRange.upperBound, treeShare + 5)
        case .showHelp:
            mode = .help
            helpScroll = 0
        case .click(let x, let y): click(x: x, y: y, context: context)
        case .scroll(let x, let y, let lines): wheel(x: x, y: y, lines: lines, context: context)
        case .unbound(let key):
            message = Message(text: "\(key.label()) does nothing here · ? lists the keys", isError: false)
        default:
            break
        }
    }

    private mutating func applyPrompt(_ action: Action, kind: PromptKind, context: BrowserContext) {
        if editPrompt(action) { return }
        switch action {
        case .cancelPrompt: mode = .browse
        case .submitPrompt:
            mode = .browse
            switch kind {
            case .goto: goTo(prompt.text, context: context)
            case .search: break
            }
        default:
            break
        }
    }

    /// The editing keys every prompt shares; false when the action is not one of them.
    mutating func editPrompt(_ action: Action) -> Bool {
        switch action {
        case .insert(let character): prompt.insert(character)
        case .deleteBackward: prompt.deleteBackward()
        case .deleteForward: prompt.deleteForward()
        case .cursorLeft: prompt.moveLeft()
        case .cursorRight: prompt.moveRight()
        case .cursorToStart: prompt.moveToStart()
        case .cursorToEnd: prompt.moveToEnd()
        default: return false
        }
        return true
    }

    private mutating func applyHelp(_ action: Action) {
        let page = max(1, HelpOverlay.bodyHeight(in: size) - 1)
        switch action {
        case .closeHelp: mode = .browse
        case .moveDown: helpScroll += 1
        case .moveUp: helpScroll -= 1
        case .pageDown: helpScroll += page
        case .pageUp: helpScroll -= page
        case .scroll(_, _, let lines): helpScroll += lines
        default: break
        }
        helpScroll = min(max(0, helpScroll), HelpOverlay.maxScroll(in: size))
    }
}
