import ReportKit

/// A row of the tree pane: the report's title (standing for the front matter) or a section.
/// Rows sort in document order, the title first.
package enum OutlineRow: Hashable, Sendable, Comparable {
    case title
    case section(Int)

    package var sectionIndex: Int? {
        if case .section(let index) = self { return index }
        return nil
    }

    private var order: Int { sectionIndex ?? -1 }

    package static func < (lhs: OutlineRow, rhs: OutlineRow) -> Bool { lhs.order < rhs.order }
}

/// Which sections are open. Kept as a depth rule plus per-section overrides so that "expand
/// all" on a report with 100 000 sections is a constant-time change, not a 100 000-element set.
package struct Expansion: Hashable, Sendable {
    /// Sections at this depth or shallower are open unless overridden; 0 closes everything.
    package private(set) var openThroughDepth: Int
    private var overrides: [Int: Bool] = [:]

    package init(openThroughDepth: Int) {
        self.openThroughDepth = openThroughDepth
    }

    package func isOpen(_ section: Section) -> Bool {
        overrides[section.index] ?? (section.depth <= openThroughDepth)
    }

    package mutating func set(_ section: Section, open: Bool) {
        overrides[section.index] = open
    }

    /// Resets every override: the whole tree follows the depth rule again.
    package mutating func openThrough(depth: Int) {
        openThroughDepth = max(0, depth)
        overrides = [:]
    }
}
