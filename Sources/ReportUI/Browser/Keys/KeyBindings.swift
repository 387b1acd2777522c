/// Where a binding applies. `anywhere` bindings are checked after the mode's own ones.
package enum BindingContext: String, Sendable, CaseIterable {
    case browse = "Browsing"
    /// Any prompt: editing keys, and the go-to prompt's own.
    case prompt = "Prompt"
    /// The search prompt's own keys, checked before the `prompt` ones.
    case searchPrompt = "Search prompt"
    case results = "Search results"
    case markLetter = "Mark letter"
    case marks = "Marks list"
    case gotoCandidates = "Go-to candidates"
    case warnings = "Warnings list"
    /// The figures list: printable keys type its filter, so its moves are the arrows.
    case figures = "Figures list"
    case help = "Help"
    /// The compare view of two versions (`--compare OLD NEW`).
    case compare = "Compare view"
    /// The library's list of reports (`report-browser DIR`).
    case library = "Library list"
    case anywhere = "Anywhere"
}

/// A binding's words on the status line (`? help`): its first key and a short verb. The
/// status line shows a context's hints in `rank` order, those that need more room than the
/// line has left out.
package struct StatusHint: Sendable {
    package let verb: String
    package let rank: Int
    /// The narrowest status line that shows the hint.
    package let fromWidth: Int

    init(_ verb: String, rank: Int = 0, fromWidth: Int = 0) {
        self.verb = verb
        self.rank = rank
        self.fromWidth = fromWidth
    }
}

package struct KeyBinding: Sendable {
    package let keys: [Key]
    package let action: Action
    package let summary: String
    package let group: String
    package let context: BindingContext
    /// Digit bindings stand for the digit pressed (`expandToLevel(n)`), one row for nine keys.
    package let takesDigit: Bool
    package let hint: StatusHint?

    init(
        _ keys: [Key], _ action: Action, _ summary: String, group: String,
        context: BindingContext = .browse, takesDigit: Bool = false, hint: StatusHint? = nil
    ) {
        self.keys = keys
        self.action = action
        self.summary = summary
        self.group = group
        self.context = context
        self.takesDigit = takesDigit
        self.hint = hint
    }

    package func keyLabels(ascii: Bool = false) -> [String] {
        takesDigit ? ["1-9"] : keys.map { $0.label(ascii: ascii) }
    }
}

/// The one table of keys. It drives the key map, the `?` overlay and the README key list, so
/// the three can never disagree.
package enum KeyBindings {
    package static let all: [KeyBinding] = [
        KeyBinding([.character("q")], .quit, "Quit", group: "General", hint: StatusHint("quit", rank: 2, fromWidth: 50)),
        KeyBinding([.control("c")], .quit, "Quit", group: "General", context: .anywhere),
        KeyBinding([.character("?")], .showHelp, "Show this help", group: "General", hint: StatusHint("help", rank: 1, fromWidth: 50)),
        KeyBinding([.control("z")], .suspend, "Suspend to the shell; fg comes back", group: "General", context: .anywhere),
        KeyBinding([.control("l")], .redraw, "Redraw the screen", group: "General", context: .anywhere),

        KeyBinding([.down, .character("j")], .moveDown, "Next row in the tree, or scroll the text down", group: "Moving"),
        KeyBinding([.up, .character("k")], .moveUp, "Previous row in the tree, or scroll the text up", group: "Moving"),
        KeyBinding([.pageDown, .character(" ")], .pageDown, "Page down in the focused pane", group: "Moving"),
        KeyBinding([.pageUp, .character("b")], .pageUp, "Page up in the focused pane", group: "Moving"),
        KeyBinding([.character("g"), .home], .goFirst, "First row, or top of the text", group: "Moving"),
        KeyBinding([.character("G"), .end], .goLast, "Last row, or end of the text", group: "Moving"),
        // The paging keys less and vim users have in their fingers.
        KeyBinding([.control("f")], .pageDown, "Page down, as in less and vim", group: "Moving"),
        KeyBinding([.control("b"), .backspace], .pageUp, "Page up, as in less and vim (Backspace as in info)", group: "Moving"),
        KeyBinding([.control("d"), .character("d")], .halfPageDown, "Half a page down", group: "Moving"),
        KeyBinding([.control("u"), .character("u")], .halfPageUp, "Half a page up", group: "Moving"),

        KeyBinding([.right, .character("l"), .enter], .expandOrDescend, "Expand the section, or go to its first subsection", group: "Tree"),
        KeyBinding([.left, .character("h")], .collapseOrAscend, "Collapse, or go to the parent; in the text, back to the tree", group: "Tree"),
        KeyBinding([.character("E")], .expandAll, "Expand every section", group: "Tree"),
        KeyBinding([.character("C")], .collapseAll, "Collapse to the chapters", group: "Tree"),
        KeyBinding(
            (1...9).map { .character(Character(String($0))) }, .expandToLevel(1),
            "Show that many levels of the outline", group: "Tree", takesDigit: true),

        KeyBinding([.character("]")], .nextSibling, "Next section at the same level", group: "Jumps"),
        KeyBinding([.character("[")], .previousSibling, "Previous section at the same level", group: "Jumps"),
        KeyBinding([.character("}")], .nextChapter, "Next chapter", group: "Jumps"),
        KeyBinding([.character("{")], .previousChapter, "Previous chapter", group: "Jumps"),
        KeyBinding(
            [.character(":")], .openGoto, "Go to an address (3.2, 三(二)) or a heading keyword", group: "Jumps",
            hint: StatusHint("go to", fromWidth: 70)),
        KeyBinding([.control("o")], .jumpBack, "Back to the place before the last jump", group: "Jumps"),
        // Ctrl-I would be the vim choice, but terminals send it as Tab, which switches panes;
        // Ctrl-F pages down, as in vim and less. N for the newer jump.
        KeyBinding([.control("n")], .jumpForward, "Forward again after going back", group: "Jumps"),

        KeyBinding([.character("/")], .openSearch, "Search as you type; Enter keeps the search, Esc cancels", group: "Search"),
        KeyBinding([.character("n")], .nextHit, "Next hit", group: "Search"),
        KeyBinding([.character("N")], .previousHit, "Previous hit", group: "Search"),
        KeyBinding([.character("R")], .showResults, "List every hit with its section and a snippet", group: "Search"),
        KeyBinding([.character("F")], .toggleFilter, "Show only sections with hits, or all again", group: "Search"),
        KeyBinding([.escape], .clearSearch, "Clear the search and its highlights", group: "Search"),
        KeyBinding([.character("m")], .beginMark, "Mark this place: m, then a letter", group: "Marks"),
        KeyBinding([.character("'")], .beginMarkJump, "Go back to a mark: ', then its letter", group: "Marks"),
        KeyBinding([.character("M")], .showMarks, "List the marks", group: "Marks"),
        KeyBinding([.character("#")], .showFigures, "List the report's figures: filter, sort, jump", group: "Figures"),
        KeyBinding(
            [.character("y")], .copyText,
            "Copy the section (text pane: top paragraph) to the clipboard", group: "Getting text out"),
        KeyBinding([.character("|")], .pipeText, "Pipe the section's text to a shell command", group: "Getting text out"),
        KeyBinding([.character("v")], .editSource, "Open the file in $VISUAL or $EDITOR at the section's line", group: "Getting text out"),
        KeyBinding([.character("s")], .saveText, "Save the section's text to a new file", group: "Getting text out"),
        KeyBinding(
            [.character("X")], .toggleMouse, "Mouse off (the terminal selects text), or on again",
            group: "Getting text out"),
        KeyBinding([.escape], .closeMarks, "Cancel m or '", group: "Marks", context: .markLetter),
        KeyBinding([.down, .character("j")], .moveDown, "Next mark", group: "Marks list", context: .marks),
        KeyBinding([.up, .character("k")], .moveUp, "Previous mark", group: "Marks list", context: .marks),
        KeyBinding([.enter], .jumpToListedMark, "Go to the mark", group: "Marks list", context: .marks),
        KeyBinding([.character("d")], .deleteListedMark, "Delete the mark", group: "Marks list", context: .marks),
        KeyBinding([.escape, .character("q"), .character("M")], .closeMarks, "Close the list", group: "Marks list", context: .marks),

        KeyBinding(
            [.character("W")], .showWarnings, "List where the numbering was read generously (rows marked !)", group: "Warnings"),

        KeyBinding(
            [.character("c")], .toggleContinuous, "Read on into the next section, or one section at a time",
            group: "Reading"),
        KeyBinding(
            [.character("Z")], .toggleSectionSizes, "Show or hide each section's share of the report in the tree",
            group: "Reading"),
        KeyBinding(
            [.character("=")], .toggleReflow, "Join lines the source cut mid-sentence, or show them as cut",
            group: "Reading"),

        KeyBinding([.tab], .switchFocus, "Switch between the tree and the text", group: "Panes"),
        KeyBinding([.character("<")], .narrowTree, "Make the tree pane smaller", group: "Panes"),
        KeyBinding([.character(">")], .widenTree, "Make the tree pane larger", group: "Panes"),

        KeyBinding(
            [.enter], .submitPrompt, "Go to the address typed", group: "Go-to prompt", context: .prompt,
            hint: StatusHint("go", fromWidth: 60)),
        KeyBinding(
            [.escape], .cancelPrompt, "Close the prompt", group: "Go-to prompt", context: .prompt,
            hint: StatusHint("cancel", rank: 1, fromWidth: 60)),
        KeyBinding([.up], .historyOlder, "Earlier entry of this prompt", group: "Go-to prompt", context: .prompt),
        KeyBinding([.down], .historyNewer, "Later entry of this prompt", group: "Go-to prompt", context: .prompt),
        KeyBinding(
            [.backspace], .deleteBackward, "Delete before the cursor; on an empty prompt, close it",
            group: "Editing a prompt", context: .prompt),
        KeyBinding([.delete], .deleteForward, "Delete the character under the cursor", group: "Editing a prompt", context: .prompt),
        KeyBinding([.left], .cursorLeft, "Cursor left", group: "Editing a prompt", context: .prompt),
        KeyBinding([.right], .cursorRight, "Cursor right", group: "Editing a prompt", context: .prompt),
        KeyBinding([.home, .control("a")], .cursorToStart, "Cursor to the start", group: "Editing a prompt", context: .prompt),
        KeyBinding([.end, .control("e")], .cursorToEnd, "Cursor to the end", group: "Editing a prompt", context: .prompt),

    ] + listMoves(.gotoCandidates, item: "section") + [
        KeyBinding(
            [.enter], .choose, "Go to the section", group: "Go-to candidates", context: .gotoCandidates,
            hint: StatusHint("jumps")),
        KeyBinding(
            [.escape, .character("q")], .close, "Close the list", group: "Go-to candidates", context: .gotoCandidates,
            hint: StatusHint("closes", rank: 1)),

    ] + listMoves(.warnings, item: "warning") + [
        KeyBinding(
            [.enter], .choose, "Go to the section of the warning", group: "Warnings list", context: .warnings,
            hint: StatusHint("jumps")),
        KeyBinding(
            [.escape, .character("q"), .character("W")], .close, "Close the list", group: "Warnings list",
            context: .warnings, hint: StatusHint("closes", rank: 1)),
        KeyBinding([.down], .moveDown, "Next figure in the list", group: "Figures list", context: .figures),
        KeyBinding([.up], .moveUp, "Previous figure in the list", group: "Figures list", context: .figures),
        KeyBinding([.pageDown], .pageDown, "Page down the list", group: "Figures list", context: .figures),
        KeyBinding([.pageUp], .pageUp, "Page up the list", group: "Figures list", context: .figures),
        KeyBinding([.home], .goFirst, "First figure", group: "Figures list", context: .figures),
        KeyBinding([.end], .goLast, "Last figure", group: "Figures list", context: .figures),
        KeyBinding(
            [.enter], .choose, "Go to the figure and highlight it", group: "Figures list", context: .figures,
            hint: StatusHint("jumps")),
        KeyBinding([.tab], .cycleFigureSort, "Order by section, value or unit", group: "Figures list", context: .figures, hint: StatusHint("sorts", rank: 2, fromWidth: 50)),
        KeyBinding(
            [.control("s")], .toggleFigureScope, "Only the selected section's figures, or all again", group: "Figures list",
            context: .figures),
        KeyBinding([.backspace], .deleteBackward, "Delete the last character of the filter", group: "Figures list", context: .figures),
        KeyBinding(
            [.escape], .close, "Clear the filter, or close the list", group: "Figures list", context: .figures,
            hint: StatusHint("closes", rank: 1)),

        KeyBinding([.enter], .submitPrompt, "Keep the search and close the prompt", group: "Search prompt", context: .searchPrompt),
        KeyBinding([.escape], .cancelPrompt, "Cancel: back to where you were", group: "Search prompt", context: .searchPrompt),
        KeyBinding([.up], .historyOlder, "Earlier search", group: "Search prompt", context: .searchPrompt),
        KeyBinding([.down], .historyNewer, "Later search", group: "Search prompt", context: .searchPrompt),
        KeyBinding([.control("r")], .toggleRegex, "Regular expression on or off", group: "Search prompt", context: .searchPrompt),
        // Needs the terminal in raw mode, where Ctrl-S is a key and not flow control.
        KeyBinding([.control("s")], .toggleScope, "Search the whole report or the selected section", group: "Search prompt", context: .searchPrompt),
        KeyBinding(
            [.control("p")], .togglePinyin, "Pinyin always (xyxf finds 信用修复), or only when no match",
            group: "Search prompt", context: .searchPrompt),

    ] + listMoves(.results, item: "hit") + [
        KeyBinding([.enter], .openResult, "Jump to the hit", group: "Search results", context: .results, hint: StatusHint("jumps")),
        KeyBinding(
            [.escape, .character("q"), .character("R")], .closeResults, "Close the list", group: "Search results",
            context: .results, hint: StatusHint("closes", rank: 1)),

        KeyBinding(
            [.escape, .character("?"), .character("q")], .closeHelp, "Close the help", group: "Help", context: .help,
            hint: StatusHint("closes")),
        KeyBinding([.down, .character("j")], .moveDown, "Scroll the help down", group: "Help", context: .help),
        KeyBinding([.up, .character("k")], .moveUp, "Scroll the help up", group: "Help", context: .help),
        KeyBinding([.pageDown, .character(" ")], .pageDown, "Page the help down", group: "Help", context: .help),
        KeyBinding([.pageUp, .character("b")], .pageUp, "Page the help up", group: "Help", context: .help),
    ] + compareBindings + listMoves(.library, item: "row") + [
        KeyBinding(
            [.enter], .choose, "Open the report (a section row: at its first hit)", group: "Library list", context: .library,
            hint: StatusHint("opens", fromWidth: 60)),
        KeyBinding(
            [.right, .character("l")], .expandOrDescend, "Show the report's sections with hits, or open it", group: "Library list",
            context: .library),
        KeyBinding([.left, .character("h")], .collapseOrAscend, "Hide the sections with hits", group: "Library list", context: .library),
        KeyBinding(
            [.character("s")], .cycleLibrarySort, "Order by path, date (newest first) or title", group: "Library list",
            context: .library, hint: StatusHint("sorts", rank: 2, fromWidth: 70)),
        KeyBinding(
            [.character("f")], .openLibraryFilter, "Filter as you type: title, date, issuer or path",
            group: "Library list", context: .library, hint: StatusHint("filters", rank: 3, fromWidth: 80)),
        KeyBinding(
            [.character("/")], .openSearch, "Search every report; Enter runs it", group: "Library list", context: .library,
            hint: StatusHint("searches", rank: 1, fromWidth: 50)),
        KeyBinding([.character("n")], .nextHit, "Next section with hits, across reports", group: "Library list", context: .library),
        KeyBinding([.character("N")], .previousHit, "Previous section with hits", group: "Library list", context: .library),
        KeyBinding([.escape], .clearSearch, "Clear the search, then the filter", group: "Library list", context: .library),
        KeyBinding(
            [.character("#")], .showFigures, "The listed reports' figures in one table, grouped by subject", group: "Library list",
            context: .library),
        KeyBinding(
            [.character("m")], .markCompareOld, "Mark the report as the old side of a compare (again: unmark)",
            group: "Library list", context: .library),
        KeyBinding(
            [.character("c")], .compareWithMarked, "Compare the marked report with this one; q comes back",
            group: "Library list", context: .library),
        KeyBinding([.character("?")], .showHelp, "Show this help", group: "Library list", context: .library),
        KeyBinding([.character("q")], .quit, "Quit", group: "Library list", context: .library, hint: StatusHint("quit", rank: 4, fromWidth: 50)),
        KeyBinding(
            [.character("L")], .backToLibrary,
            "From a report of a library: back to the list",
            group: "Library list"),
    ]

    /// The compare view's keys (`--compare OLD NEW`), one block of their own.
    private static let compareBindings: [KeyBinding] = {
        let group = BindingContext.compare.rawValue
        return [
            KeyBinding(
                [.character("]")], .nextChange, "Next change: a pair that is not the same", group: group, context: .compare,
                hint: StatusHint("next change", rank: 0, fromWidth: 60)),
            KeyBinding(
                [.character("[")], .previousChange, "Previous change", group: group, context: .compare,
                hint: StatusHint("previous", rank: 1, fromWidth: 80)),
            KeyBinding(
                [.down, .character("j")], .moveDown, "Next pair in the tree, or scroll both texts down", group: group,
                context: .compare),
            KeyBinding(
                [.up, .character("k")], .moveUp, "Previous pair in the tree, or scroll both texts up", group: group,
                context: .compare),
            KeyBinding([.pageDown, .character(" ")], .pageDown, "Page down in the focused pane", group: group, context: .compare),
            KeyBinding([.pageUp, .character("b")], .pageUp, "Page up in the focused pane", group: group, context: .compare),
            KeyBinding([.character("g"), .home], .goFirst, "First pair", group: group, context: .compare),
            KeyBinding([.character("G"), .end], .goLast, "Last pair", group: group, context: .compare),
            KeyBinding(
                [.tab], .switchFocus, "Switch between the tree and the texts", group: group, context: .compare,
                hint: StatusHint("pane", rank: 3, fromWidth: 100)),
            KeyBinding(
                [.character("/")], .openSearch, "Search both versions; Enter goes to the first pair with a hit", group: group,
                context: .compare, hint: StatusHint("search", rank: 2, fromWidth: 70)),
            KeyBinding([.character("n")], .nextHit, "Next pair with a hit in either version", group: group, context: .compare),
            KeyBinding([.character("N")], .previousHit, "Previous pair with a hit", group: group, context: .compare),
            KeyBinding([.escape], .clearSearch, "Clear the search and its highlights", group: group, context: .compare),
            KeyBinding(
                [.character("?")], .showHelp, "Show the keys", group: group, context: .compare,
                hint: StatusHint("help", rank: 4, fromWidth: 50)),
            KeyBinding(
                [.character("q")], .quit, "Quit", group: group, context: .compare,
                hint: StatusHint("quit", rank: 5, fromWidth: 40)),
        ]
    }()

    /// The moves every list overlay has, in its context's group.
    private static func listMoves(_ context: BindingContext, item: String) -> [KeyBinding] {
        let group = context.rawValue
        return [
            KeyBinding([.down, .character("j")], .moveDown, "Next \(item) in the list", group: group, context: context),
            KeyBinding([.up, .character("k")], .moveUp, "Previous \(item) in the list", group: group, context: context),
            KeyBinding([.pageDown, .character(" ")], .pageDown, "Page down the list", group: group, context: context),
            KeyBinding([.pageUp, .character("b")], .pageUp, "Page up the list", group: group, context: context),
            KeyBinding([.home, .character("g")], .goFirst, "First \(item)", group: group, context: context),
            KeyBinding([.end, .character("G")], .goLast, "Last \(item)", group: group, context: context),
        ]
    }

    /// Mouse gestures are not keys but belong in the same lists.
    package static let mouse: [(gesture: String, summary: String)] = [
        ("Click", "Select a tree row, or focus the pane under the pointer"),
        ("Wheel", "Scroll the pane under the pointer"),
        ("Shift-drag", "Select text the terminal's way while the mouse is on"),
    ]

    /// The action for a key in a mode, or nil when the key means nothing there. In a prompt,
    /// printable characters are text.
    package static func action(for key: Key, in context: BindingContext) -> Action? {
        if let binding = binding(for: key, in: context) { return resolve(binding, key) }
        // The figures list filters as you type, as a prompt does.
        let isPrompt = context == .prompt || context == .searchPrompt || context == .figures
        if context == .searchPrompt, let binding = binding(for: key, in: .prompt) { return resolve(binding, key) }
        if isPrompt, case .character(let character) = key { return .insert(character) }
        if context == .markLetter, case .character(let character) = key { return .markLetter(character) }
        if let binding = binding(for: key, in: .anywhere) { return resolve(binding, key) }
        return nil
    }

    private static func binding(for key: Key, in context: BindingContext) -> KeyBinding? {
        all.first { $0.context == context && $0.keys.contains(key) }
    }

    private static func resolve(_ binding: KeyBinding, _ key: Key) -> Action {
        if binding.takesDigit, case .character(let character) = key, let digit = character.wholeNumberValue {
            return .expandToLevel(digit)
        }
        return binding.action
    }

    /// `? help`, `q quit`: the hints of a context's bindings that fit a status line `width`
    /// wide, in rank order.
    package static func hints(for context: BindingContext, width: Int, ascii: Bool = false) -> [String] {
        (hintTable[context] ?? []).filter { width >= $0.fromWidth }.map { ascii ? $0.ascii : $0.text }
    }

    /// Whether a context has status hints at all.
    package static func hasHints(_ context: BindingContext) -> Bool { hintTable[context] != nil }

    /// Worked out once: the status line asks on every frame.
    private static let hintTable: [BindingContext: [(text: String, ascii: String, fromWidth: Int)]] = {
        var table: [BindingContext: [(binding: KeyBinding, hint: StatusHint)]] = [:]
        for binding in all {
            if let hint = binding.hint { table[binding.context, default: []].append((binding, hint)) }
        }
        return table.mapValues { rows in
            rows.sorted { $0.hint.rank < $1.hint.rank }.map { binding, hint in
                ("\(binding.keys[0].label()) \(hint.verb)", "\(binding.keys[0].label(ascii: true)) \(hint.verb)", hint.fromWidth)
            }
        }
    }()

    /// Bindings grouped for display, in table order.
    package static func grouped() -> [(group: String, bindings: [KeyBinding])] {
        var groups: [(group: String, bindings: [KeyBinding])] = []
        for binding in all {
            if let index = groups.firstIndex(where: { $0.group == binding.group }) {
                groups[index].bindings.append(binding)
            } else {
                groups.append((binding.group, [binding]))
            }
        }
        return groups
    }

    /// The README's key list, generated from the same table as the help overlay.
    package static func markdownKeyList() -> String {
        var lines: [String] = []
        for (group, bindings) in grouped() {
            lines.append("### \(group)")
            lines.append("")
            lines.append("| Keys | Action |")
            lines.append("| --- | --- |")
            for binding in bindings {
                // A bare | would end the table cell, code span or not.
                let keys = binding.keyLabels().map { "`\($0 == "|" ? "\\|" : $0)`" }.joined(separator: " ")
                lines.append("| \(keys) | \(binding.summary) |")
            }
            lines.append("")
        }
        lines.append("### Mouse")
        lines.append("")
        lines.append("| Gesture | Action |")
        lines.append("| --- | --- |")
        for (gesture, summary) in mouse { lines.append("| \(gesture) | \(summary) |") }
        return lines.joined(separator: "\n") + "\n"
    }
}
