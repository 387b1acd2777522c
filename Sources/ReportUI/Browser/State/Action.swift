import ReportKit

/// Everything the browser can be asked to do. Keys, mouse and resizes are all turned into an
/// Action first, and so is what comes back from the work `apply` hands out as effects (a
/// search answered, the index landed, the store's notices), so `BrowserState.apply` is the
/// single place where behaviour lives and tests can drive it without a terminal.
package enum Action: Hashable, Sendable {
    case quit

    // Moving in the focused pane.
    case moveDown, moveUp
    case pageDown, pageUp
    case goFirst, goLast
    /// Half a page, as Ctrl-D and Ctrl-U in vim and less.
    case halfPageDown, halfPageUp

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
    // Figures: the list, its order and its scope.
    case showFigures
    case cycleFigureSort, toggleFigureScope

    // Reading (issue 14): run on into the next section or stop at each; section sizes in the tree.
    case toggleContinuous, toggleSectionSizes
    // Reading (issue 14): hard-wrapped source lines shown joined, or as cut.
    case toggleReflow

    // Panes and overlays.
    case switchFocus
    case narrowTree, widenTree
    case showHelp, closeHelp
    /// The parser's warnings (numbering read generously), `W`.
    case showWarnings
    // Getting text out: the clipboard, a command, the editor, a file; mouse capture off/on.
    case copyText, pipeText, editSource, saveText, toggleMouse
    /// Terminal conventions, carried out by the run loop on the terminal, not on the state.
    case suspend, redraw

    // Editing a prompt.
    case insert(Character)
    case deleteBackward, deleteForward
    case cursorLeft, cursorRight, cursorToStart, cursorToEnd
    case submitPrompt, cancelPrompt
    case historyOlder, historyNewer
    case toggleRegex, toggleScope
    /// Pinyin on: terms of ASCII letters also find Han text by its reading.
    case togglePinyin

    // Input that is not a bound key.
    case click(x: Int, y: Int)
    case scroll(x: Int, y: Int, lines: Int)
    case resize(Size)
    case unbound(Key)

    // Any list overlay: take the highlighted row, or close the overlay.
    case choose
    case close

    // The compare view (`--compare OLD NEW`): the next or previous pair that changed.
    case nextChange, previousChange
    // The library list: its order, its filter, and back to it from a report opened from it.
    case cycleLibrarySort, openLibraryFilter, backToLibrary
    // The library list: mark a report as the old side, then compare another with it.
    case markCompareOld, compareWithMarked

    // Not from the reader: the session reporting back.
    /// Put back what a store remembered (the marks always, the place unless `fresh`), with the
    /// store's notices.
    case restore(RememberedReading?, fresh: Bool, notices: [String])
    /// Put back the reader's preferences (continuous reading, tree width, section sizes).
    case restorePreferences(BrowserPreferences)
    /// Problems the store had saving.
    case storeNotices([String])
    /// The answer to an `Effect.runSearch`.
    case searchAnswered(SearchDelivery)
    /// The background search index has been taken in.
    case searchIndexLanded
    /// The answer to an `Effect.extractFigures`.
    case figuresExtracted([Figure])
    /// What came of copying, piping, editing, saving or the mouse mode.
    case outletAnswered(OutletNotice)

    /// Whether the action answers a key or a click, so the message about the last one goes.
    var clearsMessage: Bool {
        switch self {
        case .resize, .restore, .restorePreferences, .storeNotices, .searchAnswered, .searchIndexLanded, .figuresExtracted, .outletAnswered: false
        default: true
        }
    }
}
