import FoundationEssentials

/// A small file per document path naming the hash last saved from it: how an edited file,
/// whose new hash has no state yet, finds the state of its previous version.
enum PathPointer {
    private struct Contents: Codable {
        let path: String
        let documentHash: String
    }

    static let directoryName = "paths"

    static func read(for documentPath: String, in directory: String) -> String? {
        guard let data = try? PosixFile.readFile(file(for: documentPath, in: directory), limit: 64 * 1024),
              let contents = try? JSONDecoder().decode(Contents.self, from: data),
              contents.path == documentPath, DocumentIdentity(hash: contents.documentHash) != nil
        else { return nil }
        return contents.documentHash
    }

    static func write(documentHash: String, for documentPath: String, in directory: String) throws {
        let pointers = "\(directory)/\(directoryName)"
        try PosixFile.createDirectory(pointers)
        let data = try JSONEncoder().encode(Contents(path: documentPath, documentHash: documentHash))
        try PosixFile.writeAtomically(data, to: file(for: documentPath, in: directory), directory: pointers)
    }

    /// Named by the hash of the path, which may be long or contain any character.
    private static func file(for documentPath: String, in directory: String) -> String {
        "\(directory)/\(directoryName)/\(SHA256.hexDigest(of: documentPath.utf8)).json"
    }
}
