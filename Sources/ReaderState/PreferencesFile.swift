import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The reader's choices that hold for every document (issue 14): continuous reading or one
/// section at a time, the tree's width, section sizes in the tree. One small JSON file,
/// `preferences.json`, beside the per-document state files; DECISIONS.md says why it is not
/// part of a document's state.
public struct StoredPreferences: Codable, Equatable, Sendable {
    public var continuousReading: Bool?
    /// Percentage of the width (or height) the tree takes.
    public var treeShare: Int?
    public var sectionSizes: Bool?

    public init(continuousReading: Bool? = nil, treeShare: Int? = nil, sectionSizes: Bool? = nil) {
        self.continuousReading = continuousReading
        self.treeShare = treeShare
        self.sectionSizes = sectionSizes
    }
}

extension StateStore {
    static let preferencesFileName = "preferences.json"

    /// The saved preferences; nil when there are none (or the store is disabled). A damaged
    /// file is ignored with a notice and overwritten by the next save.
    public func loadPreferences() -> (preferences: StoredPreferences?, notices: [String]) {
        guard let directory else { return (nil, []) }
        let path = "\(directory)/\(Self.preferencesFileName)"
        let data: Data
        do {
            guard let contents = try PosixFile.readFile(path, limit: 64 * 1024) else { return (nil, []) }
            data = contents
        } catch where error.code == ENOTDIR {
            return (nil, [])
        } catch {
            return (nil, ["preferences unreadable (\(error)); defaults used"])
        }
        guard let preferences = try? JSONDecoder().decode(StoredPreferences.self, from: data) else {
            return (nil, ["preferences in \(path) are damaged; defaults used"])
        }
        return (preferences, [])
    }

    /// Writes the preferences atomically; notices on failure.
    @discardableResult
    public func savePreferences(_ preferences: StoredPreferences) -> [String] {
        guard let directory else { return [] }
        do {
            try PosixFile.createDirectory(directory)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            try PosixFile.writeAtomically(
                try encoder.encode(preferences), to: "\(directory)/\(Self.preferencesFileName)", directory: directory)
            return []
        } catch {
            return ["cannot save preferences in \(directory): \(error)"]
        }
    }
}
