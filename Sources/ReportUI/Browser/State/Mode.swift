/// What the keyboard is doing, with everything that exists only while it does it: the prompt
/// being typed, the letter awaited after `m`, the overlay open and its own state.
package enum Mode: Sendable {
    case browse
    /// After `m` or `'`: the next key names the mark.
    case markLetter(MarkIntent)
    /// The go-to prompt and what is typed in it.
    case goto(PromptBuffer)
    /// The search prompt: what is typed, and where the reader was when it opened.
    case search(SearchPrompt)
    case overlay(any BrowserOverlay)
    /// `|` or `s`: the command or file name being typed.
    case outputPrompt(OutputPrompt)

    package var bindingContext: BindingContext {
        switch self {
        case .browse: .browse
        case .markLetter: .markLetter
        case .goto: .prompt
        case .search: .searchPrompt
        case .overlay(let overlay): overlay.keyContext
        case .outputPrompt: .prompt
        }
    }

    /// The text of the open prompt.
    package var prompt: PromptBuffer? {
        switch self {
        case .goto(let buffer): buffer
        case .search(let search): search.buffer
        case .outputPrompt(let prompt): prompt.buffer
        default: nil
        }
    }

    package var isBrowsing: Bool {
        if case .browse = self { return true }
        return false
    }
}

package enum MarkIntent: Hashable, Sendable {
    case set
    case jump
}

/// The search prompt while it is open.
package struct SearchPrompt: Sendable {
    package internal(set) var buffer = PromptBuffer()
    /// Where the reader was when the prompt opened, to go back to on `Esc`.
    package internal(set) var origin: SearchOrigin
    /// Enter was pressed before the search index landed: the search is submitted as soon as
    /// the results arrive.
    package internal(set) var submitsWhenAnswered = false
}
