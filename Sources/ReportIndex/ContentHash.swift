/// A 128-bit hash of a report's decoded text, to recognise a renamed or merely touched file
/// without parsing it again. Not cryptographic: an index is a cache of files the user owns.
/// Two independent 64-bit lanes over 8-byte words run at memory speed, unlike a byte loop.
enum ContentHash {
    static func of(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in of(UnsafeRawBufferPointer(bytes)) }
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        var first: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var second: UInt64 = 0xC2B2_AE3D_27D4_EB4F &+ UInt64(bytes.count)
        let words = bytes.count / 8
        for index in 0..<words {
            let word = bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
            first = mix(first ^ word) &* 0xFF51_AFD7_ED55_8CCD
            second = mix(second &+ (word &* 0xC4CE_B9FE_1A85_EC53))
        }
        var tail: UInt64 = 0
        for offset in (words * 8)..<bytes.count {
            tail = tail << 8 | UInt64(bytes[offset])
        }
        first = mix(first ^ tail ^ 0xA5)
        second = mix(second &+ tail &+ 0x5A)
        return hex(mix(first ^ (second >> 7))) + hex(mix(second ^ (first << 3)))
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value >> 33
        value = value &* 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value = value &* 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return value
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
