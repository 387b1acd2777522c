import ReportKit

/// Everything the browser remembers between key presses, as a plain value. `apply` is its
/// only mutator; rendering reads it and never changes it.
package struct BrowserState: Sendable {
    package enum Mode: Hashable, Sendable {
        case browse
        case marks(MarksMode)
        case prompt(PromptKind)
        /// The list of every hit of the search.
        case results
        case help
    }

    /// What a prompt at the bottom line asks for.
    package enum PromptKind: Hashable, Sendable {
        case goto
        case search
    }

    package struct Message: Hashable, Sendable {
        package var text: String
        package var isError: Bool
    }

    package internal(set) var size: Size
    package internal(set) var selection: OutlineRow = .title
    package internal(set) var expansion: Expansion
    package internal(set) var focus: Pane = .tree
    /// The first row drawn in the tree pane.
    package internal(set) var treeTop: OutlineRow = .title
    /// Where the selection's text is scrolled to.
    package internal(set) var reading: DetailPosition = .start(of: .title)
    /// Percentage of the width (or, stacked, the height) given to the tree.
    package internal(set) var treeShare = 36
    package internal(set) var mode: Mode = .browse
    package internal(set) var prompt = PromptBuffer()
    package internal(set) var message: Message?
    package internal(set) var history = JumpHistory()
    package internal(set) var marks = MarkBook()
    package internal(set) var helpScroll = 0
    /// The search shown: highlights, counts in the tree, `n`/`N`; nil when there is none.
    package internal(set) var search: SearchState?
    /// Set while the search prompt is open.
    package internal(set) var searchOrigin: SearchOrigin?
    /// Searches submitted this session, for ↑/↓ in the search prompt.
    package internal(set) var searchHistory = PromptHistory()
    /// Regular-expression mode carries over from one search to the next.
    package internal(set) var searchIsRegex = false
    package internal(set) var resultsList = ResultsListState()
    package internal(set) var hasQuit = false
    /// Header rows wanted: the title, plus one for the metadata when there is any.
    package let headerLines: Int

    package init(report: Report, size: Size) {
        self.size = size
        headerLines = report.metadata.isEmpty ? 1 : 2
        expansion = Expansion(openThroughDepth: Self.initialDepth(of: report))
    }

    /// Short outlines open their chapters; long ones start folded to the chapters, where the
    /// first screen is a table of contents.
    private static func initialDepth(of report: Report) -> Int {
        var shallow = 0
        for section in report.sections where section.depth <= 2 {
            shallow += 1
            if shallow > 60 { return 0 }
        }
        return 1
    }

    package var layout: BrowserLayout {
        BrowserLayout(size: size, treeShare: treeShare, focus: focus, headerLines: headerLines)
    }

    package var place: BrowserPlace { BrowserPlace(row: selection, position: reading) }

    package var bindingContext: BindingContext {
        switch mode {
        case .browse: .browse
        case .prompt(.goto): .prompt
        case .prompt(.search): .searchPrompt
        case .results: .results
        case .marks(let marksMode): marksMode.bindingContext
        case .help: .help
        }
    }

    /// The tree as it is shown: folded by `expansion`, pruned when a search filters it.
    package func treeNavigator(for report: Report) -> OutlineNavigator {
        OutlineNavigator(report: report, expansion: expansion, filter: search?.filter)
    }

    func treeNavigator(_ context: BrowserContext) -> OutlineNavigator {
        treeNavigator(for: context.report)
    }
}

/// What `apply` needs besides the state: the report and the memo of laid-out text.
package struct BrowserContext {
    package let report: Report
    package let glyphs: BrowserGlyphs
    package let lineCache: DetailLineCache
    package let searchCache: SearchCache

    package init(
        report: Report, glyphs: BrowserGlyphs = .unicode, lineCache: DetailLineCache = DetailLineCache(),
        searchCache: SearchCache? = nil
    ) {
        self.report = report
        self.glyphs = glyphs
        self.lineCache = lineCache
        self.searchCache = searchCache ?? SearchCache(report: report)
    }

    package func navigator(_ expansion: Expansion, filter: OutlineFilter? = nil) -> OutlineNavigator {
        OutlineNavigator(report: report, expansion: expansion, filter: filter)
    }

    package func document(for row: OutlineRow, layout: BrowserLayout) -> DetailDocument {
        DetailDocument(report: report, root: row, width: layout.detailText.width, glyphs: glyphs, cache: lineCache)
    }
}
