import Foundation
import Testing

@testable import ReportImport

/// The ZIP reading through libzip in place of ZIPFoundation: archives ZIPFoundation writes
/// read back byte for byte, and damaged ones are refused without a crash.
@Suite struct ZipArchiveTests {
    /// Text that deflates well and a part of bytes that do not, larger than one chunk.
    private static let parts: [(String, Data)] = {
        var random = UInt64(0x9E37_79B9_7F4A_7C15)
        let noise = (0..<300_000).map { _ -> UInt8 in
            random = random &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: random >> 33)
        }
        return [
            ("word/document.xml", Data(String(repeating: "<w:p>法治政府建设</w:p>", count: 20_000).utf8)),
            ("media/noise.bin", Data(noise)),
            ("empty.txt", Data()),
        ]
    }()

    private static func read(_ bytes: [UInt8], _ path: String, chunkSize: Int = 64 << 10) throws -> Data? {
        let directory = try ZipArchive(bytes: bytes)
        guard let entry = directory[path] else { return nil }
        var out = Data()
        try directory.extract(entry, chunkSize: chunkSize) { chunk in
            #expect(chunk.count <= chunkSize)
            out.append(chunk)
        }
        return out
    }

    @Test(arguments: [true, false]) func readsWhatZIPFoundationWrote(deflated: Bool) throws {
        let bytes = try WordPackage.zip(Self.parts, compression: deflated ? .deflate : .none)
        for (path, data) in Self.parts {
            #expect(try Self.read(bytes, path) == data, "\(path)")
            #expect(try ZipArchive(bytes: bytes)[path]?.uncompressedSize == UInt64(data.count))
        }
        #expect(try Self.read(bytes, "word/missing.xml") == nil)
    }

    @Test func refusesWhatIsNotAZip() {
        for bytes in [[], [UInt8](repeating: 0, count: 100), Array("PK\u{5}\u{6}".utf8), Array(String(repeating: "x", count: 70_000).utf8)] {
            #expect(throws: ZipArchive.Damaged.self) { try ZipArchive(bytes: bytes) }
        }
    }

    /// Every cut of an archive and a sweep of flipped bytes: each either reads or is refused.
    @Test func damagedArchivesAreRefusedNotCrashedOn() throws {
        let small: [(String, Data)] = [("a.xml", Data(String(repeating: "条例第一条", count: 200).utf8)), ("b.xml", Data("<x/>".utf8))]
        let bytes = try WordPackage.zip(small)
        var refused = 0
        var cuts: [[UInt8]] = (0..<bytes.count).map { Array(bytes[..<$0]) }
        for at in stride(from: 0, to: bytes.count, by: 3) {
            var flipped = bytes
            flipped[at] ^= 0xA5
            cuts.append(flipped)
        }
        for damaged in cuts {
            do {
                for (path, _) in small { _ = try Self.read(damaged, path) }
            } catch {
                refused += 1
            }
        }
        #expect(refused > bytes.count, "most truncations lose the directory: \(refused) refused of \(cuts.count)")
    }

    /// A stored part whose bytes changed but whose header did not: only the CRC tells, and
    /// libzip's check of it must refuse the part rather than hand back the wrong text.
    @Test func aChangedStoredPartFailsItsChecksum() throws {
        let text = Data(String(repeating: "第一条 为了规范行政复议。", count: 50).utf8)
        var bytes = try WordPackage.zip([("word/document.xml", text)], compression: .none)
        let needle = Array(text.prefix(24))
        let at = try #require((0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle })
        #expect(try Self.read(bytes, "word/document.xml") == text)
        bytes[at + 10] ^= 0x01
        #expect(throws: ZipArchive.ChecksumMismatch.self) { _ = try Self.read(bytes, "word/document.xml") }
    }
}
