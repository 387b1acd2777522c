#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a search needs of a file's record: whether the file is current, and where its pieces
/// are. Read apart from `FileRecord` because a search reads every record of the library at
/// each query and needs none of the titles or hashes.
struct SearchRecord: Sendable {
    let id: Int64
    let size: Int64
    let modified: Int64
    /// Why the file could not be read, when it could not.
    let failure: String?
    /// The ids of its rows in `pieces` (and `terms`): consecutive, as `IndexStore.insert` gives them.
    let pieces: Range<Int64>

    func isCurrent(for file: LibraryFile) -> Bool {
        size == file.size && modified == file.modified
    }

    /// The piece ids of a `files` row; a damaged row's range is empty rather than a trap.
    static func pieces(first: Int64, count: Int64) -> Range<Int64> {
        count > 0 && first <= Int64.max - count ? first..<(first + count) : first..<first
    }
}

/// A path compared and hashed by its bytes, as the file system tells paths apart. A `String`
/// key would hash every path with Chinese in it through Unicode normalisation, ten thousand
/// times per query of a library.
struct PathKey: Hashable, Sendable {
    let path: String

    static func == (left: PathKey, right: PathKey) -> Bool {
        let first = left.path.utf8
        let second = right.path.utf8
        guard first.count == second.count else { return false }
        let compared = first.withContiguousStorageIfAvailable { one in
            second.withContiguousStorageIfAvailable { other in
                one.isEmpty || memcmp(one.baseAddress!, other.baseAddress!, one.count) == 0
            }
        }
        return compared.flatMap { $0 } ?? first.elementsEqual(second)
    }

    func hash(into hasher: inout Hasher) {
        let hashed = path.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) } != nil
        if !hashed { Array(path.utf8).withUnsafeBytes { hasher.combine(bytes: $0) } }
    }
}

extension IndexStore {
    func searchRecords() throws -> [PathKey: SearchRecord] {
        var records: [PathKey: SearchRecord] = [:]
        // Room for every row at once rather than regrowing ten thousand records step by step.
        let highest = try database.prepare("SELECT max(id) FROM files")
        if try highest.step() { records.reserveCapacity(Int(min(max(highest.integer(0), 0), 1 << 20))) }
        let statement = try database.prepare("SELECT id, path, size, modified, failure, first_piece, piece_count FROM files")
        while try statement.step() {
            records[PathKey(path: statement.text(1))] = SearchRecord(
                id: statement.integer(0), size: statement.integer(2), modified: statement.integer(3),
                failure: statement.optionalText(4), pieces: SearchRecord.pieces(first: statement.integer(5), count: statement.integer(6)))
        }
        return records
    }
}
