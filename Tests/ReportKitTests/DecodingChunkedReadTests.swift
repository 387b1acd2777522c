import Foundation
import ReportTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

@testable import ReportKit

/// A regular UTF-8 file is read chunk by chunk straight into the text. Whatever the chunk size,
/// and wherever a chunk ends (inside a character, between CR and LF, on a bad byte), the result
/// must be exactly what `TextDecoder` makes of the whole file.
@Suite("Decoding: chunked reading of UTF-8 files")
struct DecodingChunkedReadTests {
    static let chunkSizes = Array(1...9) + [16, DirectUTF8Reading.defaultChunkSize]

    final class Scratch {
        let directory: String
        private var count = 0

        init() throws {
            let url = FileManager.default.temporaryDirectory
                .appendingPathComponent("decoding-chunks-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            directory = url.path
        }

        deinit { try? FileManager.default.removeItem(atPath: directory) }

        func write(_ bytes: [UInt8]) throws -> String {
            count += 1
            let path = directory + "/input-\(count).txt"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    /// The fast reader alone, to tell whether it took the input or handed it back.
    static func readDirectly(_ path: String, chunkSize: Int) throws -> DirectUTF8Reading.Outcome {
        let descriptor = open(path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let size = try #require(FileReading.regularFileSize(descriptor))
        return try DirectUTF8Reading.read(descriptor: descriptor, sizeHint: size, chunkSize: chunkSize).get()
    }

    /// What a load ends in, comparable with what `TextDecoder` says about the same bytes.
    enum Ending: Equatable {
        case text(String, TextEncoding, bom: Bool, LineEnding, [String])
        case failure(TextDecodingError)

        init(_ decoded: DecodedText) {
            self = .text(decoded.text, decoded.encoding, bom: decoded.hadByteOrderMark, decoded.lineEnding, decoded.warnings)
        }
    }

    static func expected(_ bytes: [UInt8], forcing: TextEncoding? = nil) -> Ending {
        do {
            return Ending(try TextDecoder.decode(bytes, forcing: forcing))
        } catch {
            return .failure(error)
        }
    }

    static func loaded(_ path: String, chunkSize: Int, forcing: TextEncoding? = nil) -> Ending? {
        do {
            return Ending(try DocumentLoader.load(path: path, encoding: forcing, chunkSize: chunkSize).decoded)
        } catch {
            guard case .notText(let reason) = error.kind else { return nil }
            return .failure(reason)
        }
    }

    /// Clean UTF-8: every chunk size splits some character, some CRLF, the byte order mark.
    static let cleanInputs: [(String, [UInt8])] = [
        ("empty", []),
        ("byte order mark only", [0xEF, 0xBB, 0xBF]),
        ("three-byte characters", Array("一、总体要求\n（一）信用修复\n".utf8)),
        ("four-byte and two-byte characters", Array("𠀀é𝄞x\n😀😀\nΩ".utf8)),
        ("CRLF between ideographs", Array("第一章\r\n第二章\r\n第三条".utf8)),
        ("lone CRs and a CR at the end", Array("甲\r乙\r\r丙\r".utf8)),
        ("mixed endings", Array("a\r\nb\nc\rd\r\n".utf8)),
        ("just CR LF", [0x0D, 0x0A]),
        ("just CR", [0x0D]),
        ("byte order mark and CRLF", [0xEF, 0xBB, 0xBF] + Array("信用\r\n修复\r\n".utf8)),
        ("no line break", Array("一二三四五六七八九十".utf8)),
    ]

    @Test("clean UTF-8 is read directly, with the text, line endings and mark TextDecoder finds")
    func cleanInputsMatchTheDecoder() throws {
        let scratch = try Scratch()
        for (name, bytes) in Self.cleanInputs {
            let path = try scratch.write(bytes)
            let expected = Self.expected(bytes)
            for chunkSize in Self.chunkSizes {
                guard case .decoded(let decoded) = try Self.readDirectly(path, chunkSize: chunkSize) else {
                    Issue.record("\(name), chunks of \(chunkSize): not read directly")
                    continue
                }
                #expect(Ending(decoded) == expected, "\(name), chunks of \(chunkSize)")
                #expect(Self.loaded(path, chunkSize: chunkSize) == expected, "\(name), chunks of \(chunkSize)")
                #expect(Self.loaded(path, chunkSize: chunkSize, forcing: .utf8) == Self.expected(bytes, forcing: .utf8))
            }
        }
    }

    @Test("a character split at every possible point comes out whole")
    func everySplitOfACharacter() throws {
        let scratch = try Scratch()
        // Offsets 0...4 before the character, so some chunk size ends inside it at each byte.
        for prefix in 0...4 {
            for character in ["é", "信", "𠀀"] {
                let text = String(repeating: "a", count: prefix) + character + "\r\n" + character
                let path = try scratch.write(Array(text.utf8))
                for chunkSize in Self.chunkSizes {
                    guard case .decoded(let decoded) = try Self.readDirectly(path, chunkSize: chunkSize) else {
                        Issue.record("\(text.debugDescription), chunks of \(chunkSize): not read directly")
                        continue
                    }
                    #expect(decoded.text == text.replacingOccurrences(of: "\r\n", with: "\n"))
                    #expect(decoded.lineEnding == .crlf)
                }
            }
        }
    }

    /// Not clean: a bad byte, an unfinished character, a NUL, another encoding. The direct
    /// reader gives up, and the loader's second reading says what `TextDecoder` says.
    static let uncleanInputs: [(String, [UInt8])] = [
        ("0xFF among ideographs", Array("一二".utf8) + [0xFF] + Array("三四五六七八九十一二三四五六七八".utf8)),
        ("a lone continuation byte", Array("ab".utf8) + [0x80] + Array("cdefghijklmnopqrstuvwxyz".utf8)),
        ("a character cut short by ASCII", Array("一二三".utf8) + [0xE4, 0xB8] + Array("abcdefghijklmnopqrstuvwxyz".utf8)),
        ("a character cut short by the end", Array("一二三四五六七八九十一二三四五六七八九十".utf8) + [0xE4, 0xB8]),
        ("a bad second byte", Array("x".utf8) + [0xE0, 0x80, 0x80] + Array("一二三四五六七八九十一二三四五六七八九十".utf8)),
        ("a NUL after a CR", Array("一\r".utf8) + [0x00] + Array("二".utf8)),
        ("a NUL at the end", Array("一二三".utf8) + [0x00]),
        ("UTF-16LE with its mark", [0xFF, 0xFE] + Array("一".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
        ("UTF-32 mark", [0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x4E, 0x00]),
        ("GB18030", [0xD0, 0xC5, 0xD3, 0xC3, 0xD0, 0xDE, 0xB8, 0xB4, 0x0A]),
    ]

    @Test("bytes that are not clean UTF-8 are handed back and decoded as a whole, wherever the chunk ends")
    func uncleanInputsFallBack() throws {
        let scratch = try Scratch()
        for (name, bytes) in Self.uncleanInputs {
            let path = try scratch.write(bytes)
            let expected = Self.expected(bytes)
            for chunkSize in Self.chunkSizes {
                guard case .notClean = try Self.readDirectly(path, chunkSize: chunkSize) else {
                    Issue.record("\(name), chunks of \(chunkSize): read directly")
                    continue
                }
                #expect(Self.loaded(path, chunkSize: chunkSize) == expected, "\(name), chunks of \(chunkSize)")
            }
        }
    }

    @Test("an invalid byte's warning keeps its offset when the byte sits right at a chunk boundary")
    func invalidByteAtTheBoundary() throws {
        let scratch = try Scratch()
        // Long enough for one bad byte to be tolerated: a warning, not an error.
        let body = Array(String(repeating: "信用修复", count: 40).utf8)
        // Between characters, so the stray byte is the first bad one: it ends a chunk, starts
        // one, or comes one byte after a boundary.
        for offset in [3, 6, 9, 12] {
            var bytes = body
            bytes.insert(0xFF, at: offset)
            let path = try scratch.write(bytes)
            for chunkSize in [offset, offset + 1, offset - 1] {
                let ending = Self.loaded(path, chunkSize: chunkSize)
                #expect(ending == Self.expected(bytes), "byte at \(offset), chunks of \(chunkSize)")
                guard case .text(_, _, _, _, let warnings)? = ending else {
                    Issue.record("byte at \(offset): no text")
                    continue
                }
                #expect(warnings.contains { $0.contains("byte offset \(offset), byte 0xFF") }, "\(warnings)")
            }
        }
    }

    @Test("random mixtures of characters, line breaks and now and then a bad byte load as TextDecoder decodes them")
    func randomInputs() throws {
        let scratch = try Scratch()
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("信".utf8), Array("é".utf8), Array("𠀀".utf8), [0x0D], [0x0A], [0x0D, 0x0A],
            Array(" ".utf8), Array("，".utf8),
        ]
        let bad: [[UInt8]] = [[0xFF], [0x80], [0xE4, 0xB8], [0xF0, 0x90], [0x00], [0xC0, 0xAF]]
        var random = SplitMix64(seed: 0x5EED_C4A2)
        var directReads = 0
        for round in 0..<300 {
            var bytes: [UInt8] = Int.random(in: 0..<6, using: &random) == 0 ? [0xEF, 0xBB, 0xBF] : []
            for _ in 0..<Int.random(in: 0..<40, using: &random) {
                let spoil = Int.random(in: 0..<60, using: &random) == 0
                bytes += spoil ? bad.randomElement(using: &random)! : pieces.randomElement(using: &random)!
            }
            let path = try scratch.write(bytes)
            let chunkSize = Int.random(in: 1...12, using: &random)
            let expected = Self.expected(bytes)
            #expect(Self.loaded(path, chunkSize: chunkSize) == expected, "round \(round), \(bytes), chunks of \(chunkSize)")
            if case .decoded(let decoded) = try Self.readDirectly(path, chunkSize: chunkSize) {
                directReads += 1
                #expect(Ending(decoded) == expected, "round \(round)")
            }
        }
        // Most mixtures are clean: the direct path is what was tested.
        #expect(directReads > 150)
    }
}
