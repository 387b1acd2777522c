#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The parser's line scan run over a file's mapped bytes before the file is decoded, so that a
/// caller can decode on one core while the other parses: on a 100 MB report the decoding (read,
/// the standard library's UTF-8 validation, the copy into a `String`) is a quarter of a search,
/// and it need not come first. It is `ReportParser`'s own scan, not a second parser: only the
/// slicing of markers and headings out of the text waits until the text exists.
///
/// The scan is used only for a text whose UTF-8 is byte for byte the file (`report(of:)`
/// compares), so it is the parse of that text; any other text (line endings normalised, a byte
/// order mark dropped, damage repaired) is parsed as usual by the caller.
public final class BytesFirstParse {
    private let file: MappedFile
    /// Taken by the one `report(of:)` that uses it, so its sections are not copied.
    private var scan: ScanResult?

    public init(file: MappedFile) {
        self.file = file
        var lineScan = LineScan(text: nil, bytes: file.bytes)
        scan = lineScan.run()
    }

    /// Whether a file's bytes may decode to themselves: no byte order mark and no CR, which
    /// reading would remove. A cheap test, so that a scan that would be thrown away is not run.
    public static func mayDecodeToItself(_ file: MappedFile) -> Bool {
        let bytes = file.bytes
        guard case nil = ByteOrderMark.detect(bytes), let base = bytes.baseAddress else { return false }
        return memchr(base, 0x0D, bytes.count) == nil
    }

    /// The parsed report of `text` (without heading hints) from the scan, or nil when the text's
    /// UTF-8 is not the scanned bytes. Once only.
    public func report(of text: String) -> Report? {
        var text = text
        text.makeContiguousUTF8()
        let bytes = file.bytes
        let same = text.withUTF8 { utf8 in
            utf8.count == bytes.count && memcmp(utf8.baseAddress!, bytes.baseAddress!, utf8.count) == 0
        }
        guard same, var result = scan else { return nil }
        scan = nil
        SectionTreeBuilder.attach(text: text, to: &result.sections, markerRanges: result.markerRanges)
        return ReportAssembler.assemble(text: text, scan: result)
    }
}
