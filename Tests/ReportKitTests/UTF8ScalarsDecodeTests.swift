import ReportTestSupport
import Testing
@testable import ReportKit

/// `UTF8Scalars.decode` takes a shortcut for three-byte scalars: it must give what the general
/// loop gives for every three-byte sequence (surrogates, overlong forms and broken continuation
/// bytes included), at the end of the buffer too, and for random bytes.
@Suite struct UTF8ScalarsDecodeTests {
    static func same(_ bytes: [UInt8], at offset: Int) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let fast = UTF8Scalars.decode(buffer, at: offset)
            let general = UTF8Scalars.decodeAnyLength(buffer, at: offset)
            return fast.0 == general.0 && fast.1 == general.1
        }
    }

    @Test func everyThreeByteSequence() {
        var differing = 0
        var decodedAsThree = 0
        for lead in UInt8(0xE0)...0xEF {
            for second in UInt8.min...UInt8.max {
                for third in UInt8.min...UInt8.max {
                    let bytes = [lead, second, third]
                    if !Self.same(bytes, at: 0) { differing += 1 }
                    if bytes.withUnsafeBufferPointer({ UTF8Scalars.decode($0, at: 0).1 }) == 3 { decodedAsThree += 1 }
                }
                if !Self.same([lead, second], at: 0) { differing += 1 }
            }
            if !Self.same([lead], at: 0) { differing += 1 }
        }
        #expect(differing == 0)
        // Every well-formed continuation pair is taken as one three-byte scalar.
        #expect(decodedAsThree == 16 * 64 * 64)
    }

    @Test func randomBytes() {
        var random = SplitMix64(seed: 0xDEC0DE)
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 1...24, using: &random)).map { _ in
                // Mostly lead and continuation bytes, so multi-byte forms are common.
                Int.random(in: 0..<4, using: &random) == 0 ? UInt8.random(in: 0...0x7F, using: &random)
                    : UInt8.random(in: 0x80...0xFF, using: &random)
            }
            for offset in bytes.indices { #expect(Self.same(bytes, at: offset), "\(bytes) at \(offset)") }
        }
    }
}
