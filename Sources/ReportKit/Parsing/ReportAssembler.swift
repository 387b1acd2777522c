/// Turns scan drafts into the final section array: own ranges that partition the text after the
/// front matter, subtree ranges, children lists and position addresses.
enum ReportAssembler {
    static func assemble(text: String, scan: ScanResult) -> Report {
        let drafts = scan.drafts
        let byteCount = scan.byteCount
        let lines = LineTable(starts: scan.lineStarts, byteCount: byteCount)
        let frontEnd = drafts.first?.start ?? byteCount
        var sections: [Section] = []
        sections.reserveCapacity(drafts.count)
        var roots: [Int] = []
        var childCount: [Int] = Array(repeating: 0, count: drafts.count)
        var addresses: [String] = []
        addresses.reserveCapacity(drafts.count)
        for (index, draft) in drafts.enumerated() {
            let ownEnd = index + 1 < drafts.count ? drafts[index + 1].start : byteCount
            let address: String
            if let parent = draft.parent {
                childCount[parent] += 1
                address = addresses[parent] + "." + String(childCount[parent])
                sections[parent].children.append(index)
            } else {
                roots.append(index)
                address = String(roots.count)
            }
            addresses.append(address)
            let heading = draft.heading
            sections.append(Section(
                index: index, parent: draft.parent, children: [], depth: draft.depth, kind: draft.kind,
                marker: draft.marker, style: draft.style, ordinal: draft.ordinal, heading: heading,
                line: draft.line, address: address, ownRange: draft.start..<ownEnd,
                subtreeRange: draft.start..<ownEnd, headingRange: draft.headingRange,
                bodyRange: min(draft.bodyStart, ownEnd)..<ownEnd))
        }
        // Children come after their parents, so one backward pass carries subtree ends upward.
        for index in sections.indices.reversed() {
            if let parent = sections[index].parent,
               sections[index].subtreeRange.upperBound > sections[parent].subtreeRange.upperBound {
                sections[parent].subtreeRange = sections[parent].subtreeRange.lowerBound..<sections[index].subtreeRange.upperBound
            }
        }
        let headerEnd = min(scan.front.headerEnd, frontEnd)
        let preambleStart = headerEnd < frontEnd && headerEnd > 0 ? min(headerEnd + 1, frontEnd) : headerEnd
        return Report(
            text: text, lines: lines, title: scan.front.title, metadata: scan.front.metadata,
            frontRange: 0..<frontEnd, preambleStart: preambleStart, sections: sections, roots: roots)
    }
}
