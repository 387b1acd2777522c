/// The files of a search that the index holds as they are now (same size and time), matched to
/// their records: the ones it can answer for. The others are read by the caller.
struct CurrentFiles {
    /// Readable current files by record id: their positions in the files searched (more than
    /// one when a caller lists a file twice).
    var positionsByID: [Int64: [Int]] = [:]
    /// The records of those files.
    var records: [SearchRecord] = []
    /// Current files recorded as unreadable, by position, with the reason.
    var failures: [Int: String] = [:]

    init(_ files: [LibraryFile], records byPath: [PathKey: SearchRecord]) {
        for (position, file) in files.enumerated() {
            guard let record = byPath[PathKey(path: file.absolutePath)], record.isCurrent(for: file) else { continue }
            if let failure = record.failure {
                failures[position] = failure
                continue
            }
            if positionsByID[record.id] == nil { records.append(record) }
            positionsByID[record.id, default: []].append(position)
        }
    }
}
