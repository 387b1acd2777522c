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

    /// - Parameter encoding: forces an encoding; nil detects it.
    /// - Throws: `LoadError`, whose description is a single line for the user.
    public static func load(path: String, encoding: TextEncoding?) throws(LoadError) -> LoadedDocument {
        let stopAtBinary = binaryCutoff(forcing: encoding)
        let read =
            path == "-"
            ? FileReading.read(descriptor: 0, keepReading: stopAtBinary)
            : FileReading.read(path: path, keepReading: stopAtBinary)
        let bytes: [UInt8]
        switch read {
        case .success(let content): bytes = content
        case .failure(let failure): throw LoadError.reading(path: path, failure: failure)
        }
        do {
            let decoded = try TextDecoder.decode(bytes, forcing: encoding)
            return LoadedDocument(name: displayName(ofPath: path), path: path, decoded: decoded)
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
