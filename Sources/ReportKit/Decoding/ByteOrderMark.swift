/// A byte order mark at the start of the input, which names the encoding outright.
enum ByteOrderMark {
    case known(TextEncoding, length: Int)
    case unsupported(name: String)

    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> ByteOrderMark? {
        func starts(with prefix: [UInt8]) -> Bool {
            bytes.count >= prefix.count && zip(bytes, prefix).allSatisfy { $0 == $1 }
        }
        // UTF-32 first: its little-endian mark begins with UTF-16LE's.
        if starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return .unsupported(name: "UTF-32LE") }
        if starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .unsupported(name: "UTF-32BE") }
        if starts(with: [0xEF, 0xBB, 0xBF]) { return .known(.utf8, length: 3) }
        if starts(with: [0xFF, 0xFE]) { return .known(.utf16le, length: 2) }
        if starts(with: [0xFE, 0xFF]) { return .known(.utf16be, length: 2) }
        // U+FEFF in GB18030; no UTF-8 text can start with 0x84.
        if starts(with: [0x84, 0x31, 0x95, 0x33]) { return .known(.gb18030, length: 4) }
        return nil
    }
}
