import Foundation
import Testing

/// report-browser starts some 7 ms sooner without libFoundation (its loading and symbol
/// binding dominate a short command's start), so the binary must never need it again; the
/// FoundationEssentials core (a shared library, or linked in with --static-swift-stdlib) and
/// ICU are fine.
@Suite struct LinkedLibrariesTests {
    @Test func binaryDoesNotNeedFoundation() throws {
        let needed = try ELFNeeded.libraries(of: Data(contentsOf: CommandRunner.binary))
        #expect(needed.contains("libc.so.6"), "the reader found no libraries: \(needed)")
        let heavy = needed.filter { $0 == "libFoundation.so" || $0.hasPrefix("libFoundationInternationalization") || $0.hasPrefix("lib_FoundationICU") }
        #expect(heavy.isEmpty, "report-browser needs \(heavy)")
    }
}

/// The DT_NEEDED entries of a 64-bit little-endian ELF file, read from its section headers.
enum ELFNeeded {
    struct Malformed: Error {}

    static func libraries(of file: Data) throws -> [String] {
        let bytes = [UInt8](file)
        guard bytes.count > 64, bytes[0..<4] == [0x7F, 0x45, 0x4C, 0x46], bytes[4] == 2, bytes[5] == 1 else { throw Malformed() }
        let sectionTable = Int(try read(bytes, 0x28, 8))
        let sectionSize = Int(try read(bytes, 0x3A, 2))
        let sectionCount = Int(try read(bytes, 0x3C, 2))
        var needed: [String] = []
        for index in 0..<sectionCount {
            let header = sectionTable + index * sectionSize
            guard try read(bytes, header + 4, 4) == 6 else { continue }  // SHT_DYNAMIC
            let offset = Int(try read(bytes, header + 0x18, 8))
            let size = Int(try read(bytes, header + 0x20, 8))
            let linked = Int(try read(bytes, header + 0x28, 4))
            let strings = Int(try read(bytes, sectionTable + linked * sectionSize + 0x18, 8))
            for entry in stride(from: offset, to: offset + size, by: 16) where try read(bytes, entry, 8) == 1 {  // DT_NEEDED
                let start = strings + Int(try read(bytes, entry + 8, 8))
                guard start < bytes.count else { throw Malformed() }
                let end = bytes[start...].firstIndex(of: 0) ?? bytes.count
                needed.append(String(decoding: bytes[start..<end], as: UTF8.self))
            }
        }
        return needed
    }

    private static func read(_ bytes: [UInt8], _ at: Int, _ width: Int) throws -> UInt64 {
        guard at >= 0, at + width <= bytes.count else { throw Malformed() }
        return (0..<width).reduce(UInt64(0)) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) }
    }
}
