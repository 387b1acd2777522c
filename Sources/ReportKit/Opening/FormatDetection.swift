/// Tells a report's format from its first bytes, never from its name: saved pages are often
/// called `.htm`, `.shtml`, `.aspx` or nothing, and downloads lose their extensions.
public enum FormatDetection {
    /// How much of the start of a file `detect` looks at.
    public static let prefixLength = 64 * 1024

    public static func detect(prefix: some Collection<UInt8>) -> ReportFormat {
        let bytes = Array(prefix.prefix(prefixLength))
        if isPDF(bytes) { return .pdf }
        if isZip(bytes) { return isWordPackage(bytes) ? .docx : .text }
        if looksLikeHTML(bytes) { return .html }
        return .text
    }

    /// `%PDF-` may follow a little junk (some generators prepend a BOM or a mail header);
    /// readers accept it within the first kilobyte.
    static func isPDF(_ bytes: [UInt8]) -> Bool {
        let signature = Array("%PDF-".utf8)
        let window = bytes.prefix(1024)
        guard window.count >= signature.count else { return false }
        for start in 0...(window.count - signature.count) where window[start] == signature[0] {
            if Array(window[start..<start + signature.count]) == signature { return true }
        }
        return false
    }

    static func isZip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 3 && bytes[3] == 4
    }

    /// A ZIP whose local headers name `word/…` or `[Content_Types].xml` with a Word main part.
    /// The names sit in plain bytes in the local headers, so no unzipping is needed to tell.
    /// A ZIP that is not Word stays "text" here, and the text decoder then refuses it as binary.
    static func isWordPackage(_ bytes: [UInt8]) -> Bool {
        contains(bytes, Array("word/".utf8)) || contains(bytes, Array("[Content_Types].xml".utf8))
    }

    /// `<!DOCTYPE html`, `<html`, or a fragment that is mostly markup: it opens with a tag, and
    /// its first 4 KB hold several HTML block tags and at least a third of their bytes in tags.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return false  // UTF-16 HTML is rare; it is read as text rather than misread as markup.
        }
        let head = String(decoding: bytes[start...].prefix(4096), as: UTF8.self).lowercased()
        let trimmed = head.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") { return true }
        if trimmed.hasPrefix("<?xml"), head.contains("<html") { return true }
        guard trimmed.hasPrefix("<") else { return false }
        return markupShare(bytes[start...].prefix(4096)) && blockTagCount(head) >= 3
    }

    private static func markupShare(_ bytes: ArraySlice<UInt8>) -> Bool {
        var inTag = false
        var tagBytes = 0
        var textBytes = 0
        for byte in bytes {
            if byte == UInt8(ascii: "<") { inTag = true }
            if inTag { tagBytes += 1 } else if byte > 0x20 { textBytes += 1 }
            if byte == UInt8(ascii: ">") { inTag = false }
        }
        return tagBytes * 2 >= textBytes
    }

    private static func blockTagCount(_ head: String) -> Int {
        let tags = ["<div", "<p>", "<p ", "<table", "<tr", "<td", "<br", "<span", "<body", "<head", "<meta", "<h1", "<h2", "<ul", "<li"]
        return tags.reduce(0) { count, tag in count + head.components(separatedBy: tag).count - 1 }
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard bytes.count >= needle.count else { return false }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
