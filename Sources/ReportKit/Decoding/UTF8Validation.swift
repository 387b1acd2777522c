/// Checks that bytes are well-formed UTF-8, sixteen at a time, for the scan that answers a
/// search before decoding: the standard library's validation runs at about 1 GB/s on Chinese
/// text, several times slower than the scan itself.
///
/// Well-formed means: every lead byte is followed by exactly the continuation bytes its length
/// asks for, and no continuation byte stands anywhere else; no byte is C0, C1 or F5–FF; and
/// the second byte after E0, ED, F0 and F4 stays in the range that excludes overlong forms,
/// surrogates and scalars above U+10FFFF. Each 16-byte block is compared with the blocks one,
/// two and three bytes before it, loaded unaligned, so no shuffles are needed.
enum UTF8Validation {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        var position = 0
        // The first three bytes have no full history; check them, and anything short, alone.
        let head = min(count, 3)
        while position < head {
            guard scalarValid(bytes, at: position) else { return false }
            position += 1
        }
        // Every operand a vector (a scalar literal compiles to a loop over the lanes), and
        // only equality and masks: `byte >= 0xE0` is `byte & 0xE0 == 0xE0`, and so on.
        func splat(_ value: UInt8) -> SIMD16<UInt8> { SIMD16(repeating: value) }
        let (x80, xC0, xE0, xF0, xF8, xFE, xF5, xF6, xF7) =
            (splat(0x80), splat(0xC0), splat(0xE0), splat(0xF0), splat(0xF8), splat(0xFE), splat(0xF5), splat(0xF6), splat(0xF7))
        let (xED, xF4, x20, x30, zero) = (splat(0xED), splat(0xF4), splat(0x20), splat(0x30), splat(0))
        while position + 16 <= count {
            let current = raw.loadUnaligned(fromByteOffset: position, as: SIMD16<UInt8>.self)
            let back1 = raw.loadUnaligned(fromByteOffset: position - 1, as: SIMD16<UInt8>.self)
            let back2 = raw.loadUnaligned(fromByteOffset: position - 2, as: SIMD16<UInt8>.self)
            let back3 = raw.loadUnaligned(fromByteOffset: position - 3, as: SIMD16<UInt8>.self)
            let isContinuation = (current & xC0) .== x80
            let wanted = ((back1 & xC0) .== xC0) .| ((back2 & xE0) .== xE0) .| ((back3 & xF0) .== xF0)
            let forbidden = ((current & xFE) .== xC0) .| ((current & xF8) .== xF8)
                .| (current .== xF5) .| (current .== xF6) .| (current .== xF7)
            // After E0, ED, F0 and F4 the continuation's range: bit 5 clear (80–9F) after E0 is
            // overlong, bit 5 set (A0–BF) after ED a surrogate; bits 4–5 clear after F0 overlong,
            // set after F4 above U+10FFFF. A byte that is no continuation fails above anyway.
            let bit5 = (current & x20) .== zero
            let bits45 = (current & x30) .== zero
            let secondOutOfRange = ((back1 .== xE0) .& bit5) .| ((back1 .== xED) .& .!bit5)
                .| ((back1 .== xF0) .& bits45) .| ((back1 .== xF4) .& .!bits45)
            if ((isContinuation .^ wanted) .| forbidden .| secondOutOfRange).anyLane { return false }
            position += 16
        }
        while position < count {
            guard scalarValid(bytes, at: position) else { return false }
            position += 1
        }
        // A lead byte near the end must have all its continuations.
        var index = count - 1
        while index >= max(0, count - 3) {
            let byte = bytes[index]
            if byte >= 0xC0 {
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if count - index < length { return false }
                break
            }
            if byte < 0x80 { break }
            index -= 1
        }
        return true
    }

    /// The block test for one position, looking back as far as the bytes go.
    private static func scalarValid(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let current = bytes[position]
        let back1 = position >= 1 ? bytes[position - 1] : 0
        let back2 = position >= 2 ? bytes[position - 2] : 0
        let back3 = position >= 3 ? bytes[position - 3] : 0
        let isContinuation = current & 0xC0 == 0x80
        let wanted = back1 >= 0xC0 || back2 >= 0xE0 || back3 >= 0xF0
        if isContinuation != wanted { return false }
        if current == 0xC0 || current == 0xC1 || current >= 0xF5 { return false }
        switch back1 {
        case 0xE0: return current >= 0xA0
        case 0xED: return current <= 0x9F
        case 0xF0: return current >= 0x90
        case 0xF4: return current <= 0x8F
        default: return true
        }
    }
}
