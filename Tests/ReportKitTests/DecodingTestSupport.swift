import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Inputs for the decoding tests, made at test time from the seed and corpus texts so that the
/// GB18030 and UTF-16 variants are produced by a converter other than the one under test.
enum DecodingFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let seedURL = repositoryRoot.appendingPathComponent("seeds/qiantang-2024-rule-of-law-report.txt")

    static func bytes(of url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }

    static func seedBytes() throws -> [UInt8] { try bytes(of: seedURL) }

    /// The seed as the decoder should return it: it is UTF-8 with LF endings already.
    static func seedText() throws -> String {
        let bytes = try seedBytes()
        try #require(!bytes.contains(0x0D), "the seed is expected to use LF line endings")
        return try #require(String(validating: bytes, as: UTF8.self))
    }

    static func corpusURLs() throws -> [URL] {
        let directory = repositoryRoot.appendingPathComponent("Tests/Corpus/docs")
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Encodes with glibc's iconv (UTF-8 in, `encoding` out); nil if anything fails to convert.
    static func iconvEncode(_ text: String, to encoding: String) -> [UInt8]? {
        let converter = iconv_open(encoding, "UTF-8")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let outputCount = output.count
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outputCount
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else {
                    return nil
                }
                return outputCount - outLeft
            }
        }
        return produced.map { Array(output.prefix($0)) }
    }

    static func gb18030(_ text: String) throws -> [UInt8] {
        try #require(iconvEncode(text, to: "GB18030"), "iconv cannot encode the text as GB18030")
    }

    /// UTF-16 from Swift's own UTF-16 view, independent of the decoder's converter.
    static func utf16(_ text: String, bigEndian: Bool, byteOrderMark: Bool) -> [UInt8] {
        let units = (byteOrderMark ? [0xFEFF] : []) + Array(text.utf16)
        return units.flatMap { unit -> [UInt8] in
            let high = UInt8(unit >> 8)
            let low = UInt8(unit & 0xFF)
            return bigEndian ? [high, low] : [low, high]
        }
    }

    static func replacementCount(in text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) }
    }

    /// The number a replacement warning starts with ("3 invalid UTF-8 sequences …").
    static func reportedReplacements(in warnings: [String]) -> Int {
        warnings.filter { $0.contains("replaced with U+FFFD") }
            .compactMap { Int($0.prefix { $0.isNumber }) }
            .reduce(0, +)
    }
}

