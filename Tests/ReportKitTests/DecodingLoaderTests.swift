import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@testable import ReportKit

@Suite("Decoding: DocumentLoader")
struct DecodingLoaderTests {
    /// A fresh directory per test, removed afterwards.
    final class Scratch {
        let directory: String

        init() throws {
            let url = FileManager.default.temporaryDirectory
                .appendingPathComponent("decoding-loader-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            directory = url.path
        }

        deinit { try? FileManager.default.removeItem(atPath: directory) }

        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            let path = directory + "/" + name
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    @Test("a file loads with its name and decoded text", arguments: [TextEncoding?.none, .utf8])
    func loadsFile(forcing: TextEncoding?) throws {
        let scratch = try Scratch()
        let seed = try DecodingFixtures.seedText()
        let path = try scratch.write("report.txt", Array(seed.utf8))
        let document = try DocumentLoader.load(path: path, encoding: forcing)
        #expect(document.name == "report.txt")
        #expect(document.path == path)
        #expect(document.decoded.text == seed)
        #expect(document.decoded.encoding == .utf8)
    }

    @Test("UTF-16 and GB18030 files load through the loader (NUL bytes in UTF-16 don't stop it)")
    func loadsOtherEncodings() throws {
        let scratch = try Scratch()
        let seed = try DecodingFixtures.seedText()
        let cases: [(String, [UInt8], TextEncoding?, TextEncoding)] = [
            ("le.txt", DecodingFixtures.utf16(seed, bigEndian: false, byteOrderMark: true), nil, .utf16le),
            ("be.txt", DecodingFixtures.utf16(seed, bigEndian: true, byteOrderMark: false), .utf16be, .utf16be),
            ("gb.txt", try DecodingFixtures.gb18030(seed), nil, .gb18030),
        ]
        for (name, bytes, forcing, expected) in cases {
            let document = try DocumentLoader.load(path: try scratch.write(name, bytes), encoding: forcing)
            #expect(document.decoded.text == seed, "\(name)")
            #expect(document.decoded.encoding == expected, "\(name)")
        }
    }

    @Test("errors are one line: <path>: <reason>")
    func errorMessages() throws {
        let scratch = try Scratch()
        let binary = try scratch.write("x.bin", [0x50, 0x4B, 0x03, 0x00, 0x04])
        let file = try scratch.write("plain.txt", Array("text".utf8))
        let junk = try scratch.write("junk.txt", [UInt8](repeating: 0xFF, count: 40))
        let cases: [(path: String, message: String, kind: LoadError.Kind)] = [
            (scratch.directory + "/nosuch.txt", scratch.directory + "/nosuch.txt: no such file", .notFound),
            (scratch.directory + "/", scratch.directory + "/: is a directory", .isDirectory),
            (scratch.directory, scratch.directory + ": is a directory", .isDirectory),
            (
                file + "/child", file + "/child: no such file (part of the path is not a directory)",
                .notFound
            ),
            (
                binary, binary + ": binary file (NUL byte at offset 3), not a text report",
                .notText(.binary(nulOffset: 3, looksLikeUTF16: nil))
            ),
            (
                junk, junk + ": not valid UTF-8, UTF-16 or GB18030 text (invalid byte 0xFF at offset 0)",
                .notText(.notText(InvalidSequences(count: 40, firstOffset: 0, firstByte: 0xFF)))
            ),
            ("", "\"\": no such file", .notFound),
        ]
        for example in cases {
            let error = #expect(throws: LoadError.self) {
                try DocumentLoader.load(path: example.path, encoding: nil)
            }
            #expect(error?.description == example.message)
            #expect(error?.kind == example.kind)
        }
    }

    @Test("a path with control characters still gives a one-line message")
    func controlCharactersInPath() throws {
        let error = #expect(throws: LoadError.self) {
            try DocumentLoader.load(path: "/nonexistent\ndir/a\tb.txt", encoding: nil)
        }
        #expect(error?.description == "/nonexistent\\ndir/a\\tb.txt: no such file")
    }

    @Test("an unreadable file: permission denied, unless we run as root, who may read it anyway")
    func unreadableFile() throws {
        let scratch = try Scratch()
        let path = try scratch.write("secret.txt", Array("机密".utf8))
        #expect(chmod(path, 0) == 0)
        if geteuid() == 0 {
            // Root bypasses permission bits, so no real EACCES can be produced here; check that
            // the file is read, and leave the message to the mapping test below.
            #expect(try DocumentLoader.load(path: path, encoding: nil).decoded.text == "机密")
        } else {
            let error = #expect(throws: LoadError.self) { try DocumentLoader.load(path: path, encoding: nil) }
            #expect(error?.description == path + ": permission denied")
            #expect(error?.kind == .permissionDenied)
        }
    }

    @Test("errno values map to reasons", arguments: [
        (EACCES, "permission denied"), (EPERM, "permission denied"), (ENOENT, "no such file"),
        (EISDIR, "is a directory"), (EIO, "input/output error"),
    ])
    func errnoMapping(code: Int32, reason: String) {
        let error = LoadError.reading(path: "secret.txt", failure: .system(errno: code))
        #expect(error.description == "secret.txt: " + reason)
    }

    @Test("/dev/zero is refused at its first NUL byte instead of being read forever")
    func endlessBinaryStopsEarly() throws {
        let error = #expect(throws: LoadError.self) { try DocumentLoader.load(path: "/dev/zero", encoding: nil) }
        #expect(error?.description == "/dev/zero: binary file (NUL byte at offset 0), not a text report")
    }

    @Test("/dev/null is an empty document")
    func devNull() throws {
        let document = try DocumentLoader.load(path: "/dev/null", encoding: nil)
        #expect(document.decoded.text == "")
        #expect(document.name == "null")
    }

    @Test("a FIFO is read to EOF")
    func fifo() throws {
        let scratch = try Scratch()
        let path = scratch.directory + "/pipe"
        #expect(mkfifo(path, 0o600) == 0)
        let seed = try DecodingFixtures.seedText()
        let writer = Thread {
            // Blocks until the loader opens the other end.
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            handle.write(Data(seed.utf8))
            try? handle.close()
        }
        writer.start()
        let document = try DocumentLoader.load(path: path, encoding: nil)
        #expect(document.decoded.text == seed)
    }

    @Test("a closed descriptor reads as empty input")
    func closedDescriptor() throws {
        let result = FileReading.read(descriptor: -1) { _, _ in true }
        #expect(try result.get() == [])
    }

    @Test("display names", arguments: [
        ("report.txt", "report.txt"), ("docs/report.txt", "report.txt"), ("/a/b/c.txt", "c.txt"),
        ("-", "<stdin>"), ("/", "/"), ("dir/", "dir"),
    ])
    func displayName(path: String, name: String) {
        #expect(DocumentLoader.displayName(ofPath: path) == name)
    }
}

/// Standard input is process-wide, so these run one at a time. fd 0 is swapped with dup2,
/// which replaces it atomically: no other test can be handed fd 0 in between.
@Suite("Decoding: DocumentLoader reading standard input", .serialized)
struct DecodingStandardInputTests {
    private func withStandardInput<T>(_ content: [UInt8], _ body: () throws -> T) throws -> T {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let saved = dup(0)
        try #require(saved >= 0)
        defer {
            dup2(saved, 0)
            close(saved)
        }
        // Written before reading: small enough for the pipe buffer.
        let written = content.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
        close(ends[1])
        try #require(written == content.count)
        try #require(dup2(ends[0], 0) == 0)
        close(ends[0])
        return try body()
    }

    @Test("\"-\" reads standard input to EOF", arguments: ["一、总则\r\n（一）目的\r\n", ""])
    func readsPipe(_ text: String) throws {
        let document = try withStandardInput(Array(text.utf8)) {
            try DocumentLoader.load(path: "-", encoding: nil)
        }
        #expect(document.name == "<stdin>")
        #expect(document.decoded.text == text.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    @Test("binary on standard input is reported as <stdin>")
    func binaryPipe() throws {
        let error = try withStandardInput([0x41, 0x00]) {
            #expect(throws: LoadError.self) { try DocumentLoader.load(path: "-", encoding: nil) }
        }
        #expect(error?.description == "<stdin>: binary file (NUL byte at offset 1), not a text report")
    }
}
