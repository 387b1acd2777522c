#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The start of an input, read to tell its format. A regular file is only peeked at (the text
/// path then reads it its own fast way); standard input and pipes can be read only once, so
/// they are read whole here.
struct SniffedInput {
    let prefix: [UInt8]
    /// The whole input when it had to be read to sniff it (standard input, pipes).
    let allBytes: [UInt8]?

    /// Largest non-text file read into memory; a report PDF or page is a few megabytes.
    static let largestImport = 1 << 30

    static func read(path: String) throws(LoadError) -> SniffedInput {
        if path == "-" { return try readStream(descriptor: 0, path: path) }
        let descriptor: Int32
        switch FileReading.open(path: path) {
        case .success(let opened): descriptor = opened
        case .failure(let failure): throw LoadError.reading(path: path, failure: failure)
        }
        defer { close(descriptor) }
        guard FileReading.regularFileSize(descriptor) != nil else { return try readStream(descriptor: descriptor, path: path) }
        var prefix = [UInt8](repeating: 0, count: FormatDetection.prefixLength)
        var got = 0
        while got < prefix.count {
            let count = prefix.withUnsafeMutableBytes { buffer in
                FileReading.systemRead(descriptor, buffer.baseAddress! + got, buffer.count - got)
            }
            if count < 0, errno == EINTR { continue }
            if count < 0 {
                if errno == EISDIR { throw LoadError.reading(path: path, failure: .isDirectory) }
                throw LoadError.reading(path: path, failure: .system(errno: errno))
            }
            if count == 0 { break }
            got += count
        }
        return SniffedInput(prefix: Array(prefix[..<got]), allBytes: nil)
    }

    static func readWhole(path: String) throws(LoadError) -> [UInt8] {
        switch FileReading.read(path: path, keepReading: { bytes, _ in bytes.count <= largestImport }) {
        case .success(let bytes):
            if bytes.count > largestImport {
                throw LoadError(path: path, kind: .unreadable, reason: "larger than \(largestImport >> 20) MB, too large to import")
            }
            return bytes
        case .failure(let failure):
            throw LoadError.reading(path: path, failure: failure)
        }
    }

    /// Reads a stream to its end. Once the first bytes show it is not a PDF or a ZIP, reading
    /// stops at the first NUL byte as the text loader does, so `/dev/zero` is refused at once.
    private static func readStream(descriptor: Int32, path: String) throws(LoadError) -> SniffedInput {
        let result = FileReading.read(descriptor: descriptor) { bytes, added in
            if bytes.count > largestImport { return false }
            let head = bytes.prefix(1024)
            if FormatDetection.isPDF(Array(head)) || FormatDetection.isZip(Array(head)) { return true }
            if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
                return true
            }
            return !bytes[added].contains(0)
        }
        switch result {
        case .success(let bytes): return SniffedInput(prefix: Array(bytes.prefix(FormatDetection.prefixLength)), allBytes: bytes)
        case .failure(let failure): throw LoadError.reading(path: path, failure: failure)
        }
    }
}
