import FoundationEssentials

/// The go-to prompt (`:`): an address or a heading keyword, with the earlier ones on ↑/↓ as
/// the search prompt has its queries.
extension BrowserState {
    mutating func openGoto() {
        gotoHistory.restart()
        mode = .goto(PromptBuffer())
    }

    mutating func applyGotoPrompt(_ action: Action, buffer: PromptBuffer, context: BrowserContext) {
        var buffer = buffer
        if buffer.closesOnBackspace(action) {
            mode = .browse
            return
        }
        if buffer.edit(action) {
            mode = .goto(buffer)
            return
        }
        switch action {
        case .cancelPrompt: mode = .browse
        case .submitPrompt:
            mode = .browse
            gotoHistory.record(buffer.text.trimmingSpaces())
            goTo(buffer.text, context: context)
        case .historyOlder:
            if let entry = gotoHistory.older(than: buffer.text) { mode = .goto(PromptBuffer(entry)) }
        case .historyNewer:
            if let entry = gotoHistory.newer() { mode = .goto(PromptBuffer(entry)) }
        default:
            break
        }
    }
}

extension PromptBuffer {
    /// Backspace with nothing typed closes the prompt, as it does in less, vim and a shell's
    /// incremental search: the key that took the text away takes the prompt too.
    func closesOnBackspace(_ action: Action) -> Bool {
        action == .deleteBackward && isEmpty
    }
}
