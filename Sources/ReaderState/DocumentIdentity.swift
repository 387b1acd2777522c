import ReportKit

/// Who a document is, independent of its file name or encoding: the SHA-256 of its decoded
/// text's UTF-8. A renamed copy, or the same text saved as GB18030, keeps its reading state.
public struct DocumentIdentity: Hashable, Sendable, CustomStringConvertible {
    /// 64 lowercase hexadecimal digits.
    public let hash: String

    public init(text: String) {
        var hasher = SHA256()
        var text = text
        // Native strings are already contiguous; this only copies a bridged or lazy string.
        text.makeContiguousUTF8()
        hasher.update(text.utf8)
        hash = SHA256.hex(hasher.finalize())
    }

    public init(report: Report) {
        self.init(text: report.text)
    }

    /// Accepts a stored hash only if it has the shape of one, so a file name built from it is safe.
    public init?(hash: String) {
        guard hash.utf8.count == 2 * SHA256.digestByteCount,
              hash.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return nil }
        self.hash = hash
    }

    public var description: String { hash }
}
