/// Converts UTF-16 to UTF-8 bytes in one pass, replacing unpaired surrogates and a dangling odd
/// byte with U+FFFD.
enum UTF16Conversion {
    static func toUTF8(
        _ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool, offsetBase: Int
    ) throws(TextDecodingError) -> Transcoded {
        guard let base = bytes.baseAddress else { return Transcoded(utf8: []) }
        let encoding: TextEncoding = bigEndian ? .utf16be : .utf16le
        let unitCount = bytes.count / 2
        var tally = InvalidSequenceTally()
        var nulOffset: Int?

        func unit(at index: Int) -> UInt32 {
            let first = UInt32(base[2 * index])
            let second = UInt32(base[2 * index + 1])
            return bigEndian ? first << 8 | second : second << 8 | first
        }

        // Every unit becomes at most 3 bytes (a surrogate pair: 4 bytes for 2 units), plus
        // 3 for a replaced odd trailing byte.
        let utf8 = [UInt8](unsafeUninitializedCapacity: unitCount * 3 + 3) { out, written in
            var w = 0
            func put(_ scalar: UInt32) {
                switch scalar {
                case ..<0x80:
                    out[w] = UInt8(scalar)
                    w += 1
                case ..<0x800:
                    out[w] = UInt8(0xC0 | scalar >> 6)
                    out[w + 1] = UInt8(0x80 | scalar & 0x3F)
                    w += 2
                case ..<0x1_0000:
                    out[w] = UInt8(0xE0 | scalar >> 12)
                    out[w + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
                    out[w + 2] = UInt8(0x80 | scalar & 0x3F)
                    w += 3
                default:
                    out[w] = UInt8(0xF0 | scalar >> 18)
                    out[w + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
                    out[w + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
                    out[w + 3] = UInt8(0x80 | scalar & 0x3F)
                    w += 4
                }
            }
            var index = 0
            while index < unitCount {
                let current = unit(at: index)
                switch current {
                case 0:
                    nulOffset = offsetBase + 2 * index
                    index = unitCount
                    continue
                case 0xD800...0xDBFF:
                    let low = index + 1 < unitCount ? unit(at: index + 1) : 0
                    if (0xDC00...0xDFFF).contains(low) {
                        put(0x1_0000 + ((current - 0xD800) << 10 | (low - 0xDC00)))
                        index += 2
                        continue
                    }
                    tally.record(offset: offsetBase + 2 * index, byte: base[2 * index])
                    put(0xFFFD)
                case 0xDC00...0xDFFF:
                    tally.record(offset: offsetBase + 2 * index, byte: base[2 * index])
                    put(0xFFFD)
                default:
                    put(current)
                }
                index += 1
            }
            if nulOffset == nil, bytes.count % 2 == 1 {
                tally.record(offset: offsetBase + bytes.count - 1, byte: base[bytes.count - 1])
                put(0xFFFD)
            }
            written = w
        }
        if let nulOffset { throw .nulCharacter(offset: nulOffset, encoding: encoding) }
        return Transcoded(utf8: utf8, invalid: tally.summary)
    }

    /// Guesses whether NUL-laden bytes are BOM-less UTF-16. In UTF-16 text a zero byte is
    /// mostly the high half of an ASCII character, whose other half is printable or whitespace
    /// (a zero low half, as in U+4E00 一, is fine too); there is never a zero unit. Binary data
    /// breaks this within a few bytes.
    static func guessByteOrder(_ bytes: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        let sample = min(bytes.count, 4096) & ~1
        guard sample >= 4 else { return nil }
        func isPlausible(highFirst: Bool) -> Bool {
            var asciiUnits = 0
            for unit in stride(from: 0, to: sample, by: 2) {
                let high = bytes[highFirst ? unit : unit + 1]
                let low = bytes[highFirst ? unit + 1 : unit]
                guard high == 0 else { continue }
                guard low == 0x09 || low == 0x0A || low == 0x0D || (0x20...0x7E).contains(low) else {
                    return false
                }
                asciiUnits += 1
            }
            return asciiUnits >= 2
        }
        if isPlausible(highFirst: false) { return .utf16le }
        if isPlausible(highFirst: true) { return .utf16be }
        return nil
    }
}
