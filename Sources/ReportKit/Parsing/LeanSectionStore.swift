/// The sections of a scan as a few numbers each (72 bytes instead of a `Section`'s 200), for a
/// one-off search that makes a `Section` only where it has hits (`LeanFileSearch`). On the
/// 100 MB report the `Section`s are ≈ 87 MB that the kernel zeroes and the scan writes once,
/// a third of the scan; an address is kept as the section's place among its siblings, and
/// strings are made only for the few sections printed.
///
/// Offsets are `Int32`: the store is only for texts shorter than `maximumByteCount`.
struct LeanSectionStore: SectionStore {
    static let maximumByteCount = Int(Int32.max)

    struct Entry {
        var style: NumberingStyle
        var kind: Section.Kind
        var ordinal: Int
        var start: Int32
        var bodyStart: Int32
        var markerLower: Int32
        var markerUpper: Int32
        var headingLower: Int32
        var headingUpper: Int32
        /// -1 for a root.
        var parent: Int32
        /// 1-based place among the parent's children (or the roots): the last part of the address.
        var number: Int32
        var childCount: Int32
        var line: Int32
    }

    private(set) var entries: [Entry] = []
    private(set) var roots: [Int] = []
    /// Articles whose text resumes after their items, as `SectionTreeBuilder` records them.
    private(set) var trailing: [(owner: Int, holder: Int, start: Int)] = []

    init(text: String?) {}

    var count: Int { entries.count }
    var isEmpty: Bool { entries.isEmpty }

    mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
        HugePageAdvice.advise(reservedStorageOf: &entries)
    }

    mutating func append(
        parent: Int?, kind: Section.Kind, markerRange: Range<Int>, style: NumberingStyle, ordinal: Int,
        line: Int, start: Int, headingRange: Range<Int>, bodyStart: Int
    ) -> Int {
        let index = entries.count
        let number: Int32
        if let parent {
            entries[parent].childCount += 1
            number = entries[parent].childCount
        } else {
            roots.append(index)
            number = Int32(roots.count)
        }
        entries.append(Entry(
            style: style, kind: kind, ordinal: ordinal, start: Int32(start), bodyStart: Int32(bodyStart),
            markerLower: Int32(markerRange.lowerBound), markerUpper: Int32(markerRange.upperBound),
            headingLower: Int32(headingRange.lowerBound), headingUpper: Int32(headingRange.upperBound),
            parent: Int32(parent ?? -1), number: number, childCount: 0, line: Int32(line)))
        return index
    }

    mutating func setHeading(of index: Int, range: Range<Int>, bodyStart: Int) {
        entries[index].headingLower = Int32(range.lowerBound)
        entries[index].headingUpper = Int32(range.upperBound)
        entries[index].bodyStart = Int32(bodyStart)
    }

    mutating func resume(_ owner: Int, after holder: Int, at start: Int) {
        trailing.append((owner, holder, start))
    }

    var shapes: SectionShapes {
        let entries = entries
        return SectionShapes(
            count: entries.count, roots: roots, parent: { entries[$0].parent < 0 ? nil : Int(entries[$0].parent) },
            style: { entries[$0].style }, ordinal: { entries[$0].ordinal }, line: { Int(entries[$0].line) },
            kind: { entries[$0].kind })
    }

    func parent(of index: Int) -> Int? {
        entries[index].parent < 0 ? nil : Int(entries[index].parent)
    }

    /// Where section `index`'s own text starts.
    func start(of index: Int) -> Int { Int(entries[index].start) }

    /// The number of sections starting at or before `offset` (clamped to `end`), as
    /// `PieceLookup.position(holding:)` counts them; starts ascend. Only the starts are read, not
    /// whole entries (each copy of one would copy its style).
    func position(holding offset: Int, end: Int) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if min(Int(entries[middle].start), end) > offset { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// `Section.address`: the places among siblings from the root down, joined by dots.
    func address(of index: Int) -> String {
        var numbers: [Int32] = []
        var cursor: Int? = index
        while let current = cursor {
            numbers.append(entries[current].number)
            cursor = parent(of: current)
        }
        return numbers.reversed().map { String($0) }.joined(separator: ".")
    }

    func depth(of index: Int) -> Int {
        var depth = 1
        var cursor = parent(of: index)
        while let current = cursor {
            depth += 1
            cursor = parent(of: current)
        }
        return depth
    }

    /// Where section `index`'s own text ends: where the next one starts.
    func end(of index: Int, byteCount: Int) -> Int {
        index + 1 < entries.count ? Int(entries[index + 1].start) : byteCount
    }

    /// Section `index` as `SectionTreeBuilder.finish` closes it, over `text`: the section's own
    /// bytes (`start(of:)..<end(of:byteCount:)` of the scanned text), its ranges shifted to it.
    /// Children and the trailing range are left out: nothing printed of a hit reads them.
    /// nil if a range of it lies outside its own text (never for the parser's sections).
    func section(_ index: Int, byteCount: Int, text: String) -> Section? {
        let entry = entries[index]
        let start = Int(entry.start)
        let end = end(of: index, byteCount: byteCount)
        var body = min(Int(entry.bodyStart), end)..<end
        for resumed in trailing where resumed.holder == index {
            body = min(body.lowerBound, resumed.start)..<resumed.start
        }
        let ranges = [
            Int(entry.markerLower)..<Int(entry.markerUpper), Int(entry.headingLower)..<Int(entry.headingUpper), body,
        ]
        guard ranges.allSatisfy({ $0.lowerBound >= start && $0.upperBound <= end }) else { return nil }
        func local(_ range: Range<Int>) -> Range<Int> { range.lowerBound - start..<range.upperBound - start }
        return Section(
            index: index, parent: parent(of: index), children: [], depth: depth(of: index), kind: entry.kind,
            text: text, markerRange: local(ranges[0]), style: entry.style,
            ordinal: entry.ordinal, line: Int(entry.line), address: address(of: index),
            ownRange: local(start..<end), subtreeRange: local(start..<end),
            headingRange: local(ranges[1]), bodyRange: local(body))
    }
}
