/// Where and how often a text failed to decode: what a warning or an error reports.
public struct InvalidSequences: Equatable, Sendable {
    /// Undecodable sequences, each of which became one U+FFFD.
    public let count: Int
    /// Byte offset of the first one, counted from the start of the input (byte order mark
    /// included), so it can be found in a hex dump of the file.
    public let firstOffset: Int
    /// The byte at `firstOffset`.
    public let firstByte: UInt8

    public init(count: Int, firstOffset: Int, firstByte: UInt8) {
        self.count = count
        self.firstOffset = firstOffset
        self.firstByte = firstByte
    }

    var firstByteHex: String {
        let hex = String(firstByte, radix: 16, uppercase: true)
        return "0x" + (hex.count < 2 ? "0" + hex : hex)
    }

    /// How many undecodable sequences a text may hold and still be read as text: a few stray
    /// bytes in a short file, one in a hundred bytes of a long one. Anything worse is more
    /// likely the wrong encoding or not text at all, and replacing it would only show garbage.
    static func allowance(forByteCount byteCount: Int) -> Int {
        max(byteCount / 100, min(3, byteCount / 10))
    }

    static func areTolerable(count: Int, inByteCount byteCount: Int) -> Bool {
        count <= allowance(forByteCount: byteCount)
    }

    func replacementWarning(for encoding: TextEncoding) -> String {
        let sequences = count == 1 ? "sequence" : "sequences"
        let position = count == 1 ? "at" : "first at"
        return "\(count) invalid \(encoding.displayName) \(sequences) replaced with U+FFFD"
            + " (\(position) byte offset \(firstOffset), byte \(firstByteHex))"
    }
}

/// Collects invalid sequences while a converter walks the input.
struct InvalidSequenceTally {
    private(set) var count = 0
    private var firstOffset = 0
    private var firstByte: UInt8 = 0

    mutating func record(offset: Int, byte: UInt8) {
        if count == 0 {
            firstOffset = offset
            firstByte = byte
        }
        count += 1
    }

    var summary: InvalidSequences? {
        count == 0 ? nil : InvalidSequences(count: count, firstOffset: firstOffset, firstByte: firstByte)
    }
}

/// Text converted to UTF-8 bytes (not yet line-normalised), with what could not be converted.
struct Transcoded {
    var utf8: [UInt8]
    var invalid: InvalidSequences?
}
