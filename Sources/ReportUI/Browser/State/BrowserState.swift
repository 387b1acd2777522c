import ReportKit

/// The browser between key presses, as a plain value: the state of each pane, the mode with
/// whatever it carries, and what belongs to the reader rather than to a pane (marks, jump
/// history, the message answering the last key). `apply` is its only mutator; rendering reads
/// it and never changes it.
package struct BrowserState: Sendable {
    package struct Message: Hashable, Sendable {
        package var text: String
        package var isError: Bool
    }

    package internal(set) var size: Size
    package internal(set) var tree: TreeView
    package internal(set) var reader: ReaderView = ReaderView()
    package internal(set) var searching = SearchSession()
    package internal(set) var focus: Pane = .tree
    /// Percentage of the width (or, stacked, the height) given to the tree.
    package internal(set) var treeShare = 36
    package internal(set) var mode: Mode = .browse
    package internal(set) var message: Message?
    package internal(set) var history = JumpHistory()
    /// Addresses typed at `:`, for ↑/↓ there.
    package internal(set) var gotoHistory = PromptHistory()
    package internal(set) var marks = MarkBook()
    package internal(set) var hasQuit = false
    /// The browser takes the mouse (clicks, wheel); off, the terminal's own selection works.
    package internal(set) var mouseCaptured = true
    /// The report's figures, extracted the first time the figures list opens.
    package internal(set) var figures: [Figure]?
    /// Header rows wanted: the title, plus one for the metadata when there is any.
    package let headerLines: Int

    package init(report: Report, size: Size) {
        self.size = size
        headerLines = report.metadata.isEmpty ? 1 : 2
        tree = TreeView(expansion: Expansion(openThroughDepth: Self.initialDepth(of: report)))
        reader.hardWrap = HardWrapProfile.detect(in: report)
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

    package var bindingContext: BindingContext { mode.bindingContext }

    /// The tree as it is shown: folded by its expansion, pruned when a search filters it.
    package func treeNavigator(for report: Report) -> OutlineNavigator {
        tree.navigator(for: report, filter: search?.filter)
    }

    func treeNavigator(_ context: BrowserContext) -> OutlineNavigator {
        treeNavigator(for: context.report)
    }

    /// What overlays may read.
    package func view(of report: Report) -> ReportView {
        ReportView(report: report, size: size, search: search, marks: marks, place: place)
    }
}

/// What `apply` needs besides the state: the report and the memos of laid-out text and of
/// search results. Reading them never changes what the browser shows.
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

    package func document(
        for row: OutlineRow, layout: BrowserLayout, continuous: Bool = false, reflow: HardWrapProfile? = nil
    ) -> DetailDocument {
        DetailDocument(
            report: report, root: row, width: layout.detailText.width, glyphs: glyphs, cache: lineCache,
            continuous: continuous, reflow: reflow)
    }
}
