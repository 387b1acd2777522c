@testable import ReportIndex
import Testing

/// `RecordTable`: the records of `search -c` found by path bytes, as the dictionary keyed by
/// `PathKey` finds them.
@Suite struct RecordTableTests {
    private func record(_ id: Int64) -> SearchRecord {
        SearchRecord(id: id, size: id, modified: id, failure: nil, pieces: id..<(id + 1))
    }

    @Test func findsWhatADictionaryFinds() {
        var table = RecordTable(capacity: 4)
        var dictionary: [PathKey: SearchRecord] = [:]
        var paths: [String] = []
        for number in 0..<3000 {
            // Long shared prefixes, Chinese names, an empty path, and paths given twice.
            let path = number == 7 ? "" : "/库/2024/第\(number % 977)区/报告 \(number).txt"
            paths.append(path)
            let record = record(Int64(number))
            var bytes = Array(path.utf8)
            bytes.withUnsafeMutableBufferPointer { table.append(record, path: UnsafeBufferPointer($0)) }
            dictionary[PathKey(path: path)] = record
            if number % 500 == 0 {
                bytes.withUnsafeMutableBufferPointer { table.append(self.record(-Int64(number)), path: UnsafeBufferPointer($0)) }
                dictionary[PathKey(path: path)] = self.record(-Int64(number))
            }
        }
        #expect(table.count == dictionary.count)
        for path in paths + ["/库/2024/第1区/报告 1.tx", "/库/2024/第1区/报告 1.txt/", "missing"] {
            let found = table.position(of: path).map { table.records[$0].id }
            #expect(found == dictionary[PathKey(path: path)]?.id, "\(path)")
        }
        // A string whose bytes are not stored contiguously (bridged or sliced) is found too.
        let sliced = String(("x" + paths[42]).dropFirst())
        #expect(table.position(of: sliced).map { table.records[$0].id } == 42)
    }

    /// A guess is only a first try: right, wrong, past the end or negative, the answer is the
    /// one the table gives without it.
    @Test func aGuessNeverChangesWhatIsFound() {
        var table = RecordTable(capacity: 8)
        let paths = (0..<40).map { "/库/\($0 % 3)/报告-\($0).txt" }
        for (number, path) in paths.enumerated() {
            var bytes = Array(path.utf8)
            bytes.withUnsafeMutableBufferPointer { table.append(record(Int64(number)), path: UnsafeBufferPointer($0)) }
        }
        for path in paths + ["/库/0/报告-0.tx", "/库/0/报告-0.txt/", ""] {
            let expected = table.position(of: path)
            for guess in [nil, -1, 0, 1, 17, 39, 40, 1000] as [Int?] {
                #expect(table.position(of: path, guessing: guess) == expected, "\(path) guessing \(String(describing: guess))")
            }
            if let expected {
                #expect(table.position(of: path, guessing: expected) == expected)
                #expect(table.position(of: path, guessing: expected == 0 ? 1 : expected - 1) == expected)
            }
        }
    }
}
