import ReportKit

/// The tree pane's own state: the selected row, which sections are open, the first row drawn.
package struct TreeView: Hashable, Sendable {
    package internal(set) var selection: OutlineRow = .title
    package internal(set) var expansion: Expansion
    /// The first row drawn.
    package internal(set) var top: OutlineRow = .title
    /// Each row shows its section's share of the report's text (`Z`).
    package internal(set) var showsSizes = false

    package init(expansion: Expansion) {
        self.expansion = expansion
    }

    /// The rows as shown: folded by `expansion`, pruned by `filter`.
    package func navigator(for report: Report, filter: OutlineFilter?) -> OutlineNavigator {
        OutlineNavigator(report: report, expansion: expansion, filter: filter)
    }
}

/// The text pane's own state: whose text it shows and where it is scrolled to. The root follows
/// the tree's selection; a second text pane would be a second value.
package struct ReaderView: Hashable, Sendable {
    package internal(set) var root: OutlineRow = .title
    package internal(set) var position: DetailPosition = .start(of: .title)
    /// A byte range of the text lit as the current search hit: the figure last jumped to.
    package internal(set) var highlight: Range<Int>?
    /// The text runs on from one section into the next (GNU info's way), rather than stopping
    /// at the end of the selected section's subtree.
    package internal(set) var continuous = true
    /// How the report's source was hard-wrapped, found once when the report opens; nil when
    /// its lines are the writer's.
    package internal(set) var hardWrap: HardWrapProfile?
    /// Hard-wrapped lines are shown joined and re-broken at the pane's width (`=`): on by
    /// default, meaningful only with `hardWrap`.
    package internal(set) var reflowOn = true
    /// What the text pane lays out with.
    package var reflow: HardWrapProfile? { reflowOn ? hardWrap : nil }

    package var place: BrowserPlace { BrowserPlace(row: root, position: position) }
}

/// The search across prompts: the one shown (highlights, counts in the tree, `n`/`N`), the
/// queries submitted this session, and whether regular expressions are on.
package struct SearchSession: Sendable {
    /// nil when there is none.
    package internal(set) var shown: SearchState?
    /// For ↑/↓ in the search prompt.
    package internal(set) var history = PromptHistory()
    /// Regular-expression mode carries over from one search to the next.
    package internal(set) var isRegex = false
    /// Pinyin on (`.always`) or left to the query (`.automatic`), carried over like regex mode.
    package internal(set) var pinyin: PinyinMatching = .automatic
}
