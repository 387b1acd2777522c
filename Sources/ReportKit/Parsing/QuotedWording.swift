#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Amendment decisions quote the new wording of the rules they change (`将第六条修改为：“第六条
/// …` followed by `（一）…`): inside an open quotation, markers belong to the quoted text and
/// are body. Chinese typography opens every quoted paragraph with “ and closes only the last
/// with ”, so a quotation stays open until a line that closes more than it opens.
struct QuotedWording {
    /// A stray “ must not swallow the rest of a document.
    static let maximumOpenLines = 200
    private(set) var isOpen = false
    private var openLines = 0

    /// Updates the state with a line's quotation marks; call it for every line read while
    /// open, and for lines that may open a quotation.
    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var depth = isOpen ? 1 : 0
        var sawOpening = false
        guard let base = bytes.baseAddress else { return }
        var offset = range.lowerBound
        // “ is E2 80 9C and ” is E2 80 9D; memchr skips to each E2 lead byte.
        while offset + 2 < range.upperBound {
            guard let found = memchr(base + offset, 0xE2, range.upperBound - offset - 2) else { break }
            offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if bytes[offset + 1] == 0x80 {
                if bytes[offset + 2] == 0x9C {
                    // A new quoted paragraph while one is open continues the same quotation.
                    if !(isOpen && !sawOpening && depth == 1) { depth += 1 }
                    sawOpening = true
                } else if bytes[offset + 2] == 0x9D {
                    depth = max(0, depth - 1)
                }
                offset += 3
            } else {
                offset += 1
            }
        }
        if depth > 0 {
            openLines = isOpen ? openLines + 1 : 0
            isOpen = openLines < Self.maximumOpenLines
        } else {
            isOpen = false
            openLines = 0
        }
    }

    /// Whether the bytes hold an opening “ (E2 80 9C).
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var offset = range.lowerBound
        while offset + 2 < range.upperBound {
            guard let found = memchr(base + offset, 0xE2, range.upperBound - offset - 2) else { return false }
            offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if bytes[offset + 1] == 0x80, bytes[offset + 2] == 0x9C { return true }
            offset += 1
        }
        return false
    }

    /// Titles and chapter headings of documents that amend others: `关于修改《…》的决定`,
    /// `…修正案`, `一、修改《…规定》`.
    static func isAmendment(title: some StringProtocol) -> Bool {
        title.contains("修改") || title.contains("修正")
    }
}
