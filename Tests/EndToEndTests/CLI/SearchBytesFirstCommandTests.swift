import Foundation
import Testing

/// `search QUERY FILE` with hits parses the file's bytes while it decodes them, and uses that
/// parse only when the decoded text is those bytes. Files whose text differs from their bytes
/// (CRLF, a byte order mark, a repaired sequence) must print what the whole-report path prints.
@Suite struct SearchBytesFirstCommandTests {
    static let queries = ["信用修复", "法治 政府", "一、"]

    @Test func filesWhoseTextIsNotTheirBytesPrintWhatTheIndexPrints() throws {
        let seed = try Data(contentsOf: URL(fileURLWithPath: CommandRunner.seedPath))
        let lf = Array(seed)
        var crlf: [UInt8] = []
        for byte in lf {
            if byte == 0x0A { crlf.append(0x0D) }
            crlf.append(byte)
        }
        let bom = [0xEF, 0xBB, 0xBF] + lf
        // A stray byte in the middle: decoded with a replacement character and a warning.
        var damaged = lf
        damaged.insert(0xFF, at: damaged.count / 2)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bytes-first-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, bytes) in [("lf", lf), ("crlf", crlf), ("bom", bom), ("damaged", damaged)] {
            let path = directory.appendingPathComponent("\(name).txt").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            for query in Self.queries {
                for extra in [[], ["--json"]] {
                    let fast = try CommandRunner.run(["search", query, path, "--no-index"] + extra)
                    let indexed = try CommandRunner.run(["search", "--regex", query.replacingOccurrences(of: " ", with: ".*"), path, "--no-index"] + extra)
                    #expect(fast.status == 0, "\(name) \(query)")
                    if !query.contains(" ") {
                        #expect(fast.stdout == indexed.stdout && fast.status == indexed.status, "\(name) \(query)")
                    }
                    #expect(fast.stderr == indexed.stderr, "\(name) \(query)")
                }
                // Same text, same answer: line endings and the mark do not show in the output.
                if name == "crlf" || name == "bom" {
                    let clean = try CommandRunner.run(["search", query, directory.appendingPathComponent("lf.txt").path, "--no-index"])
                    let other = try CommandRunner.run(["search", query, path, "--no-index"])
                    #expect(other.stdout == clean.stdout, "\(name) \(query)")
                }
            }
        }
    }
}
