#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UnindexedSearch {
    /// What a look at a file's raw bytes, before decoding, tells about the query's hits.
    public enum FileVerdict {
        /// The file is clean UTF-8 text, as `ReportOpener` reads it, and no term occurs in it:
        /// the search has no hits, and the file need not be decoded or parsed.
        case noHits
        /// Terms may occur. The candidates hold for the decoded text when its bytes are the
        /// file's (`candidates(in:reusing:)` checks).
        case mayHaveHits(Candidates, MappedFile)
        /// The bytes alone cannot tell (another format or encoding, a NUL byte, a file that
        /// cannot be mapped); the caller decodes and searches as usual.
        case undecided
    }

    /// Looks at the file at `path` through a read-only mapping, so a hitless search costs one
    /// pass of scans over the page cache instead of reading, validating and copying the text
    /// into a `String`. Only a regular file whose format is detected as text qualifies; its
    /// errors, if any, are left to the usual reading.
    public func verdict(onFileAt path: String) -> FileVerdict {
        guard path != "-", let file = MappedFile(path: path) else { return .undecided }
        return verdict(onFile: file)
    }

    /// The same for a file the caller mapped (to scan it meanwhile, `BytesFirstParse.started`).
    public func verdict(onFile file: MappedFile) -> FileVerdict {
        var bytes = file.bytes
        guard FormatDetection.detect(prefix: bytes.prefix(FormatDetection.prefixLength)) == .text else { return .undecided }
        switch ByteOrderMark.detect(bytes) {
        case nil: break
        case .known(.utf8, let length)?: bytes = UnsafeBufferPointer(rebasing: bytes[length...])
        default: return .undecided
        }
        let candidates = candidates(inBytes: bytes)
        if mayHaveHits(candidates, inBytes: bytes) { return .mayHaveHits(candidates, file) }
        // "No hits" stands for the text the reader would decode only if it is these bytes as
        // they are, and not an empty document, which is an error of its own.
        guard let base = bytes.baseAddress, memchr(base, 0, bytes.count) == nil,
            Self.holdsVisibleText(bytes), UTF8Validation.isValid(bytes)
        else { return .undecided }
        return .noHits
    }

    /// The candidates of `text`: those of a verdict when the text is byte for byte the file
    /// it looked at, else a fresh scan.
    public func candidates(in text: String, reusing verdict: FileVerdict) -> Candidates {
        guard case .mayHaveHits(let candidates, let file) = verdict else { return self.candidates(in: text) }
        var text = text
        let same = text.withUTF8 { utf8 in
            utf8.count == file.bytes.count && (utf8.isEmpty || memcmp(utf8.baseAddress!, file.bytes.baseAddress!, utf8.count) == 0)
        }
        return same ? candidates : self.candidates(in: text)
    }

    /// Whether some byte is certainly not whitespace: ASCII other than spaces and controls, or
    /// an ideograph's lead byte. A text of other characters alone is left undecided.
    static func holdsVisibleText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { byte in (byte > 0x20 && byte < 0x7F) || byte &- 0xE4 < 6 }
    }
}

extension UnindexedSearch.FileVerdict {
    /// The file a verdict with candidates looked at, for reading it without mapping it again.
    public var mappedFile: MappedFile? {
        guard case .mayHaveHits(_, let file) = self else { return nil }
        return file
    }
}
