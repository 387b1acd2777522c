import Foundation
import ReportTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

@testable import ReportKit

/// A large clean UTF-8 file is made into its text from a mapping (`MappedUTF8Reading`). It must
/// take only what the usual reading keeps unchanged, and give exactly `TextDecoder`'s answer;
/// everything else must be left to the usual reading.
@Suite("Decoding: mapped reading of large UTF-8 files")
struct DecodingMappedReadTests {
    typealias Chunked = DecodingChunkedReadTests

    /// Random texts of CJK, ASCII, full-width forms, four-byte scalars, and sometimes the one
    /// thing that must send the file back (a CR, a NUL, a byte order mark, a bad byte).
    static func inputs() -> [[UInt8]] {
        var generator = SplitMix64(seed: 0x3A99ED)
        let pieces = ["一、", "信用修复", "\n", "ＡＢＣ", "abc", "𠀀", "é", " ", "　", "（一）", "。"]
        var inputs: [[UInt8]] = []
        for round in 0..<200 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 40) {
                bytes += Array(pieces[Int(generator.next() % UInt64(pieces.count))].utf8)
            }
            switch round % 6 {
            case 1: bytes.insert(0x0D, at: Int(generator.next() % UInt64(bytes.count + 1)))
            case 2: bytes.insert(0x00, at: Int(generator.next() % UInt64(bytes.count + 1)))
            case 3: bytes = [0xEF, 0xBB, 0xBF] + bytes
            case 4: bytes.insert([0xFF, 0xC3, 0xE4, 0xB8][Int(generator.next() % 4)], at: Int(generator.next() % UInt64(bytes.count + 1)))
            default: break
            }
            inputs.append(bytes)
        }
        return inputs
    }

    @Test func whatTheMappedReaderTakesIsWhatTheDecoderMakes() throws {
        var taken = 0
        var refused = 0
        for bytes in Self.inputs() {
            let decoded = bytes.withUnsafeBufferPointer { MappedUTF8Reading.decode($0) }
            guard let decoded else {
                refused += 1
                // Only what the usual reading would change (or refuse) is left to it.
                let clean = !bytes.isEmpty && !bytes.contains(0x0D) && !bytes.contains(0)
                    && !bytes.starts(with: [0xEF, 0xBB, 0xBF]) && String(validating: bytes, as: UTF8.self) != nil
                #expect(!clean, "\(bytes)")
                continue
            }
            taken += 1
            #expect(Chunked.Ending(decoded) == Chunked.expected(bytes), "\(bytes)")
        }
        #expect(taken > 20 && refused > 20)
    }

    /// The seed repeated past the mapping's size limit, and the same with one CR in the middle.
    private static func largeSeedTexts() throws -> (large: [UInt8], crlf: [UInt8]) {
        let seed = try DecodingFixtures.seedBytes()
        var large: [UInt8] = []
        while large.count < MappedUTF8Reading.minimumSize + 1 { large += seed }
        var crlf = large
        crlf.insert(contentsOf: [0x0D], at: large.count / 2)
        return (large, crlf)
    }

    /// Through `DocumentLoader`, a file above the size limit (the seed repeated) decodes as the
    /// whole-buffer decoder decodes it, clean or not, whatever the chunk size asked for.
    @Test func aLargeFileLoadsAsTheDecoderDecodesIt() throws {
        let scratch = try Chunked.Scratch()
        let (large, crlf) = try Self.largeSeedTexts()
        var invalid = large
        invalid[large.count / 3] = 0xFF
        for (label, bytes) in [("clean", large), ("a CR", crlf), ("a bad byte", invalid), ("a BOM", [0xEF, 0xBB, 0xBF] + large)] {
            let path = try scratch.write(bytes)
            for chunkSize in [7, DirectUTF8Reading.defaultChunkSize] {
                #expect(Chunked.loaded(path, chunkSize: chunkSize) == Chunked.expected(bytes), "\(label), chunks of \(chunkSize)")
            }
        }
        let descriptor = open(try scratch.write(large), O_RDONLY)
        defer { close(descriptor) }
        #expect(MappedUTF8Reading.read(descriptor: descriptor)?.text.utf8.count == large.count)
        // Mapping does not move the descriptor: a refused file is read again from its start.
        #expect(lseek(descriptor, 0, SEEK_CUR) == 0)
    }

    /// A mapping handed in by the caller (the search maps the file to look at it first) is
    /// decoded instead of a second one, and gives the text the loader makes by itself; a mapping
    /// whose size is no longer the file's (the file changed) is not used.
    @Test func aMappingHandedInIsReadAsTheFileWouldBe() throws {
        let scratch = try Chunked.Scratch()
        let (large, crlf) = try Self.largeSeedTexts()
        for (label, bytes) in [("clean", large), ("a CR", crlf), ("a BOM", [0xEF, 0xBB, 0xBF] + large)] {
            let path = try scratch.write(bytes)
            let mapped = try #require(MappedFile(path: path))
            let alone = try DocumentLoader.load(path: path, encoding: nil)
            let reusing = try DocumentLoader.load(path: path, encoding: nil, mapped: mapped)
            #expect(Chunked.Ending(reusing.decoded) == Chunked.Ending(alone.decoded), "\(label)")
            #expect(Chunked.Ending(reusing.decoded) == Chunked.expected(bytes), "\(label)")
        }
        // The file grew after it was mapped: its current text is read, not the mapping's.
        let path = try scratch.write(large)
        let mapped = try #require(MappedFile(path: path))
        let grown = large + Array("尾\n".utf8)
        try Data(grown).write(to: URL(fileURLWithPath: path))
        let reread = try DocumentLoader.load(path: path, encoding: nil, mapped: mapped)
        #expect(reread.decoded.text.utf8.count == grown.count)
        #expect(reread.decoded.text.hasSuffix("尾\n"))
    }

    @Test func onlyNonEmptyRegularFilesAreMapped() throws {
        let scratch = try Chunked.Scratch()
        #expect(MappedFile(path: try scratch.write([])) == nil)
        #expect(MappedFile(path: scratch.directory) == nil)
        #expect(MappedFile(path: scratch.directory + "/missing.txt") == nil)
        #expect(MappedFile(path: "/dev/null") == nil)
        #expect(MappedFile(path: "-") == nil)
        let fifo = scratch.directory + "/fifo"
        try #require(mkfifo(fifo, 0o600) == 0)
        // Opening a FIFO for reading blocks until a writer comes; a non-blocking writer cannot
        // open without a reader, so only its type is tested, through the descriptor.
        let descriptor = open(fifo, O_RDONLY | O_NONBLOCK)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        #expect(MappedFile(descriptor: descriptor) == nil)
        let unreadable = try scratch.write(Array("一、甲\n".utf8))
        try #require(chmod(unreadable, 0) == 0)
        // Root reads any file; the test means something only for other users.
        if geteuid() != 0 { #expect(MappedFile(path: unreadable) == nil) }
        let mapped = try #require(MappedFile(path: try scratch.write(Array("一、甲\n".utf8))))
        #expect(Array(mapped.bytes) == Array("一、甲\n".utf8))
    }
}
