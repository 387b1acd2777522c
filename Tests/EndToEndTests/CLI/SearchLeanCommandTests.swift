import Foundation
import Testing

/// `search QUERY FILE` on a large clean UTF-8 file answers from the bytes and a lean scan
/// (`LeanFileSearch`); a CRLF copy of the same text takes the usual path (decode, parse). Both
/// must print the same, as text and as JSON, with the same status.
@Suite struct SearchLeanCommandTests {
    @Test func aLargeCleanFilePrintsWhatItsCRLFCopyPrints() throws {
        let seed = Array(try Data(contentsOf: URL(fileURLWithPath: CommandRunner.seedPath)))
        // Past the 1 MB from which the reader maps a file, and the lean path applies.
        var lf: [UInt8] = []
        var copy = 0
        while lf.count <= 1 << 20 {
            copy += 1
            lf += Array("附件\(copy)\n".utf8) + seed
            if lf.last != 0x0A { lf.append(0x0A) }
        }
        var crlf: [UInt8] = []
        for byte in lf {
            if byte == 0x0A { crlf.append(0x0D) }
            crlf.append(byte)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lean-search-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let lean = directory.appendingPathComponent("lf.txt").path
        let usual = directory.appendingPathComponent("crlf.txt").path
        try Data(lf).write(to: URL(fileURLWithPath: lean))
        try Data(crlf).write(to: URL(fileURLWithPath: usual))
        var matched = 0
        for query in ["信用修复", "法治 政府", "一、", "龘", "营商环境 龘"] {
            for extra in [[], ["--json"]] {
                let fast = try CommandRunner.run(["search", query, lean, "--no-index"] + extra)
                let other = try CommandRunner.run(["search", query, usual, "--no-index"] + extra)
                let expected = extra.isEmpty ? other.stdout : other.stdout.replacingOccurrences(of: usual, with: lean)
                #expect(fast.stdout == expected && fast.status == other.status, "\(query) \(extra)")
                #expect(fast.stderr == other.stderr, "\(query) \(extra)")
                if fast.status == 0 { matched += 1 }
            }
        }
        #expect(matched >= 6)
    }
}
