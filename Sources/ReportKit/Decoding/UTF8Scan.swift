/// Finds the invalid sequences in UTF-8 bytes, counted the way `String(decoding:as:)` replaces
/// them (one U+FFFD per maximal subpart, Unicode 3.9), so the warning's count matches the
/// replacement characters in the text.
enum UTF8Scan {
    static func invalidSequences(in bytes: UnsafeBufferPointer<UInt8>, offsetBase: Int) -> InvalidSequences? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var tally = InvalidSequenceTally()
        var index = 0
        while index < count {
            let lead = base[index]
            if lead < 0x80 {
                index = endOfASCIIRun(base, from: index, count: count)
                continue
            }
            let trailCount: Int
            var secondLow: UInt8 = 0x80
            var secondHigh: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: trailCount = 1
            case 0xE0: trailCount = 2; secondLow = 0xA0
            case 0xED: trailCount = 2; secondHigh = 0x9F  // no surrogates
            case 0xE1...0xEF: trailCount = 2
            case 0xF0: trailCount = 3; secondLow = 0x90
            case 0xF4: trailCount = 3; secondHigh = 0x8F  // nothing above U+10FFFF
            case 0xF1...0xF3: trailCount = 3
            default:
                tally.record(offset: offsetBase + index, byte: lead)
                index += 1
                continue
            }
            var next = index + 1
            var complete = true
            for trail in 0..<trailCount {
                let low = trail == 0 ? secondLow : 0x80
                let high = trail == 0 ? secondHigh : 0xBF
                guard next < count, (low...high).contains(base[next]) else {
                    complete = false
                    break
                }
                next += 1
            }
            if !complete { tally.record(offset: offsetBase + index, byte: lead) }
            // The byte that broke the sequence is not consumed: it may start the next one.
            index = next
        }
        return tally.summary
    }

    /// Skips ASCII eight bytes at a time; most report text outside CJK runs is ASCII.
    private static func endOfASCIIRun(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        var index = start
        let raw = UnsafeRawPointer(base)
        while index + 8 <= count,
            raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
            index += 8
        }
        while index < count, base[index] < 0x80 { index += 1 }
        return index
    }
}
