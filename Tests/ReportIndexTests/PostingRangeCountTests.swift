@testable import ReportIndex
import Testing

/// `IndexedCount.countRows`: a bigram's rows counted per file by one merge over the rows and
/// the files' piece ranges must give what counting each range on its own gives.
@Suite struct PostingRangeCountTests {
    private func record(_ id: Int64, _ pieces: Range<Int64>, failure: String? = nil) -> SearchRecord {
        SearchRecord(id: id, size: 1, modified: 1, failure: failure, pieces: pieces)
    }

    @Test func mergeEqualsCountingEachRange() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            // Disjoint ranges with gaps, listed in any order (the records come from a dictionary).
            var records: [SearchRecord] = []
            var next: Int64 = Int64.random(in: 1...5, using: &generator)
            for id in 1...Int64.random(in: 1...40, using: &generator) {
                let length = Int64.random(in: 0...6, using: &generator)
                records.append(record(id, next..<(next + length), failure: id % 17 == 0 ? "unreadable" : nil))
                next += length + Int64.random(in: 0...3, using: &generator)
            }
            records.shuffle(using: &generator)
            let rows = (0...next + 2).filter { _ in Bool.random(using: &generator) }
            let sortedInput = Bool.random(using: &generator)
            let counts = IndexedCount.countRows(sortedInput ? rows : rows.shuffled(using: &generator), in: records)
            let expected = records.map { record in
                record.failure == nil ? rows.filter(record.pieces.contains).count : 0
            }
            #expect(counts == expected)
        }
    }
}
