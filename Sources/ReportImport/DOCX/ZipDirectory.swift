import CZlibSystem
import FoundationEssentials

/// A ZIP archive held in memory, read through its central directory: what a Word package
/// needs (stored and deflated parts, ZIP64 sizes), with every offset checked against the bytes,
/// so a damaged or hostile file is refused, never read out of bounds. Written here on zlib
/// rather than taken from ZIPFoundation, which brings Foundation into every process.
struct ZipDirectory {
    struct Entry {
        let method: UInt16
        let flags: UInt16
        let checksum: UInt32
        let compressedSize: UInt64
        let uncompressedSize: UInt64
        let localHeaderOffset: UInt64
    }

    struct Damaged: Error {}

    private let bytes: [UInt8]
    private var entries: [String: Entry] = [:]

    init(bytes: [UInt8]) throws(Damaged) {
        self.bytes = bytes
        let end = try Self.endOfDirectory(in: bytes)
        var offset = end.directoryOffset
        for _ in 0..<end.entryCount {
            guard let (name, entry, next) = try readCentralEntry(at: offset) else { throw Damaged() }
            // The first of two entries with one name wins, as ZIPFoundation's lookup did.
            if entries[name] == nil { entries[name] = entry }
            offset = next
        }
    }

    subscript(path: String) -> Entry? { entries[path] }

    /// Hands the entry's bytes to `consume` in chunks of at most `chunkSize` as they inflate.
    /// Throws `Damaged` for a broken stream, or what `consume` throws.
    func extract(_ entry: Entry, chunkSize: Int, into consume: (Data) throws -> Void) throws {
        guard entry.flags & 1 == 0 else { throw Damaged() }  // encrypted
        let start = try dataStart(of: entry)
        guard entry.compressedSize <= UInt64(bytes.count - start) else { throw Damaged() }
        let compressed = start..<start + Int(entry.compressedSize)
        switch entry.method {
        case 0:
            var at = compressed.lowerBound
            while at < compressed.upperBound {
                let next = min(at + chunkSize, compressed.upperBound)
                try consume(Data(bytes[at..<next]))
                at = next
            }
        case 8:
            try inflate(compressed, chunkSize: chunkSize, into: consume)
        default:
            throw Damaged()
        }
    }

    private func inflate(_ compressed: Range<Int>, chunkSize: Int, into consume: (Data) throws -> Void) throws {
        // zlib counts input in 32 bits; no Word part comes near 4 GB compressed.
        guard compressed.count <= Int(UInt32.max) else { throw Damaged() }
        var stream = z_stream()
        guard rb_inflate_init_raw(&stream) == Z_OK else { throw Damaged() }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: chunkSize)
        try bytes.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + compressed.lowerBound)
            stream.avail_in = UInt32(compressed.count)
            while true {
                let status = output.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return CZlibSystem.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunkSize - Int(stream.avail_out)
                if produced > 0 { try consume(Data(output[0..<produced])) }
                if status == Z_STREAM_END { return }
                // Z_BUF_ERROR: the input ran out before the stream's end (a truncated part).
                guard status == Z_OK else { throw Damaged() }
            }
        }
    }

    // MARK: - Reading the structures

    private struct EndOfDirectory {
        let entryCount: UInt64
        let directoryOffset: Int
    }

    private static func endOfDirectory(in bytes: [UInt8]) throws(Damaged) -> EndOfDirectory {
        guard bytes.count >= 22 else { throw Damaged() }
        // The record is 22 bytes plus a comment of at most 65,535; search back for its signature.
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var at = bytes.count - 22
        while at >= lowest, read32(bytes, at) != 0x0605_4B50 { at -= 1 }
        guard at >= lowest else { throw Damaged() }
        var count = UInt64(read16(bytes, at + 10))
        var offset = UInt64(read32(bytes, at + 16))
        if count == 0xFFFF || offset == 0xFFFF_FFFF, at >= 20, read32(bytes, at - 20) == 0x0706_4B50 {
            let record = read64(bytes, at - 20 + 8)
            guard bytes.count >= 56, record <= UInt64(bytes.count - 56), read32(bytes, Int(record)) == 0x0606_4B50 else { throw Damaged() }
            count = read64(bytes, Int(record) + 32)
            offset = read64(bytes, Int(record) + 48)
        }
        guard offset <= UInt64(bytes.count), count <= UInt64(bytes.count) / 46 else { throw Damaged() }
        return EndOfDirectory(entryCount: count, directoryOffset: Int(offset))
    }

    private func readCentralEntry(at offset: Int) throws(Damaged) -> (String, Entry, Int)? {
        guard offset <= bytes.count - 46, Self.read32(bytes, offset) == 0x0201_4B50 else { return nil }
        let nameLength = Int(Self.read16(bytes, offset + 28))
        let extraLength = Int(Self.read16(bytes, offset + 30))
        let commentLength = Int(Self.read16(bytes, offset + 32))
        let next = offset + 46 + nameLength + extraLength + commentLength
        guard next <= bytes.count else { return nil }
        let name = String(decoding: bytes[offset + 46..<offset + 46 + nameLength], as: UTF8.self)
        var compressed = UInt64(Self.read32(bytes, offset + 20))
        var uncompressed = UInt64(Self.read32(bytes, offset + 24))
        var local = UInt64(Self.read32(bytes, offset + 42))
        // ZIP64: the sizes and offset that overflowed 32 bits follow in an extra field, in order.
        var extra = offset + 46 + nameLength
        let extraEnd = extra + extraLength
        while extra + 4 <= extraEnd {
            let id = Self.read16(bytes, extra)
            let size = Int(Self.read16(bytes, extra + 2))
            guard extra + 4 + size <= extraEnd else { break }
            if id == 0x0001 {
                var field = extra + 4
                let fieldEnd = field + size
                if uncompressed == 0xFFFF_FFFF {
                    guard field + 8 <= fieldEnd else { throw Damaged() }
                    uncompressed = Self.read64(bytes, field)
                    field += 8
                }
                if compressed == 0xFFFF_FFFF {
                    guard field + 8 <= fieldEnd else { throw Damaged() }
                    compressed = Self.read64(bytes, field)
                    field += 8
                }
                if local == 0xFFFF_FFFF {
                    guard field + 8 <= fieldEnd else { throw Damaged() }
                    local = Self.read64(bytes, field)
                }
            }
            extra += 4 + size
        }
        let entry = Entry(
            method: Self.read16(bytes, offset + 10), flags: Self.read16(bytes, offset + 8),
            checksum: Self.read32(bytes, offset + 16), compressedSize: compressed,
            uncompressedSize: uncompressed, localHeaderOffset: local)
        return (name, entry, next)
    }

    private func dataStart(of entry: Entry) throws(Damaged) -> Int {
        guard bytes.count >= 30, entry.localHeaderOffset <= UInt64(bytes.count - 30) else { throw Damaged() }
        let header = Int(entry.localHeaderOffset)
        guard Self.read32(bytes, header) == 0x0403_4B50 else { throw Damaged() }
        let start = header + 30 + Int(Self.read16(bytes, header + 26)) + Int(Self.read16(bytes, header + 28))
        guard start <= bytes.count else { throw Damaged() }
        return start
    }

    private static func read16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func read32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(read16(bytes, at)) | UInt32(read16(bytes, at + 2)) << 16
    }

    private static func read64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        UInt64(read32(bytes, at)) | UInt64(read32(bytes, at + 4)) << 32
    }
}
