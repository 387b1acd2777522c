/// Everything the browser can be asked to do. Keys, mouse and resizes are all turned into an
/// Action first, so `BrowserState.apply` is the single place where behaviour lives and tests
/// can drive it without a terminal.
package enum Action: Hashable, Sendable {
    case quit

    // Moving in the focused pane.
    case moveDown, moveUp
    case pageDown, pageUp
    case goFirst, goLast

    // The tree.
    case expandOrDescend
    case collapseOrAscend
    case expandAll, collapseAll
    /// Shows `n` levels of the outline: 1 collapses to the chapters.
    case expandToLevel(Int)

    // Jumps: each one is recorded in the history.
    case nextSibling, previousSibling
    case nextChapter, previousChapter
    case openGoto
    case jumpBack, jumpForward

    // Search.
    case openSearch
    case nextHit, previousHit
    case toggleFilter
    case clearSearch
    case showResults, closeResults
    /// Jumps to the hit selected in the results view.
    case openResult
    // Marks: `m`/`'` wait for the letter, which arrives as `markLetter`.
    case beginMark, beginMarkJump, showMarks
    case markLetter(Character)
    case jumpToListedMark, deleteListedMark, closeMarks

    // Panes and overlays.
    case switchFocus
    case narrowTree, widenTree
    case showHelp, closeHelp

    // Editing a prompt.
    case insert(Character)
    case deleteBackward, deleteForward
    case cursorLeft, cursorRight, cursorToStart, cursorToEnd
    case submitPrompt, cancelPrompt
    case historyOlder, historyNewer
    case toggleRegex, toggleScope

    // Input that is not a bound key.
    case click(x: Int, y: Int)
    case scroll(x: Int, y: Int, lines: Int)
    case resize(Size)
    case unbound(Key)
}
