#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every file record of the index, found by its path's bytes, for `search -c`, which reads all
/// of them at each query: the paths lie in one buffer (no `String` made per record, as ten
/// thousand of them cost as much as the query itself) under an open-addressing table.
struct RecordTable: Sendable {
    /// In the order read (row id order).
    private(set) var records: [SearchRecord] = []
    private var pathBytes: [UInt8] = []
    /// Where each record's path starts in `pathBytes`; one more entry ends the last.
    private var pathStarts: [Int] = [0]
    /// Record positions by hash, -1 for an empty slot; a power of two, at most half full.
    private var slots: [Int32] = []

    var count: Int { records.count }

    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        records.reserveCapacity(capacity)
        pathStarts.reserveCapacity(capacity + 1)
        // Generous: pages reserved but never written are never touched, while running out
        // copies every path so far (a library's paths are often longer than 64 bytes).
        pathBytes.reserveCapacity(capacity * 160)
    }

    /// Adds a record; a path already there takes the later record, as a dictionary would (the
    /// `UNIQUE` column never has two).
    mutating func append(_ record: SearchRecord, path: UnsafeBufferPointer<UInt8>) {
        if slots.count < 2 * (records.count + 1) { grow() }
        let hash = Self.hash(path)
        var slot = hash & (slots.count - 1)
        while slots[slot] >= 0 {
            if matches(Int(slots[slot]), path) { return records[Int(slots[slot])] = record }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = Int32(records.count)
        records.append(record)
        pathBytes.append(contentsOf: path)
        pathStarts.append(pathBytes.count)
    }

    /// The position in `records` of the record for `path`.
    func position(of path: String) -> Int? {
        position(of: path, guessing: nil)
    }

    /// The same, trying the record at `guess` first: an index built from a walk holds its
    /// records in the walk's order, so the record after the last one found is nearly always
    /// the next file's, and one comparison replaces hashing the path.
    func position(of path: String, guessing guess: Int?) -> Int? {
        guard !slots.isEmpty else { return nil }
        let search = { (bytes: UnsafeBufferPointer<UInt8>) -> Int? in
            if let guess, records.indices.contains(guess), matches(guess, bytes) { return guess }
            return find(bytes)
        }
        if let found = path.utf8.withContiguousStorageIfAvailable(search) { return found }
        return Array(path.utf8).withUnsafeBufferPointer(search)
    }

    private func find(_ path: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Self.hash(path) & (slots.count - 1)
        while slots[slot] >= 0 {
            let position = Int(slots[slot])
            if matches(position, path) { return position }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    private func matches(_ position: Int, _ path: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = pathStarts[position]
        let count = pathStarts[position + 1] - start
        guard count == path.count else { return false }
        guard count > 0 else { return true }
        return pathBytes.withUnsafeBufferPointer { stored in
            memcmp(stored.baseAddress! + start, path.baseAddress!, count) == 0
        }
    }

    private mutating func grow() {
        var size = max(16, slots.count)
        while size < 2 * (records.count + 1) { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        for position in records.indices {
            let start = pathStarts[position]
            let hash = pathBytes.withUnsafeBufferPointer {
                Self.hash(UnsafeBufferPointer(rebasing: $0[start..<pathStarts[position + 1]]))
            }
            var slot = hash & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(position)
        }
    }

    /// Swift's seeded hash: file names are chosen by whoever fills the folder, so the table's
    /// probing must not be steerable.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return hasher.finalize()
    }
}

extension IndexStore {
    /// The same records as `searchRecords`, in a `RecordTable`.
    func recordTable() throws -> RecordTable {
        let highest = try database.prepare("SELECT max(id) FROM files")
        var capacity = 0
        if try highest.step() { capacity = Int(min(max(highest.integer(0), 0), 1 << 20)) }
        var table = RecordTable(capacity: capacity)
        let statement = try database.prepare("SELECT id, path, size, modified, failure, first_piece, piece_count FROM files")
        while try statement.step() {
            let record = SearchRecord(
                id: statement.integer(0), size: statement.integer(2), modified: statement.integer(3),
                failure: statement.optionalText(4), pieces: SearchRecord.pieces(first: statement.integer(5), count: statement.integer(6)))
            // The stored bytes as they are: paths are written from Swift strings, valid UTF-8,
            // so they are the bytes `statement.text` would give.
            statement.withBytes(1) { table.append(record, path: $0) }
        }
        return table
    }
}
