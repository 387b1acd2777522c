/// Draws search queries from a report the way a reader would type them: runs of 2 to 6
/// consecutive Chinese characters found in the text, at positions chosen by a seeded generator,
/// so every run of the benchmark asks the same questions.
enum QuerySampler {
    static func queries(in text: String, count: Int, seed: UInt64 = 0x0005_EA2C_0000_0020) -> [String] {
        var native = text
        // A no-op for the decoder's strings; only a bridged string would be copied.
        native.makeContiguousUTF8()
        var random = SplitMix64(seed: seed)
        return native.utf8.withContiguousStorageIfAvailable { bytes in
            var queries: [String] = []
            guard bytes.count > 16 else { return queries }
            var attempts = 0
            while queries.count < count, attempts < count * 1000 {
                attempts += 1
                let length = random.int(in: 2...6)
                let start = random.int(in: 0...(bytes.count - 1))
                if let query = hanRun(in: bytes, near: start, length: length), !queries.contains(query) {
                    queries.append(query)
                }
            }
            return queries
        } ?? []
    }

    /// `length` CJK unified ideographs in a row starting at the first character boundary at
    /// or after `offset`, or nil if something else comes first.
    private static func hanRun(in bytes: UnsafeBufferPointer<UInt8>, near offset: Int, length: Int) -> String? {
        var position = offset
        while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
        let start = position
        for _ in 0..<length {
            guard position + 2 < bytes.count, isHan(bytes, at: position) else { return nil }
            position += 3
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    /// U+4E00...U+9FFF, encoded as three bytes led by E4...E9.
    private static func isHan(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let lead = bytes[position]
        guard lead >= 0xE4, lead <= 0xE9 else { return false }
        return bytes[position + 1] & 0xC0 == 0x80 && bytes[position + 2] & 0xC0 == 0x80
    }
}
