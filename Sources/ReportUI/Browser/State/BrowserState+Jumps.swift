import FoundationEssentials
import ReportKit

/// Jumps: moves a reader may want to undo, so each one is recorded in the history first.
extension BrowserState {
    mutating func jump(to row: OutlineRow, context: BrowserContext) {
        guard row != selection else { return }
        history.record(leaving: place)
        unfilter(toShow: row, context: context)
        reveal(row, context: context)
        select(row)
    }

    /// An explicit jump outranks the search filter: the whole tree comes back when the
    /// destination is pruned.
    private mutating func unfilter(toShow row: OutlineRow, context: BrowserContext) {
        guard let index = row.sectionIndex, !treeNavigator(context).keeps(index) else { return }
        setFilter(false, context: context)
        message = Message(text: "Filter off: that section has no hits", isError: false)
    }

    mutating func jumpAlongOutline(_ action: Action, context: BrowserContext) {
        let navigator = treeNavigator(context)
        let report = context.report
        var target: Int?
        let missing: String
        switch (action, selection.sectionIndex) {
        case (.nextSibling, nil), (.nextChapter, nil):
            target = report.roots.first(where: navigator.keeps)
            missing = "This report has no sections"
        case (.nextSibling, let index?):
            target = navigator.sameLevel(from: index, forward: true)
            missing = "No later section at this level"
        case (.previousSibling, let index?):
            target = navigator.sameLevel(from: index, forward: false)
            missing = "No earlier section at this level"
        case (.nextChapter, let index?):
            let chapter = navigator.chapter(of: .section(index)) ?? index
            target = report.roots.first { $0 > chapter && navigator.keeps($0) }
            missing = "This is the last chapter"
        case (.previousChapter, let index?):
            // From inside a chapter, its own heading comes first, as `{` in an editor.
            let chapter = navigator.chapter(of: .section(index)) ?? index
            target = chapter != index ? chapter : report.roots.last { $0 < chapter && navigator.keeps($0) }
            missing = "This is the first chapter"
        default:
            missing = "Already at the title"
        }
        guard let target else {
            message = Message(text: missing, isError: false)
            return
        }
        jump(to: .section(target), context: context)
    }

    mutating func goTo(_ query: String, context: BrowserContext) {
        let query = query.trimmingSpaces()
        guard !query.isEmpty else { return }
        let report = context.report
        let resolution = report.resolve(query)
        if case .found(let index) = resolution {
            jump(to: .section(index), context: context)
        } else if let failure = report.describeFailure(of: query, resolution) {
            // The same words as `show` prints, so the CLI and the browser agree.
            message = Message(text: failure.prefix(1).uppercased() + failure.dropFirst(), isError: true)
        }
        if case .ambiguous(let candidates) = resolution {
            mode = .overlay(GotoCandidatesOverlay(query: query, candidates: candidates))
        }
    }

    mutating func travelHistory(forward: Bool, context: BrowserContext) {
        let destination = forward ? history.forward(from: place) : history.back(from: place)
        guard let destination else {
            message = Message(text: forward ? "No newer jump" : "No older jump", isError: false)
            return
        }
        unfilter(toShow: destination.row, context: context)
        reveal(destination.row, context: context)
        selection = destination.row
        reading = destination.position
    }

    /// A click selects the tree row under it (a jump: it may be far) or focuses the pane.
    mutating func click(x: Int, y: Int, context: BrowserContext) {
        let layout = layout
        if layout.tree.contains(x: x, y: y) {
            focus = .tree
            let navigator = treeNavigator(context)
            let offset = y - layout.tree.y
            let row = navigator.step(from: treeTop, by: offset)
            if navigator.distance(from: treeTop, to: row, limit: offset + 1) == offset {
                jump(to: row, context: context)
            }
        } else if layout.detail.contains(x: x, y: y) {
            focus = .detail
        }
    }

    mutating func wheel(x: Int, y: Int, lines: Int, context: BrowserContext) {
        let layout = layout
        if layout.tree.contains(x: x, y: y) {
            scrollTree(by: lines, context: context)
        } else if layout.detail.contains(x: x, y: y) {
            scrollText(by: lines, context: context)
        }
    }
}
