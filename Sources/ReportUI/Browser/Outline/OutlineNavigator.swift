import ReportKit

/// Walks the visible rows of the tree without ever flattening it: every step is a binary
/// search or a walk up the ancestors, so moving costs the same on a 100 MB report as on a
/// one-page one. It relies on `Report.sections` being in pre-order, which makes a subtree a
/// contiguous run of indices. With a search filter the same walk skips the sections the filter
/// drops, each skip a lookup in the filter's tables.
package struct OutlineNavigator {
    package let report: Report
    package let expansion: Expansion
    package let filter: OutlineFilter?

    package init(report: Report, expansion: Expansion, filter: OutlineFilter? = nil) {
        self.report = report
        self.expansion = expansion
        self.filter = filter
    }

    private var sections: [Section] { report.sections }

    package func hasChildren(_ index: Int) -> Bool {
        guard !sections[index].children.isEmpty else { return false }
        return filter?.keepsChildren(of: index) ?? true
    }

    /// Whether the filter (if any) keeps the section in the tree.
    package func keeps(_ index: Int) -> Bool { filter?.keeps(index) ?? true }

    /// The first shown-by-the-filter section at or after `index`.
    private func firstKept(atOrAfter index: Int) -> Int? {
        guard let filter else { return index < sections.count ? index : nil }
        return filter.firstKept(atOrAfter: index)
    }

    package func isOpen(_ index: Int) -> Bool {
        hasChildren(index) && expansion.isOpen(sections[index])
    }

    /// The first section after the subtree of `index`, in document order.
    package func indexAfterSubtree(of index: Int) -> Int? {
        let end = sections[index].subtreeRange.upperBound
        let low = sections[(index + 1)...].partitioningIndex(where: { $0.ownRange.lowerBound >= end })
        return low < sections.count ? low : nil
    }

    package func isInSubtree(_ candidate: Int, of root: Int) -> Bool {
        candidate >= root && sections[candidate].ownRange.lowerBound < sections[root].subtreeRange.upperBound
    }

    package func isVisible(_ row: OutlineRow) -> Bool {
        guard let index = row.sectionIndex else { return true }
        guard keeps(index) else { return false }
        var cursor = sections[index].parent
        while let parent = cursor {
            if !expansion.isOpen(sections[parent]) { return false }
            cursor = sections[parent].parent
        }
        return true
    }

    /// The row that shows `row`: itself when visible, else its outermost closed ancestor. A
    /// section the filter drops is stood for by its nearest kept ancestor, or the title.
    package func visibleRow(for row: OutlineRow) -> OutlineRow {
        guard var index = row.sectionIndex else { return row }
        if !keeps(index) {
            guard let kept = report.path(to: index).last(where: keeps) else { return .title }
            index = kept
        }
        for ancestor in report.path(to: index) where ancestor != index {
            if !expansion.isOpen(sections[ancestor]) { return .section(ancestor) }
        }
        return .section(index)
    }

    package func next(after row: OutlineRow) -> OutlineRow? {
        guard let index = row.sectionIndex else {
            return firstKept(atOrAfter: 0).map(OutlineRow.section)
        }
        // Whatever the filter drops between here and the next kept section has no kept
        // descendant either, so the first kept index is the next row (see `OutlineFilter`).
        let candidate = isOpen(index) ? index + 1 : indexAfterSubtree(of: index)
        return candidate.flatMap(firstKept(atOrAfter:)).map(OutlineRow.section)
    }

    package func previous(before row: OutlineRow) -> OutlineRow? {
        guard let index = row.sectionIndex else { return nil }
        guard let before = lastKept(atOrBefore: index - 1) else { return .title }
        return visibleRow(for: .section(before))
    }

    private func lastKept(atOrBefore index: Int) -> Int? {
        guard let filter else { return index >= 0 ? index : nil }
        return filter.lastKept(atOrBefore: index)
    }

    /// The last section in document order is the deepest last row, unless a closed ancestor
    /// stands for it.
    package var lastRow: OutlineRow {
        guard let last = lastKept(atOrBefore: sections.count - 1) else { return .title }
        return visibleRow(for: .section(last))
    }

    /// Moves `count` rows down (negative: up), stopping at either end.
    package func step(from row: OutlineRow, by count: Int) -> OutlineRow {
        var current = row
        if count >= 0 {
            for _ in 0..<count {
                guard let next = next(after: current) else { break }
                current = next
            }
        } else {
            for _ in 0..<(-count) {
                guard let previous = previous(before: current) else { break }
                current = previous
            }
        }
        return current
    }

    /// How many rows `target` lies below `top`, if it does within `limit` rows.
    package func distance(from top: OutlineRow, to target: OutlineRow, limit: Int) -> Int? {
        var current = top
        for distance in 0..<max(limit, 0) {
            if current == target { return distance }
            guard let next = next(after: current) else { return nil }
            current = next
        }
        return nil
    }

    /// Siblings of a section: its parent's children, or the chapters.
    package func siblings(of index: Int) -> [Int] {
        sections[index].parent.map { sections[$0].children } ?? report.roots
    }

    /// Whether no later sibling is shown: the first kept section after the subtree is a
    /// sibling exactly when there is a later one, since its ancestors come before it.
    package func isLastSibling(_ index: Int) -> Bool {
        guard let after = indexAfterSubtree(of: index), let next = firstKept(atOrAfter: after) else { return true }
        return sections[next].parent != sections[index].parent
    }

    /// The next (or previous) section at the same depth: the sibling when there is one, else
    /// the first one found in the neighbouring branches, so `]` walks every `（一）` in turn.
    package func sameLevel(from index: Int, forward: Bool) -> Int? {
        let depth = sections[index].depth
        if forward {
            var cursor = index + 1
            while cursor < sections.count {
                if sections[cursor].depth == depth, keeps(cursor) { return cursor }
                cursor += 1
            }
        } else {
            var cursor = index - 1
            while cursor >= 0 {
                if sections[cursor].depth == depth, keeps(cursor) { return cursor }
                cursor -= 1
            }
        }
        return nil
    }

    /// The chapter (top-level section) holding `row`, or nil on the title row.
    package func chapter(of row: OutlineRow) -> Int? {
        row.sectionIndex.map { report.path(to: $0)[0] }
    }
}
