import Dispatch
import FoundationEssentials
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
public final class BytesFirstParse: @unchecked Sendable {
    private let file: MappedFile
    /// Taken by the one `report(of:)` that uses it, so its sections are not copied. Written by
    /// the scanning thread before it signals `finished`, read only after waiting for it.
    private var scan: ScanResult?
    /// Kept instead of `scan` by a lean parse (`LeanFileSearch`), under the same rules.
    private var leanScan: LeanScan?
    /// Whether the scan keeps its sections lean, for `leanMatches` instead of `report(of:)`.
    public let isLean: Bool
    private let finished = DispatchSemaphore(value: 0)
    private var waited = false
    private let cancellation: SearchCancellation?
    private enum Probe { case probing, scanning, skipped }
    private let probe = Locked(Probe.probing)
    private let probed = DispatchSemaphore(value: 0)

    /// Scans on the calling thread.
    public init(file: MappedFile) {
        self.file = file
        cancellation = nil
        isLean = false
        var lineScan = LineScan<SectionTreeBuilder>(text: nil, bytes: file.bytes)
        scan = lineScan.run()
        probe.withLock { $0 = .scanning }
        probed.signal()
        finished.signal()
    }

    private init(startingOn file: MappedFile, lean: Bool) {
        self.file = file
        cancellation = SearchCancellation()
        isLean = lean
    }

    /// Starts the scan on another thread at once, before anyone knows whether it will be
    /// needed, so that it overlaps the look for candidates as well as the decoding: the scan is
    /// the longest part of a search with hits. `cancel()` stops a scan that turns out useless
    /// (no hits, another encoding), so that it does not compete for the cores. A file that
    /// cannot decode to itself (`mayDecodeToItself`) is not scanned; that test (a pass over the
    /// whole file, its first touch of the mapping) runs on the scanning thread too.
    ///
    /// - Parameter needles: byte strings that all occur in a file worth scanning (a search's
    ///   folded terms, as they are usually written). The thread looks for them first and does
    ///   not scan when one is missing, so a search without hits costs the other core one
    ///   byte-search pass rather than most of a scan; `scanningIfSkipped()` then starts the scan after all.
    /// - Parameter lean: keep the sections lean, for `leanMatches(of:candidates:)`; then
    ///   `report(of:)` gives nil.
    public static func started(file: MappedFile, whenAllOccur needles: [[UInt8]] = [], lean: Bool = false) -> BytesFirstParse {
        let parse = BytesFirstParse(startingOn: file, lean: lean)
        DispatchQueue.global().async {
            let worth = needles.allSatisfy { Self.occurs($0, in: file.bytes) }
            parse.probe.withLock { $0 = worth ? .scanning : .skipped }
            parse.probed.signal()
            if worth { parse.scanAhead() }
            parse.finished.signal()
        }
        return parse
    }

    /// This parse, or when its needles were missing (so it did not scan), a new one that
    /// scans unconditionally: for a search whose terms occur only in other forms (full-width,
    /// traditional) than their folded bytes.
    public func scanningIfSkipped() -> BytesFirstParse {
        probed.wait()
        probed.signal()
        guard probe.withLock({ $0 }) == .skipped else { return self }
        return Self.started(file: file, lean: isLean)
    }

    /// Whether `needle` occurs, looked for a stretch at a time so that a common one is found
    /// in the first few kilobytes.
    static func occurs(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty else { return true }
        let searcher = ByteSearcher(needle: needle)
        let stretch = 256 << 10
        var start = 0
        while start < bytes.count {
            // Stretches overlap by the needle's length less one, so no match falls between two.
            let end = min(bytes.count, start + stretch + needle.count - 1)
            if !searcher.matches(in: bytes, range: start..<end).isEmpty { return true }
            start += stretch
        }
        return false
    }

    /// The scan of a started parse. Its own function so that the scan's locals, which share
    /// the sections' storage, are gone before `finished` is signalled: a second reference when
    /// `report(of:)` attaches the slices would copy all the sections (≈ 75 ms at 100 MB).
    private func scanAhead() {
        // A lean parse leaves the test to `LeanFileSearch.readsAsItIs` on the waiting thread,
        // which has time to spare: here it would be one more pass over the file before the scan.
        if isLean {
            var lineScan = LineScan<LeanSectionStore>(text: nil, bytes: file.bytes, cancellation: cancellation)
            let result = lineScan.runLean()
            if !(cancellation?.isCancelled ?? false) { leanScan = result }
            return
        }
        guard Self.mayDecodeToItself(file) else { return }
        var lineScan = LineScan<SectionTreeBuilder>(text: nil, bytes: file.bytes, cancellation: cancellation)
        let result = lineScan.run()
        if !(cancellation?.isCancelled ?? false) { scan = result }
    }

    /// Gives the scan up: it stops within a few thousand lines, and `report(of:)` gives nil.
    public func cancel() {
        cancellation?.cancel()
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
        guard same, !(cancellation?.isCancelled ?? false) else {
            cancel()
            return nil
        }
        if !waited {
            finished.wait()
            waited = true
        }
        guard var result = scan else { return nil }
        scan = nil
        SectionTreeBuilder.attach(text: text, to: &result.sections)
        return ReportAssembler.assemble(text: text, scan: result)
    }
}

extension BytesFirstParse {
    /// A lean parse's answer to `search`, from the file's bytes: nil, and the scan given up,
    /// unless the reader's text of the file is those bytes (`LeanFileSearch.readsAsItIs`, checked
    /// here while the scan runs), so the caller decodes and parses as usual. Once only.
    public func leanMatches(
        of search: UnindexedSearch, candidates: UnindexedSearch.Candidates
    ) -> (total: Int, sections: [LeanSectionHits])? {
        guard isLean, LeanFileSearch.readsAsItIs(file.bytes), !(cancellation?.isCancelled ?? false) else {
            cancel()
            return nil
        }
        if !waited {
            finished.wait()
            waited = true
        }
        guard let result = leanScan else { return nil }
        leanScan = nil
        return search.leanSections(in: file.bytes, scan: result, candidates: candidates)
    }
}

/// A value shared between threads, touched only under its lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = PlainLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
