#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A document read from a file or standard input.
public struct LoadedDocument: Sendable {
    /// What to call the document: the file's name without its directories, or `<stdin>`.
    public let name: String
    /// The path as given; "-" for standard input.
    public let path: String
    public let decoded: DecodedText

    public init(name: String, path: String, decoded: DecodedText) {
        self.name = name
        self.path = path
        self.decoded = decoded
    }
}

/// Reads a report from a path, or from standard input for "-", and decodes it.
public enum DocumentLoader {
    public static let standardInputName = "<stdin>"

    /// - Parameters:
    ///   - encoding: forces an encoding; nil detects it.
    ///   - mapped: the file at `path` mapped by the caller, decoded from that mapping when the
    ///     file still has its size, so a large file is not mapped (and faulted in) twice.
    /// - Throws: `LoadError`, whose description is a single line for the user.
    public static func load(path: String, encoding: TextEncoding?, mapped: MappedFile? = nil) throws(LoadError) -> LoadedDocument {
        try load(path: path, encoding: encoding, chunkSize: DirectUTF8Reading.defaultChunkSize, mapped: mapped)
    }

    /// `chunkSize`: how much of a regular UTF-8 file is read at a time (tests make it tiny).
    static func load(path: String, encoding: TextEncoding?, chunkSize: Int, mapped: MappedFile? = nil) throws(LoadError) -> LoadedDocument {
        func loaded(_ decoded: DecodedText) -> LoadedDocument {
            LoadedDocument(name: displayName(ofPath: path), path: path, decoded: decoded)
        }
        if path == "-" { return loaded(try readAndDecode(descriptor: 0, path: path, encoding: encoding)) }

        let descriptor: Int32
        switch FileReading.open(path: path) {
        case .success(let opened): descriptor = opened
        case .failure(let failure): throw LoadError.reading(path: path, failure: failure)
        }
        defer { close(descriptor) }
        // The common case, a UTF-8 file, is read straight into the text; whatever else the
        // file turns out to be is read again from the start and decoded the general way.
        if encoding == nil || encoding == .utf8, let size = FileReading.regularFileSize(descriptor) {
            if let decoded = MappedUTF8Reading.read(descriptor: descriptor, reusing: mapped) { return loaded(decoded) }
            switch DirectUTF8Reading.read(descriptor: descriptor, sizeHint: size, chunkSize: chunkSize) {
            case .success(.decoded(let decoded)):
                return loaded(decoded)
            case .success(.notClean):
                guard FileReading.rewind(descriptor) else {
                    throw LoadError.reading(path: path, failure: .system(errno: errno))
                }
            case .failure(let failure):
                throw LoadError.reading(path: path, failure: failure)
            }
        }
        return loaded(try readAndDecode(descriptor: descriptor, path: path, encoding: encoding))
    }

    /// Reads the whole input into memory, then decodes it: the way for pipes, for other
    /// encodings and for text that is not clean UTF-8.
    private static func readAndDecode(
        descriptor: Int32, path: String, encoding: TextEncoding?
    ) throws(LoadError) -> DecodedText {
        let bytes: [UInt8]
        switch FileReading.read(descriptor: descriptor, keepReading: binaryCutoff(forcing: encoding)) {
        case .success(let content): bytes = content
        case .failure(let failure): throw LoadError.reading(path: path, failure: failure)
        }
        do {
            return try TextDecoder.decode(bytes, forcing: encoding)
        } catch {
            throw LoadError.decoding(path: path, error: error)
        }
    }

    /// Stops reading at the first NUL byte when the input cannot be UTF-16, so opening a
    /// disk image or /dev/zero by mistake fails at once instead of filling memory. The decoder
    /// then reports that NUL, which lies in the part that was read.
    private static func binaryCutoff(forcing encoding: TextEncoding?) -> ([UInt8], Range<Int>) -> Bool {
        { bytes, added in
            if encoding?.isUTF16 == true { return true }
            // Too short to tell whether a UTF-16 byte order mark is coming.
            guard bytes.count >= 4 else { return true }
            let starts = bytes.withUnsafeBufferPointer { ByteOrderMark.detect($0) }
            if case .known(let announced, _)? = starts, announced.isUTF16 { return true }
            if case .unsupported? = starts { return true }
            // Bytes before `added` were checked by earlier calls, except when the count was
            // below 4 then.
            let unchecked = bytes.count - added.count < 4 ? 0..<bytes.count : added
            return bytes.withUnsafeBufferPointer { buffer in
                memchr(buffer.baseAddress! + unchecked.lowerBound, 0, unchecked.count) == nil
            }
        }
    }

    static func displayName(ofPath path: String) -> String {
        if path == "-" { return standardInputName }
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return trimmed.split(separator: "/").last.map(String.init) ?? path
    }
}
