import Foundation
import Testing

@testable import ReportKit

@Suite("Decoding: encoding detection")
struct DecodingDetectionTests {
    struct SeedVariant: CustomTestStringConvertible, Sendable {
        let label: String
        let forcing: TextEncoding?
        let expectedEncoding: TextEncoding
        let expectedByteOrderMark: Bool
        let encode: @Sendable (String) throws -> [UInt8]
        var testDescription: String { label }
    }

    static let seedVariants: [SeedVariant] = [
        .init(label: "UTF-8", forcing: nil, expectedEncoding: .utf8, expectedByteOrderMark: false) {
            Array($0.utf8)
        },
        .init(label: "UTF-8 with BOM", forcing: nil, expectedEncoding: .utf8, expectedByteOrderMark: true) {
            [0xEF, 0xBB, 0xBF] + Array($0.utf8)
        },
        .init(label: "UTF-16LE with BOM", forcing: nil, expectedEncoding: .utf16le, expectedByteOrderMark: true) {
            DecodingFixtures.utf16($0, bigEndian: false, byteOrderMark: true)
        },
        .init(label: "UTF-16BE with BOM", forcing: nil, expectedEncoding: .utf16be, expectedByteOrderMark: true) {
            DecodingFixtures.utf16($0, bigEndian: true, byteOrderMark: true)
        },
        .init(label: "GB18030 detected", forcing: nil, expectedEncoding: .gb18030, expectedByteOrderMark: false) {
            try DecodingFixtures.gb18030($0)
        },
        .init(label: "GB18030 forced", forcing: .gb18030, expectedEncoding: .gb18030, expectedByteOrderMark: false) {
            try DecodingFixtures.gb18030($0)
        },
        .init(label: "GB18030 with its BOM", forcing: nil, expectedEncoding: .gb18030, expectedByteOrderMark: true) {
            [0x84, 0x31, 0x95, 0x33] + (try DecodingFixtures.gb18030($0))
        },
        .init(label: "UTF-16LE without BOM, forced", forcing: .utf16le, expectedEncoding: .utf16le, expectedByteOrderMark: false) {
            DecodingFixtures.utf16($0, bigEndian: false, byteOrderMark: false)
        },
        .init(label: "UTF-16BE without BOM, forced", forcing: .utf16be, expectedEncoding: .utf16be, expectedByteOrderMark: false) {
            DecodingFixtures.utf16($0, bigEndian: true, byteOrderMark: false)
        },
        .init(label: "UTF-8 forced", forcing: .utf8, expectedEncoding: .utf8, expectedByteOrderMark: false) {
            Array($0.utf8)
        },
    ]

    @Test("the seed decodes to the same text in every encoding", arguments: seedVariants)
    func seedRoundTrip(_ variant: SeedVariant) throws {
        let seed = try DecodingFixtures.seedText()
        let bytes = try variant.encode(seed)
        let decoded = try TextDecoder.decode(bytes, forcing: variant.forcing)
        #expect(decoded.encoding == variant.expectedEncoding)
        #expect(decoded.hadByteOrderMark == variant.expectedByteOrderMark)
        #expect(decoded.lineEnding == .lf)
        #expect(decoded.warnings == [])
        #expect(decoded.text == seed)
    }

    @Test("the GB18030 copy of the seed is not also valid UTF-8, so detection has work to do")
    func gb18030SeedIsNotUTF8() throws {
        let bytes = try DecodingFixtures.gb18030(try DecodingFixtures.seedText())
        #expect(String(validating: bytes, as: UTF8.self) == nil)
    }

    @Test("every corpus document decodes as UTF-8, and its GB18030 copy as GB18030, to the same text")
    func corpusRoundTrip() throws {
        let urls = try DecodingFixtures.corpusURLs()
        #expect(!urls.isEmpty)
        for url in urls {
            let bytes = try DecodingFixtures.bytes(of: url)
            let asUTF8 = try TextDecoder.decode(bytes)
            #expect(asUTF8.encoding == .utf8, "\(url.lastPathComponent)")
            #expect(asUTF8.warnings == [], "\(url.lastPathComponent)")
            let asGB18030 = try TextDecoder.decode(try DecodingFixtures.gb18030(asUTF8.text))
            #expect(asGB18030.encoding == .gb18030, "\(url.lastPathComponent)")
            #expect(asGB18030.warnings == [], "\(url.lastPathComponent)")
            #expect(asGB18030.text == asUTF8.text, "\(url.lastPathComponent)")
        }
    }

    struct SmallCase: CustomTestStringConvertible, Sendable {
        let label: String
        let bytes: [UInt8]
        let text: String
        let encoding: TextEncoding
        let byteOrderMark: Bool
        var testDescription: String { label }
    }

    static let smallCases: [SmallCase] = [
        .init(label: "empty input", bytes: [], text: "", encoding: .utf8, byteOrderMark: false),
        .init(label: "UTF-8 BOM alone", bytes: [0xEF, 0xBB, 0xBF], text: "", encoding: .utf8, byteOrderMark: true),
        .init(label: "UTF-16LE BOM alone", bytes: [0xFF, 0xFE], text: "", encoding: .utf16le, byteOrderMark: true),
        .init(label: "UTF-16BE BOM alone", bytes: [0xFE, 0xFF], text: "", encoding: .utf16be, byteOrderMark: true),
        .init(label: "ASCII", bytes: Array("1. Scope".utf8), text: "1. Scope", encoding: .utf8, byteOrderMark: false),
        .init(label: "short GB18030", bytes: [0xD6, 0xD0, 0xCE, 0xC4], text: "中文", encoding: .gb18030, byteOrderMark: false),
        .init(
            label: "UTF-16LE surrogate pair", bytes: [0xFF, 0xFE, 0x3D, 0xD8, 0x00, 0xDE, 0x41, 0x00],
            text: "\u{1F600}A", encoding: .utf16le, byteOrderMark: true),
        .init(
            label: "only the first BOM is removed", bytes: [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0x41],
            text: "\u{FEFF}A", encoding: .utf8, byteOrderMark: true),
    ]

    @Test("small inputs", arguments: smallCases)
    func small(_ example: SmallCase) throws {
        let decoded = try TextDecoder.decode(example.bytes)
        #expect(decoded.text == example.text)
        #expect(decoded.encoding == example.encoding)
        #expect(decoded.hadByteOrderMark == example.byteOrderMark)
        #expect(decoded.warnings == [])
    }

    @Test("GB18030 four-byte sequences (characters outside GBK) decode", arguments: ["\u{1F600}", "€", "\u{20087}", "ǹ"])
    func gb18030FourByte(_ text: String) throws {
        let bytes = try DecodingFixtures.gb18030("第一条 " + text)
        let decoded = try TextDecoder.decode(bytes, forcing: .gb18030)
        #expect(decoded.text == "第一条 " + text)
        #expect(decoded.warnings == [])
    }
}
