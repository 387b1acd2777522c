/// GB18030 or Big5, for bytes that are not UTF-8. Most Big5 text is also valid GB18030 (and
/// much GB text valid Big5), so validity cannot decide; plausibility does. Both standards put
/// their most frequent characters in one block of lead bytes — GB2312's level 1 (3,755
/// characters, lead 0xB0–0xD7) and Big5's 常用字 (5,401 characters, lead 0xA4–0xC6) — after
/// their punctuation rows (GB2312 0xA1–0xA3; its kana rows are left out). Real text in an encoding has nearly all of its characters there;
/// the same bytes read in the other encoding land there far less often.
struct ChineseDoubleByteGuess {
    /// Shares of double-byte characters that are common ones, read each way.
    let gbCommonShare: Double
    let big5CommonShare: Double
    let pairs: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var gbPairs = 0, gbCommon = 0, big5Pairs = 0, big5Common = 0
        // Each reading walks the bytes its own way: a lead byte takes the next one with it.
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            guard lead >= 0x81, index + 1 < bytes.count else { index += 1; continue }
            let trail = bytes[index + 1]
            if trail >= 0x30, trail <= 0x39 { index += 4; gbPairs += 1; continue }  // GB18030 four-byte
            gbPairs += 1
            if trail >= 0xA1, trail <= 0xFE, (0xA1...0xA3).contains(lead) || (0xB0...0xD7).contains(lead) { gbCommon += 1 }
            index += 2
        }
        index = 0
        while index < bytes.count {
            let lead = bytes[index]
            guard lead >= 0x81, index + 1 < bytes.count else { index += 1; continue }
            let trail = bytes[index + 1]
            big5Pairs += 1
            let trailValid = (0x40...0x7E).contains(trail) || (0xA1...0xFE).contains(trail)
            if trailValid, (0xA1...0xA3).contains(lead) || (0xA4...0xC6).contains(lead) { big5Common += 1 }
            index += 2
        }
        gbCommonShare = gbPairs == 0 ? 0 : Double(gbCommon) / Double(gbPairs)
        big5CommonShare = big5Pairs == 0 ? 0 : Double(big5Common) / Double(big5Pairs)
        pairs = max(gbPairs, big5Pairs)
    }

    /// Big5 only when it is clearly more plausible: GB18030 stays the default for a tie.
    var prefersBig5: Bool { big5CommonShare > gbCommonShare + 0.05 }

    /// Readings too close to call, or Big5 chosen on a handful of characters: the reader hears
    /// which encoding was used. (GB18030, the long-standing default, is not announced for
    /// being short.)
    func isUncertain(choosingBig5: Bool) -> Bool {
        pairs > 0 && (abs(big5CommonShare - gbCommonShare) < 0.2 || (choosingBig5 && pairs < 20))
    }

    func notice(chosen: TextEncoding, other: TextEncoding) -> String {
        "decoded as \(chosen.displayName), though it may be \(other.displayName);"
            + " --encoding \(other.optionSpelling) reads it that way"
    }
}
