import Testing

@testable import ReportKit

@Suite("Decoding: line endings")
struct DecodingLineEndingTests {
    static let cases: [(input: String, text: String, ending: LineEnding)] = [
        ("", "", .none),
        ("no break", "no break", .none),
        ("a\nb\n", "a\nb\n", .lf),
        ("a\r\nb\r\n", "a\nb\n", .crlf),
        ("a\rb\r", "a\nb\n", .cr),
        ("\r", "\n", .cr),
        ("\r\n", "\n", .crlf),
        ("a\r\nb\nc\rd", "a\nb\nc\nd", .mixed),
        ("a\r\nb\n", "a\nb\n", .mixed),
        ("a\r\r\nb", "a\n\nb", .mixed),
        ("\r\n\r\n\r\n", "\n\n\n", .crlf),
        ("一、总则\r\n（一）目的\r\n", "一、总则\n（一）目的\n", .crlf),
        ("中\r文\r", "中\n文\n", .cr),
    ]

    @Test("UTF-8 line endings become LF", arguments: cases)
    func utf8(_ example: (input: String, text: String, ending: LineEnding)) throws {
        let decoded = try TextDecoder.decode(Array(example.input.utf8))
        #expect(decoded.text == example.text)
        #expect(decoded.lineEnding == example.ending)
    }

    @Test("UTF-16 line endings become LF", arguments: cases)
    func utf16(_ example: (input: String, text: String, ending: LineEnding)) throws {
        for bigEndian in [false, true] {
            let bytes = DecodingFixtures.utf16(example.input, bigEndian: bigEndian, byteOrderMark: true)
            let decoded = try TextDecoder.decode(bytes)
            #expect(decoded.text == example.text)
            #expect(decoded.lineEnding == example.ending)
        }
    }

    @Test("GB18030 line endings become LF", arguments: cases)
    func gb18030(_ example: (input: String, text: String, ending: LineEnding)) throws {
        let bytes = try DecodingFixtures.gb18030(example.input)
        let decoded = try TextDecoder.decode(bytes, forcing: .gb18030)
        #expect(decoded.text == example.text)
        #expect(decoded.lineEnding == example.ending)
    }

    @Test("CRLF around an invalid byte: the byte is replaced, the ending normalised")
    func invalidNextToCRLF() throws {
        let line = String(repeating: "正文", count: 20)
        let bytes = Array((line + "\r\n").utf8) + [0xE2, 0x0D, 0x0A] + Array((line + "\r\n").utf8)
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.text == line + "\n\u{FFFD}\n" + line + "\n")
        #expect(decoded.lineEnding == .crlf)
        #expect(decoded.warnings.count == 1)
    }
}
