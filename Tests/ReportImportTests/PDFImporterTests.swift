import Foundation
import ReportKit
import Testing
@testable import ReportImport

/// PDF failures through fake converters and damaged files: each one line, in bounded time.
@Suite struct PDFImporterTests {
    static func fakeConverter(_ script: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fake-pdftotext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let program = directory.appendingPathComponent("pdftotext")
        try ("#!/bin/sh\n" + script + "\n").write(to: program, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
        return program
    }

    static let minimalPDF = Array("%PDF-1.4\n".utf8)

    static func failure(_ importer: PDFImporter, _ bytes: [UInt8] = minimalPDF) -> String? {
        do {
            _ = try importer.importReport(ImportInput(bytes: bytes, path: nil, encoding: nil))
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func aHangingConverterIsStoppedAtTheTimeLimit() throws {
        // The sleep runs in a grandchild that holds the pipe open: the whole group is killed.
        let program = try Self.fakeConverter("sleep 600 & wait")
        let reason = Self.failure(PDFImporter(program: program.path, timeoutSeconds: 1))
        #expect(reason?.contains("did not finish within 1 s") == true, "\(reason ?? "")")
    }

    @Test func missingConverterNamesThePackage() {
        let reason = Self.failure(PDFImporter(program: "/nonexistent/pdftotext"))
        #expect(reason?.contains("poppler-utils") == true, "\(reason ?? "")")
    }

    @Test func encryptedPDFSaysSo() throws {
        let program = try Self.fakeConverter("echo 'Command Line Error: Incorrect password' >&2; exit 1")
        let reason = Self.failure(PDFImporter(program: program.path))
        #expect(reason?.contains("encrypted") == true, "\(reason ?? "")")
    }

    @Test func aCrashingConverterIsOneLine() throws {
        let program = try Self.fakeConverter("kill -SEGV $$")
        let reason = Self.failure(PDFImporter(program: program.path))
        #expect(reason?.contains("crashed") == true, "\(reason ?? "")")
    }

    @Test func endlessOutputIsCut() throws {
        let program = try Self.fakeConverter("exec yes 一二三四五六七八九十")
        let importer = PDFImporter(program: program.path, timeoutSeconds: 120)
        // The real limit is 512 MB; `yes` reaches it in a few seconds.
        let reason = Self.failure(importer)
        #expect(reason?.contains("more than 512 MB") == true, "\(reason ?? "")")
    }

    @Test func aPageWithoutTextIsAScan() throws {
        let program = try Self.fakeConverter("printf '\\n\\f\\n\\f'")
        let reason = Self.failure(PDFImporter(program: program.path))
        #expect(reason?.contains("no text layer") == true, "\(reason ?? "")")
        #expect(reason?.contains("OCR") == true)
    }

    /// Needs poppler-utils, which .ci/run installs.
    @Test func realConverterOnDamagedFiles() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus/pdf/07_xian_tjgb2025.pdf")
        let whole = [UInt8](try Data(contentsOf: corpus))
        let truncated = Array(whole.prefix(whole.count / 3))
        let reason = Self.failure(PDFImporter(), truncated)
        #expect(reason?.contains("PDF") == true, "\(reason ?? "")")
        let garbage = Array("%PDF-1.7\n".utf8) + (0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
        #expect(Self.failure(PDFImporter(), garbage) != nil)
        let scan = Array("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".utf8)
        #expect(Self.failure(PDFImporter(), scan)?.contains("no text layer") == true)
    }
}
