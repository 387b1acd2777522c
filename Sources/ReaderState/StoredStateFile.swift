import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// What is on disk for one document, classified so the store can act on it.
enum StoredStateFile {
    case absent
    case found(DocumentState)
    /// Written by a newer program: not ours to read or to overwrite.
    case newer(version: Int)
    /// Unreadable, empty, truncated or not a state file; the reason completes "reading state was …".
    case damaged(reason: String)

    /// State files are a few kilobytes; anything this big is not one.
    static let sizeLimit = 16 * 1024 * 1024

    static func read(_ path: String) -> StoredStateFile {
        let data: Data
        do {
            guard let contents = try PosixFile.readFile(path, limit: sizeLimit) else { return .absent }
            data = contents
        } catch where error.code == ENOTDIR {
            // The state directory itself is missing or not a directory: nothing was saved,
            // and `save` reports the problem when it tries to create it.
            return .absent
        } catch {
            return .damaged(reason: "unreadable (\(error))")
        }
        guard !data.isEmpty else { return .damaged(reason: "empty") }
        guard JSONSyntax.isDocument(data) else {
            return .damaged(reason: "damaged (not valid JSON)")
        }
        guard let version = StateCoding.formatVersion(of: data), version >= 1 else {
            return .damaged(reason: "damaged (no format version)")
        }
        if version > DocumentState.currentFormatVersion { return .newer(version: version) }
        do {
            return .found(try StateCoding.decode(data))
        } catch {
            return .damaged(reason: "damaged (\(describe(error)))")
        }
    }

    private static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "not a reading-state file" }
        switch decoding {
        case .keyNotFound(let key, _): return "missing “\(key.stringValue)”"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "not a reading-state file" : "bad “\(path)”"
        @unknown default: return "not a reading-state file"
        }
    }
}
