import ReportTestSupport
import Testing

@testable import ReportKit

@Suite("Decoding: arbitrary input")
struct DecodingRobustnessTests {
    static let forcings: [TextEncoding?] = [nil] + TextEncoding.allCases.map(Optional.some)

    @Test("random bytes never trap: they decode to LF-only text or fail with a one-line reason", arguments: forcings)
    func randomBytes(forcing: TextEncoding?) {
        var generator = SplitMix64(seed: 0x5EED_0001)
        var outcomes = (decoded: 0, refused: 0)
        for round in 0..<400 {
            let length = round < 300 ? Int.random(in: 0...64, using: &generator) : Int.random(in: 0...4000, using: &generator)
            // Half the inputs avoid NUL so they get past the binary check and into the converters.
            let lowest: UInt8 = round % 2 == 0 ? 0 : 1
            let bytes = (0..<length).map { _ in UInt8.random(in: lowest...255, using: &generator) }
            do {
                let decoded = try TextDecoder.decode(bytes, forcing: forcing)
                outcomes.decoded += 1
                #expect(!decoded.text.contains("\r"))
                #expect(decoded.warnings.allSatisfy { !$0.isEmpty && !$0.contains("\n") })
            } catch {
                outcomes.refused += 1
                #expect(!error.description.isEmpty && !error.description.contains("\n"))
            }
        }
        // Short inputs include many that decode (empty, a few valid bytes) and many that don't.
        #expect(outcomes.decoded > 0)
        #expect(outcomes.refused > 0)
    }

    @Test("the UTF-8 scan counts exactly the replacement characters String(decoding:) produces")
    func scanMatchesStandardLibrary() {
        // Bytes chosen to make every kind of broken sequence; no 0xEF, so no valid U+FFFD appears.
        let alphabet: [UInt8] = [0x41, 0x0A, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE4, 0xED, 0xF0, 0xF4, 0xF5, 0xFF]
        var generator = SplitMix64(seed: 0x5EED_0002)
        for _ in 0..<3000 {
            let bytes = (0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let scanned = bytes.withUnsafeBufferPointer { UTF8Scan.invalidSequences(in: $0, offsetBase: 0) }
            let replaced = DecodingFixtures.replacementCount(in: String(decoding: bytes, as: UTF8.self))
            #expect((scanned?.count ?? 0) == replaced, "\(bytes.map { String($0, radix: 16) })")
        }
    }

    @Test("damaged reports decode with as many U+FFFD as the warnings report, and lose nothing else",
          arguments: [TextEncoding.utf8, .gb18030, .utf16le])
    func damagedSeed(encoding: TextEncoding) throws {
        let seed = try DecodingFixtures.seedText()
        let clean: [UInt8] = switch encoding {
        case .utf8: Array(seed.utf8)
        case .gb18030, .big5, .big5hkscs: try DecodingFixtures.gb18030(seed)
        case .utf16le, .utf16be: DecodingFixtures.utf16(seed, bigEndian: false, byteOrderMark: true)
        }
        var generator = SplitMix64(seed: 0x5EED_0003)
        for _ in 0..<40 {
            var bytes = clean
            for _ in 0..<Int.random(in: 1...5, using: &generator) {
                // Never 0 (binary), never bytes that could form a genuine U+FFFD.
                let damage = [UInt8](arrayLiteral: 0x80, 0xFF, 0xC3, 0xE4, 0xF0, 0xDC).randomElement(using: &generator)!
                bytes[Int.random(in: 2..<bytes.count, using: &generator)] = damage
            }
            let decoded = try TextDecoder.decode(bytes, forcing: encoding == .utf8 ? nil : encoding)
            #expect(decoded.encoding == encoding)
            let replacements = DecodingFixtures.replacementCount(in: decoded.text)
            if encoding == .utf8 {
                // Damage can also turn one valid character into another; only invalid bytes warn.
                #expect((String(validating: bytes, as: UTF8.self) == nil) == (replacements > 0))
            }
            #expect(replacements == DecodingFixtures.reportedReplacements(in: decoded.warnings))
            #expect(decoded.text.unicodeScalars.count >= seed.unicodeScalars.count - 10)
        }
    }
}
