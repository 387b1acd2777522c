import ReportKit

/// Everything the browser remembers between key presses, as a plain value. `apply` is its
/// only mutator; rendering reads it and never changes it.
package struct BrowserState: Sendable {
    package enum Mode: Hashable, Sendable {
        case browse
        case marks(MarksMode)
        case prompt(PromptKind)
        case help
    }

    /// What a prompt at the bottom line asks for. Search will be a second kind.
    package enum PromptKind: Hashable, Sendable {
        case goto
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

    package var place: ReadingPlace { ReadingPlace(row: selection, position: reading) }

    package var bindingContext: BindingContext {
        switch mode {
        case .browse: .browse
        case .marks(let marksMode): marksMode.bindingContext
        case .prompt: .prompt
        case .help: .help
        }
    }
}

/// What `apply` needs besides the state: the report and the memo of laid-out text.
package struct BrowserContext {
    package let report: Report
    package let glyphs: BrowserGlyphs
    package let lineCache: DetailLineCache

    package init(report: Report, glyphs: BrowserGlyphs = .unicode, lineCache: DetailLineCache = DetailLineCache()) {
        self.report = report
        self.glyphs = glyphs
        self.lineCache = lineCache
    }

    package func navigator(_ expansion: Expansion) -> OutlineNavigator {
        OutlineNavigator(report: report, expansion: expansion)
    }

    package func document(for row: OutlineRow, layout: BrowserLayout) -> DetailDocument {
        DetailDocument(report: report, root: row, width: layout.detailText.width, glyphs: glyphs, cache: lineCache)
    }
}
