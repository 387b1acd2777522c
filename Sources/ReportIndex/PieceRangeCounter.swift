import ReportKit

/// A bigram's rows counted into the piece ranges of the files' records as they are stepped
/// through: the rows of a common bigram (seventy thousand in a library of ten thousand reports)
/// are never gathered into an array, which grew a page at a time.
struct PieceRangeCounter {
    /// Matching rows by position in the records given; 0 for an unreadable file's record.
    private(set) var counts: [Int]
    /// The piece ranges of the records that have pieces, in ascending order, and whose they are.
    private var ranges: [Range<Int64>] = []
    private var owners: [Int] = []
    /// The first range not wholly below the last row counted.
    private var cursor = 0
    private var last = Int64.min

    init(records: [SearchRecord]) {
        counts = [Int](repeating: 0, count: records.count)
        var order = records.indices.filter { records[$0].failure == nil && !records[$0].pieces.isEmpty }
        // Records are read in id order, and ids and piece ranges rise together; an index
        // updated in other ways is put in order here.
        let precedes = { (one: Int, other: Int) in records[one].pieces.lowerBound < records[other].pieces.lowerBound }
        if !zip(order, order.dropFirst()).allSatisfy({ !precedes($1, $0) }) { order.sort(by: precedes) }
        ranges.reserveCapacity(order.count)
        owners = order
        for position in order { ranges.append(records[position].pieces) }
    }

    /// Counts one row. FTS5 gives rows in ascending order, so the cursor only moves forward; a
    /// row below the last one is placed by a binary search instead (the ranges are disjoint,
    /// since a piece belongs to one file, so their ends rise with their starts).
    mutating func add(_ row: Int64) {
        if row < last { cursor = ranges.partitioningIndex(where: { $0.upperBound > row }) }
        last = row
        while cursor < ranges.count, ranges[cursor].upperBound <= row { cursor += 1 }
        if cursor < ranges.count, ranges[cursor].lowerBound <= row { counts[owners[cursor]] += 1 }
    }
}
