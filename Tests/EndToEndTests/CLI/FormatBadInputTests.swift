import Foundation
import Testing

/// Damaged and hostile PDF, Word and HTML files through the CLI: one line on stderr, a
/// failing status, no hang.
@Suite struct FormatBadInputTests {
    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bad-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static let pdf = CommandRunner.repositoryRoot.appendingPathComponent("Tests/Corpus/pdf/07_xian_tjgb2025.pdf")

    static func expectOneLineFailure(_ result: CommandResult, containing phrase: String) {
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(phrase), "\(result.stderr)")
    }

    @Test func hangingPdftotextIsStoppedByTheTimeLimit() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fake = directory.appendingPathComponent("pdftotext")
        try "#!/bin/sh\nsleep 600\n".write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let path = directory.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let result = try CommandRunner.run(
            ["outline", Self.pdf.path], environment: ["PATH": path, "REPORT_BROWSER_PDF_TIMEOUT": "1"])
        Self.expectOneLineFailure(result, containing: "did not finish within 1 s")
    }

    @Test func missingPdftotextNamesThePackageAndTextStillOpens() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["outline", Self.pdf.path], environment: ["PATH": directory.path])
        Self.expectOneLineFailure(result, containing: "install poppler-utils")
        let text = try CommandRunner.run(["outline", CommandRunner.seedPath], environment: ["PATH": directory.path])
        #expect(text.status == 0)
    }

    @Test func truncatedPDF() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let whole = try Data(contentsOf: Self.pdf)
        let truncated = directory.appendingPathComponent("cut.pdf")
        try whole.prefix(whole.count / 3).write(to: truncated)
        let result = try CommandRunner.run(["outline", truncated.path])
        Self.expectOneLineFailure(result, containing: "PDF")
    }

    @Test func wordPackageWithoutDocumentAndZipBomb() throws {
        // Built from bytes here so the end-to-end target needs no ZIP library: a stored
        // (uncompressed) ZIP with one entry.
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let noDocument = directory.appendingPathComponent("empty.docx")
        try Data(StoredZip.archive([("[Content_Types].xml", Array("<Types/>".utf8))])).write(to: noDocument)
        Self.expectOneLineFailure(try CommandRunner.run(["outline", noDocument.path]), containing: "no word/document.xml")

        let lying = directory.appendingPathComponent("bomb.docx")
        try Data(StoredZip.archive([("word/document.xml", Array("<w:document/>".utf8))], declaredSize: 3 << 30)).write(to: lying)
        Self.expectOneLineFailure(try CommandRunner.run(["outline", lying.path]), containing: "ZIP bomb")
    }

    @Test func hugeAndDeepHTMLOpen() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let deep = directory.appendingPathComponent("deep.html")
        try ("<html><body><p>一、前言</p>" + String(repeating: "<div>", count: 100_000) + "<p>二、深处的标题</p>" + "</body></html>")
            .write(to: deep, atomically: true, encoding: .utf8)
        let deepResult = try CommandRunner.run(["outline", deep.path])
        #expect(deepResult.status == 0, "\(deepResult.stderr)")
        #expect(deepResult.stdout.contains("一、前言") && deepResult.stdout.contains("二、深处的标题"))

        var big = "<html><body>"
        let paragraph = "<p>本段用于测试很大的网页能否在有限的时间和内存内打开，内容重复。</p>\n"
        big.reserveCapacity(50 << 20)
        while big.utf8.count < 50 << 20 { big += paragraph }
        big += "<p>一、结尾的标题</p></body></html>"
        let large = directory.appendingPathComponent("large.html")
        try big.write(to: large, atomically: true, encoding: .utf8)
        let largeResult = try CommandRunner.run(["outline", large.path])
        #expect(largeResult.status == 0, "\(largeResult.stderr)")
        #expect(largeResult.stdout.contains("一、结尾的标题"))
    }
}

/// A ZIP with stored entries, enough to exercise the Word importer's refusals.
enum StoredZip {
    static func archive(_ entries: [(String, [UInt8])], declaredSize: UInt32? = nil) -> [UInt8] {
        var bytes: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func u32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }
        for (name, data) in entries {
            let offset = UInt32(bytes.count)
            let crc = crc32(data)
            let size = UInt32(data.count)
            let uncompressed = declaredSize ?? size
            let nameBytes = Array(name.utf8)
            bytes += [0x50, 0x4B, 3, 4] + u16(20) + u16(0) + u16(0) + u16(0) + u16(0) + u32(crc) + u32(size) + u32(uncompressed)
                + u16(nameBytes.count) + u16(0) + nameBytes + data
            central += [0x50, 0x4B, 1, 2] + u16(20) + u16(20) + u16(0) + u16(0) + u16(0) + u16(0) + u32(crc) + u32(size)
                + u32(uncompressed) + u16(nameBytes.count) + u16(0) + u16(0) + u16(0) + u16(0) + u32(0) + u32(offset) + nameBytes
        }
        let centralOffset = UInt32(bytes.count)
        bytes += central
        bytes += [0x50, 0x4B, 5, 6] + u16(0) + u16(0) + u16(entries.count) + u16(entries.count) + u32(UInt32(central.count))
            + u32(centralOffset) + u16(0)
        return bytes
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
