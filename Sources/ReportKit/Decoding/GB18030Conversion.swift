#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts GB18030 to UTF-8 with the C library's iconv, replacing each undecodable byte with
/// U+FFFD and carrying on from the next byte (so ASCII after a stray lead byte survives).
enum GB18030Conversion {
    enum Outcome {
        case converted(Transcoded)
        /// More invalid sequences than the caller's budget: GB18030 has lost, stop early.
        case overBudget
        /// This system's iconv has no GB18030 converter.
        case unavailable
    }

    /// `charset`: the iconv name; Big5 and Big5-HKSCS go the same way as GB18030.
    static func toUTF8(
        _ bytes: UnsafeBufferPointer<UInt8>, offsetBase: Int, maximumInvalid: Int = .max,
        charset: String = "GB18030"
    ) -> Outcome {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { return .unavailable }
        defer { iconv_close(converter) }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return .converted(Transcoded(utf8: [])) }

        var tally = InvalidSequenceTally()
        var utf8: [UInt8] = []
        // Two-byte characters grow by half in UTF-8; four-byte ones stay the same.
        utf8.reserveCapacity(bytes.count + bytes.count / 2 + 16)
        let chunkSize = 1 << 18
        let chunk = UnsafeMutablePointer<CChar>.allocate(capacity: chunkSize)
        defer { chunk.deallocate() }

        // iconv's prototype takes non-const input; it never writes through it.
        var input: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base)
            .assumingMemoryBound(to: CChar.self)
        var inputLeft = bytes.count
        while inputLeft > 0 {
            var output: UnsafeMutablePointer<CChar>? = chunk
            var outputLeft = chunkSize
            let result = iconv(converter, &input, &inputLeft, &output, &outputLeft)
            let failure = result == -1 ? errno : 0
            UnsafeRawPointer(chunk).withMemoryRebound(to: UInt8.self, capacity: chunkSize) {
                utf8.append(contentsOf: UnsafeBufferPointer(start: $0, count: chunkSize - outputLeft))
            }
            // E2BIG only means the chunk is full; anything else is a bad or truncated sequence.
            if result == -1, failure != E2BIG {
                guard inputLeft > 0 else { break }
                let offset = bytes.count - inputLeft
                tally.record(offset: offsetBase + offset, byte: base[offset])
                if tally.count > maximumInvalid { return .overBudget }
                utf8.append(contentsOf: [0xEF, 0xBF, 0xBD])
                input = input.map { $0 + 1 }
                inputLeft -= 1
                iconv(converter, nil, nil, nil, nil)  // drop any half-read state before resuming
            }
        }
        return .converted(Transcoded(utf8: utf8, invalid: tally.summary))
    }
}
