import FoundationEssentials

/// Reads and writes `DocumentState`s, one JSON file per document hash, in a directory shared by
/// every browser the user runs.
///
/// Nothing here is fatal: a missing, read-only or uncreatable directory, a damaged file or one
/// from a newer version each become a one-line notice for the status line, and the browser
/// carries on without remembered state. Saves take an advisory lock and merge with what is on
/// disk, so two browsers on the same report both keep their marks.
public struct StateStore: Sendable {
    /// The state directory; nil when disabled.
    public let directory: String?
    private let unavailableNotice: String?

    public init(directory: String) {
        self.directory = directory
        unavailableNotice = nil
    }

    private init(disabledWithNotice notice: String?) {
        directory = nil
        unavailableNotice = notice
    }

    /// Reads and writes nothing, says nothing (`--no-state`).
    public static let disabled = StateStore(disabledWithNotice: nil)

    /// The XDG location for this environment; without HOME, disabled with a notice from `load`.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> StateStore {
        switch StateLocation.resolve(environment: environment) {
        case .directory(let path): return StateStore(directory: path)
        case .unavailable(let notice): return StateStore(disabledWithNotice: notice)
        }
    }

    public var isEnabled: Bool { directory != nil }

    /// Where the state of a document is kept, e.g. to show in messages.
    public func stateFilePath(documentHash: String) -> String? {
        guard let directory, DocumentIdentity(hash: documentHash) != nil else { return nil }
        return "\(directory)/\(documentHash).json"
    }

    /// The saved state of a document, or nil for one never read before (or unreadable, with a
    /// notice). If nothing is saved under this hash but `documentPath` was last opened with
    /// another hash, that older state is returned: the file was edited, and the caller's
    /// `adapted(to:identity:)` re-anchors its places.
    public func load(documentHash: String, documentPath: String? = nil) -> (state: DocumentState?, notices: [String]) {
        guard let directory else { return (nil, unavailableNotice.map { [$0] } ?? []) }
        guard let path = stateFilePath(documentHash: documentHash) else { return (nil, [Self.invalidHashNotice]) }
        // Reading needs no lock (writes are atomic renames) but setting a damaged file aside
        // does, lest it move a good file another browser just wrote. A read-only directory
        // gives no lock, and then nothing is set aside either.
        let lock = try? FileLock(path: "\(directory)/\(Self.lockFileName)")
        defer { lock?.release() }
        var notices: [String] = []
        switch StoredStateFile.read(path) {
        case .found(let state):
            return (state, [])
        case .newer(let version):
            return (nil, [Self.newerNotice(version)])
        case .damaged(let reason):
            notices.append(setAside(path, because: reason))
        case .absent:
            break
        }
        if let documentPath, let pointer = PathPointer.read(for: documentPath, in: directory),
           pointer != documentHash, let previous = stateFilePath(documentHash: pointer),
           case .found(let state) = StoredStateFile.read(previous) {
            return (state, notices)
        }
        return (nil, notices)
    }

    /// Writes `state` merged with what another browser may have saved since, under a lock.
    /// Returns the state as written (nil if nothing was) and notices.
    @discardableResult
    public func save(_ state: DocumentState, date: Date = Date()) -> (saved: DocumentState?, notices: [String]) {
        guard let directory else { return (nil, []) }
        guard let path = stateFilePath(documentHash: state.documentHash) else { return (nil, [Self.invalidHashNotice]) }
        do {
            try PosixFile.createDirectory(directory)
        } catch {
            return (nil, ["cannot create \(directory) (\(error)): reading state not saved"])
        }
        // Without a lock file the directory is not writable and the write below says so.
        let lock = try? FileLock(path: "\(directory)/\(Self.lockFileName)")
        defer { lock?.release() }
        var notices: [String] = []
        var merged = state
        switch StoredStateFile.read(path) {
        case .found(let stored):
            merged = state.merged(with: stored)
        case .newer(let version):
            return (nil, [Self.newerNotice(version)])
        case .damaged(let reason):
            notices.append(setAside(path, because: reason))
        case .absent:
            break
        }
        merged.stamp(savedAt: date)
        do {
            let data = try StateCoding.encode(merged)
            try PosixFile.writeAtomically(data, to: path, directory: directory)
        } catch {
            notices.append("cannot save reading state in \(directory): \(error)")
            return (nil, notices)
        }
        if let documentPath = merged.documentPath,
           PathPointer.read(for: documentPath, in: directory) != merged.documentHash {
            // Only a convenience for edited files; the state itself is safely written.
            try? PathPointer.write(documentHash: merged.documentHash, for: documentPath, in: directory)
        }
        return (merged, notices)
    }

    private func setAside(_ path: String, because reason: String) -> String {
        let target = "\(path).corrupt-\(Self.timestamp())"
        do {
            let used = try PosixFile.moveAside(path, to: target)
            return "reading state was \(reason); set aside as \(used)"
        } catch {
            return "reading state was \(reason) and could not be set aside (\(error)); it is ignored"
        }
    }

    static let lockFileName = ".lock"
    private static let invalidHashNotice = "reading state not used: the document hash is not a SHA-256 digest"

    private static func newerNotice(_ version: Int) -> String {
        "reading state was saved by a newer report-browser (format \(version)); left untouched, not updated"
    }

    /// `20250301T101500Z`: sorts in time order and is safe in a file name.
    private static func timestamp() -> String {
        Date().ISO8601Format(.init(dateSeparator: .omitted, timeSeparator: .omitted))
    }
}
