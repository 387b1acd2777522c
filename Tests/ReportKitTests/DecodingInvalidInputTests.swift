import Testing

@testable import ReportKit

@Suite("Decoding: bytes that are not (quite) text")
struct DecodingInvalidInputTests {
    // MARK: refused outright

    struct Refusal: CustomTestStringConvertible, Sendable {
        let label: String
        let bytes: [UInt8]
        let forcing: TextEncoding?
        let error: TextDecodingError
        let message: String
        var testDescription: String { label }
    }

    static let refusals: [Refusal] = [
        .init(
            label: "NUL byte", bytes: Array("abc".utf8) + [0] + Array("def".utf8), forcing: nil,
            error: .binary(nulOffset: 3, looksLikeUTF16: nil), message: "binary file (NUL byte at offset 3)"),
        .init(
            label: "NUL byte after a UTF-8 BOM, offset counted from the file start",
            bytes: [0xEF, 0xBB, 0xBF, 0x41, 0x00, 0x00, 0x00, 0x42], forcing: nil,
            error: .binary(nulOffset: 4, looksLikeUTF16: nil), message: "binary file (NUL byte at offset 4)"),
        .init(
            label: "NUL byte with GB18030 forced", bytes: [0xD6, 0xD0, 0x00, 0x00, 0x01], forcing: .gb18030,
            error: .binary(nulOffset: 2, looksLikeUTF16: nil), message: "binary file (NUL byte at offset 2)"),
        .init(
            label: "UTF-16LE without BOM, not forced",
            bytes: DecodingFixtures.utf16("1. 总则\n", bigEndian: false, byteOrderMark: false), forcing: nil,
            error: .binary(nulOffset: 1, looksLikeUTF16: .utf16le),
            message: "binary file (NUL byte at offset 1); it looks like UTF-16LE without a byte order mark: try --encoding utf-16le"),
        .init(
            label: "UTF-16BE without BOM, not forced",
            bytes: DecodingFixtures.utf16("1. 总则\n", bigEndian: true, byteOrderMark: false), forcing: nil,
            error: .binary(nulOffset: 0, looksLikeUTF16: .utf16be),
            message: "binary file (NUL byte at offset 0); it looks like UTF-16BE without a byte order mark: try --encoding utf-16be"),
        .init(
            label: "UTF-16LE without BOM, starting with 一 (U+4E00, a zero low byte)",
            bytes: DecodingFixtures.utf16("一、总则\n（一）目的\n", bigEndian: false, byteOrderMark: false), forcing: nil,
            error: .binary(nulOffset: 0, looksLikeUTF16: .utf16le),
            message: "binary file (NUL byte at offset 0); it looks like UTF-16LE without a byte order mark: try --encoding utf-16le"),
        .init(
            label: "PNG header", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52],
            forcing: nil, error: .binary(nulOffset: 8, looksLikeUTF16: nil), message: "binary file (NUL byte at offset 8)"),
        .init(
            label: "NUL character in UTF-16", bytes: [0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00, 0x42, 0x00], forcing: nil,
            error: .nulCharacter(offset: 4, encoding: .utf16le), message: "binary file (NUL character at offset 4 in UTF-16LE)"),
        .init(
            label: "no encoding fits", bytes: Array("0123456789abcdefg".utf8) + [UInt8](repeating: 0xFF, count: 10),
            forcing: nil, error: .notText(InvalidSequences(count: 10, firstOffset: 17, firstByte: 0xFF)),
            message: "not valid UTF-8, UTF-16 or GB18030 text (invalid byte 0xFF at offset 17)"),
        .init(
            label: "a lone invalid byte", bytes: [0x80], forcing: nil,
            error: .notText(InvalidSequences(count: 1, firstOffset: 0, firstByte: 0x80)),
            message: "not valid UTF-8, UTF-16 or GB18030 text (invalid byte 0x80 at offset 0)"),
        .init(
            label: "UTF-8 forced on GB18030", bytes: [0xD6, 0xD0, 0xCE, 0xC4, 0xB1, 0xA8, 0xB8, 0xE6], forcing: .utf8,
            // D6, D0, CE, (C4 B1 happens to be valid UTF-8), A8, B8, truncated E6.
            error: .invalid(.utf8, InvalidSequences(count: 6, firstOffset: 0, firstByte: 0xD6)),
            message: "not valid UTF-8 text (invalid byte 0xD6 at offset 0, 6 invalid sequences)"),
        .init(
            label: "UTF-16 forced on an odd number of bytes", bytes: Array("abc".utf8), forcing: .utf16le,
            error: .invalid(.utf16le, InvalidSequences(count: 1, firstOffset: 2, firstByte: 0x63)),
            message: "not valid UTF-16LE text (invalid byte 0x63 at offset 2, 1 invalid sequence)"),
        .init(
            label: "UTF-8 forced, UTF-16LE BOM found", bytes: [0xFF, 0xFE, 0x41, 0x00], forcing: .utf8,
            error: .byteOrderMarkConflict(forced: .utf8, found: .utf16le),
            message: "not UTF-8 text: it starts with a UTF-16LE byte order mark"),
        .init(
            label: "GB18030 forced, UTF-8 BOM found", bytes: [0xEF, 0xBB, 0xBF, 0x41], forcing: .gb18030,
            error: .byteOrderMarkConflict(forced: .gb18030, found: .utf8),
            message: "not GB18030 text: it starts with a UTF-8 byte order mark"),
        .init(
            label: "UTF-32LE", bytes: [0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00], forcing: nil,
            error: .unsupportedEncoding(name: "UTF-32LE"), message: "UTF-32LE text is not supported"),
    ]

    @Test("refused inputs name the reason precisely", arguments: refusals)
    func refused(_ refusal: Refusal) {
        #expect(throws: refusal.error) { try TextDecoder.decode(refusal.bytes, forcing: refusal.forcing) }
        #expect(refusal.error.description == refusal.message)
    }

    // MARK: mostly good text

    @Test("an invalid byte in UTF-8 text becomes U+FFFD with a warning; the rest is kept",
          arguments: [0, 700, Int.max])
    func strayByteInUTF8(characterPosition: Int) throws {
        let seed = try DecodingFixtures.seedText()
        let cut = seed.index(seed.startIndex, offsetBy: min(characterPosition, seed.count))
        let (before, after) = (String(seed[..<cut]), String(seed[cut...]))
        let offset = before.utf8.count
        let decoded = try TextDecoder.decode(Array(before.utf8) + [0xFF] + Array(after.utf8))
        #expect(decoded.encoding == .utf8)
        #expect(decoded.text == before + "\u{FFFD}" + after)
        #expect(decoded.warnings == ["1 invalid UTF-8 sequence replaced with U+FFFD (at byte offset \(offset), byte 0xFF)"])
    }

    @Test("several kinds of invalid UTF-8 are counted as the replacement characters they become")
    func severalInvalidUTF8Sequences() throws {
        let seed = try DecodingFixtures.seedText()
        let seedBytes = Array(seed.utf8)
        // One each for the lone continuation byte and the truncated 3-byte sequence; three for
        // the encoded surrogate (ED A0 80), which is no prefix of any valid sequence.
        let input = [0x80] + seedBytes + [0xE4, 0xB8, 0x0A, 0xED, 0xA0, 0x80] + seedBytes
        let decoded = try TextDecoder.decode(input)
        #expect(decoded.encoding == .utf8)
        #expect(decoded.text == "\u{FFFD}" + seed + "\u{FFFD}\n\u{FFFD}\u{FFFD}\u{FFFD}" + seed)
        #expect(decoded.warnings == ["5 invalid UTF-8 sequences replaced with U+FFFD (first at byte offset 0, byte 0x80)"])
    }

    @Test("text cut in the middle of a character keeps everything before it")
    func truncatedCharacter() throws {
        let text = String(repeating: "法治政府建设", count: 10)
        let bytes = Array(text.utf8).dropLast()
        let decoded = try TextDecoder.decode(Array(bytes))
        #expect(decoded.text == String(text.dropLast()) + "\u{FFFD}")
        #expect(decoded.encoding == .utf8)
        #expect(decoded.warnings == ["1 invalid UTF-8 sequence replaced with U+FFFD (at byte offset \(bytes.count - 2), byte 0xE8)"])
    }

    // A stray lead byte before a letter would pair with it (81 61 is a valid character), so
    // the ASCII that follows here starts with bytes that cannot be a trail: space, or "1."
    // (a digit opens a four-byte sequence that "." then breaks).
    @Test("a stray byte in GB18030 text becomes U+FFFD with a warning; following ASCII survives",
          arguments: [([0xFF] as [UInt8], ""), ([0x80], ""), ([0x81], " abc"), ([0xD6], "1.")])
    func strayByteInGB18030(stray: [UInt8], asciiAfter: String) throws {
        let seed = try DecodingFixtures.seedText()
        let cut = seed.index(seed.startIndex, offsetBy: seed.count / 2)
        let before = try DecodingFixtures.gb18030(String(seed[..<cut]))
        let after = try DecodingFixtures.gb18030(asciiAfter + String(seed[cut...]))
        let decoded = try TextDecoder.decode(before + stray + after)
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.text == String(seed[..<cut]) + "\u{FFFD}" + asciiAfter + String(seed[cut...]))
        let byte = String(stray[0], radix: 16, uppercase: true)
        #expect(decoded.warnings == ["1 invalid GB18030 sequence replaced with U+FFFD (at byte offset \(before.count), byte 0x\(byte))"])
    }

    @Test("a GB18030 file cut inside a character keeps everything before it")
    func truncatedGB18030() throws {
        let seed = try DecodingFixtures.seedText()
        var bytes = try DecodingFixtures.gb18030(seed + "结束")
        bytes.removeLast()
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.text == seed + "结\u{FFFD}")
        #expect(decoded.warnings.count == 1)
    }

    /// `invalid` bytes of 0xFF in a text of `length` bytes: both encodings see `invalid` errors.
    static let tolerance: [(length: Int, invalid: Int, accepted: Bool)] = [
        (1, 1, false), (9, 1, false), (10, 1, true), (29, 3, false), (30, 3, true), (30, 4, false),
        (1000, 10, true), (1000, 11, false), (100_000, 1000, true), (100_000, 1001, false),
    ]

    @Test("a few bad bytes are tolerated, more are refused", arguments: tolerance)
    func toleranceLimit(_ example: (length: Int, invalid: Int, accepted: Bool)) {
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: example.length)
        for index in 0..<example.invalid { bytes[index * (example.length / example.invalid)] = 0xFF }
        do {
            let decoded = try TextDecoder.decode(bytes)
            #expect(example.accepted)
            #expect(DecodingFixtures.replacementCount(in: decoded.text) == example.invalid)
            #expect(DecodingFixtures.reportedReplacements(in: decoded.warnings) == example.invalid)
        } catch {
            #expect(!example.accepted)
            #expect(error == .notText(InvalidSequences(count: example.invalid, firstOffset: 0, firstByte: 0xFF)))
        }
    }

    // MARK: forced encodings that decode, with doubts

    @Test("forcing GB18030 on valid UTF-8 obeys but warns")
    func forcedGB18030OnUTF8() throws {
        let decoded = try TextDecoder.decode(Array("中文报告".utf8), forcing: .gb18030)
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.text != "中文报告")
        #expect(decoded.warnings == ["the bytes are also valid UTF-8, which reads differently; decoded as GB18030 as requested"])
    }

    @Test("forcing GB18030 on ASCII gives the same text without a warning")
    func forcedGB18030OnASCII() throws {
        let decoded = try TextDecoder.decode(Array("1. Scope\n".utf8), forcing: .gb18030)
        #expect(decoded.text == "1. Scope\n")
        #expect(decoded.warnings == [])
    }

    @Test("forcing UTF-16 on UTF-8 obeys but warns")
    func forcedUTF16OnUTF8() throws {
        let decoded = try TextDecoder.decode(Array("report".utf8), forcing: .utf16le)
        #expect(decoded.encoding == .utf16le)
        #expect(decoded.text.unicodeScalars.count == 3)
        #expect(decoded.warnings == ["the bytes are also valid UTF-8, which reads differently; decoded as UTF-16LE as requested"])
    }

    @Test("a UTF-16 byte order mark overrides the forced byte order", arguments: [
        (TextEncoding.utf16le, true, TextEncoding.utf16be), (.utf16be, false, .utf16le),
    ])
    func byteOrderMarkWins(forcing: TextEncoding, bigEndian: Bool, expected: TextEncoding) throws {
        let bytes = DecodingFixtures.utf16("一、总则", bigEndian: bigEndian, byteOrderMark: true)
        let decoded = try TextDecoder.decode(bytes, forcing: forcing)
        #expect(decoded.text == "一、总则")
        #expect(decoded.encoding == expected)
        #expect(decoded.hadByteOrderMark)
        #expect(decoded.warnings == [
            "the byte order mark says \(expected.displayName); decoded as \(expected.displayName), not \(forcing.displayName)"
        ])
    }

    @Test("an unpaired surrogate in UTF-16 becomes U+FFFD with a warning")
    func unpairedSurrogate() throws {
        let text = String(repeating: "报告", count: 20)
        var bytes = DecodingFixtures.utf16(text, bigEndian: false, byteOrderMark: true)
        bytes.insert(contentsOf: [0x00, 0xDC], at: 10)
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.text == "报告报告" + "\u{FFFD}" + String(repeating: "报告", count: 18))
        #expect(decoded.warnings == ["1 invalid UTF-16LE sequence replaced with U+FFFD (at byte offset 10, byte 0x00)"])
    }
}
