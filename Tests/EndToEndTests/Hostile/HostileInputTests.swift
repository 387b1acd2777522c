import Foundation
import Glibc
import ReportTestSupport
import Testing

/// The binary on inputs a reader might open by mistake or malice: each ends, under a watchdog,
/// with a sensible tree or one clear error line and status 1, never a trap.
@Suite struct HostileInputTests {
    /// A trap shows up as death by signal (SIGILL/SIGTRAP/SIGSEGV: status above 128).
    static func expectCleanEnd(_ result: WatchedProcess.Result, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!result.timedOut, "\(label): hung, \(result)", sourceLocation: sourceLocation)
        #expect(result.status < 128, "\(label): died by a signal, \(result)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"), "\(label): \(result)", sourceLocation: sourceLocation)
    }

    /// One line on stderr, naming the input, and status 1.
    static func expectOneErrorLine(_ result: WatchedProcess.Result, naming name: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        expectCleanEnd(result, label, sourceLocation: sourceLocation)
        #expect(result.status == 1, "\(label): \(result)", sourceLocation: sourceLocation)
        #expect(result.stderrLines.count == 1 && result.stderr.hasPrefix("report-browser: ") && result.stderr.contains(name),
                "\(label): \(result)", sourceLocation: sourceLocation)
        #expect(result.output.isEmpty, "\(label): \(result)", sourceLocation: sourceLocation)
    }

    static let subcommands: [[String]] = [["outline"], ["show", "1"], ["search", "总则"], ["export"], ["export", "--format", "markdown"], []]

    /// Empty, blank and BOM-only files hold no text: every subcommand says so in one line and
    /// fails (status 1; search 2, like grep's errors) instead of a blank screen or empty output.
    @Test(arguments: [("empty", [UInt8]()), ("whitespace", Array(" \t\n\u{3000}\r\n\n  ".utf8)), ("bom", [0xEF, 0xBB, 0xBF])])
    func nothingInside(_ label: String, _ bytes: [UInt8]) throws {
        let documents = try HostileDocuments()
        defer { documents.remove() }
        let path = try documents.write("\(label).txt", bytes)
        for arguments in Self.subcommands {
            let result = try WatchedProcess.browser(arguments + [path])
            Self.expectCleanEnd(result, "\(arguments) \(label)")
            #expect(result.status == (arguments.first == "search" ? 2 : 1), "\(arguments) \(label): \(result)")
            #expect(result.output.isEmpty, "\(arguments) \(label): \(result)")
            #expect(result.stderr == "report-browser: \(path) is empty\n", "\(arguments) \(label): \(result)")
        }
    }

    @Test func onlyNULBytes() throws {
        let documents = try HostileDocuments()
        defer { documents.remove() }
        let path = try documents.write("zeros.bin", [UInt8](repeating: 0, count: 1 << 20))
        for arguments in Self.subcommands {
            let result = try WatchedProcess.browser(arguments + [path])
            let expectedStatus: Int32 = arguments.first == "search" ? 2 : 1
            Self.expectCleanEnd(result, "\(arguments) zeros")
            #expect(result.status == expectedStatus, "\(arguments): \(result)")
            #expect(result.stderrLines.count == 1 && result.stderr.contains("zeros.bin") && result.stderr.contains("NUL"), "\(arguments): \(result)")
        }
    }

    @Test func invalidUTF8InTheMiddle() throws {
        let documents = try HostileDocuments()
        defer { documents.remove() }
        let bytes = Array("一、总则\n正文".utf8) + [0xFF, 0xC3, 0x28, 0xE4, 0xB8] + Array("继续\n二、结束\n".utf8)
        let path = try documents.write("damaged.txt", bytes)
        let outline = try WatchedProcess.browser(["outline", path])
        Self.expectCleanEnd(outline, "outline")
        #expect(outline.status == 0)
        #expect(outline.stdout == "1  一、总则\n2  二、结束\n")
        #expect(outline.stderrLines.count == 1 && outline.stderr.contains("invalid UTF-8") && outline.stderr.contains("U+FFFD"))
        let show = try WatchedProcess.browser(["show", "1", path])
        #expect(show.status == 0 && show.stdout == "一、总则\n正文\u{FFFD}\u{FFFD}(\u{FFFD}继续\n", "\(show)")
    }

    @Test func gb18030WithAStrayByte() throws {
        let documents = try HostileDocuments()
        defer { documents.remove() }
        let clean = try #require(Self.iconv("一、总则\n正文内容\n二、结束\n", to: "GB18030"))
        var bytes = clean
        bytes.insert(0x80, at: try #require(clean.firstIndex(of: 0x0A)) + 1)
        let path = try documents.write("gbk.txt", bytes)
        let outline = try WatchedProcess.browser(["outline", path])
        Self.expectCleanEnd(outline, "outline")
        #expect(outline.status == 0 && outline.stdout == "1  一、总则\n2  二、结束\n", "\(outline)")
        #expect(outline.stderrLines.count == 1 && outline.stderr.contains("GB18030"), "\(outline)")
        let search = try WatchedProcess.browser(["search", "内容", path])
        #expect(search.status == 0 && search.stdout.contains("正文[内容]"), "\(search)")
    }

    @Test func aDirectory() throws {
        let documents = try HostileDocuments()
        defer { documents.remove() }
        for arguments in Self.subcommands {
            let result = try WatchedProcess.browser(arguments + [documents.directory.path])
            Self.expectCleanEnd(result, "\(arguments)")
            // `search` takes a directory as a library (issue 15): whatever is in it, it ends
            // with "found" or "not found", each unreadable file listed as skipped.
            if arguments.first == "search" {
                #expect(result.status == 0 || result.status == 1, "\(arguments): \(result)")
                #expect(result.stderrLines.allSatisfy { $0.contains(": skipped: ") }, "\(arguments): \(result)")
                continue
            }
            // So does the browser (issue 15); an empty one is one line and status 1, as an
            // empty file is.
            if arguments.isEmpty {
                #expect(result.status == 1, "\(arguments): \(result)")
                #expect(result.stderrLines.count == 1 && result.stderr.contains("no files under"), "\(arguments): \(result)")
                continue
            }
            #expect(result.status == 1, "\(arguments): \(result)")
            #expect(result.stderrLines.count == 1 && result.stderr.hasSuffix("is a directory\n"), "\(arguments): \(result)")
        }
    }

    /// Tests run as root here, and root reads any file; then the refusal is checked by running
    /// the binary as an unprivileged user (setpriv), so the real open() fails with EACCES.
    @Test func aFileWithoutReadPermission() throws {
        let documents = try HostileDocuments()
        defer { documents.remove() }
        chmod(documents.directory.path, 0o755)
        let path = try documents.write("secret.txt", text: "一、总则\n正文\n")
        chmod(path, 0o000)
        let binary = try TestPaths.reportBrowser().path
        if geteuid() == 0 {
            let asRoot = try WatchedProcess.browser(["outline", path])
            #expect(asRoot.status == 0 && asRoot.stdout == "1  一、总则\n", "root reads it: \(asRoot)")
            let setpriv = "/usr/bin/setpriv"
            guard FileManager.default.isExecutableFile(atPath: setpriv) else {
                Issue.record("running as root without \(setpriv): cannot check the permission error")
                return
            }
            let asNobody = try WatchedProcess.run(setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", binary, "outline", path])
            try #require(!asNobody.stderr.contains("setpriv:"), "setpriv failed: \(asNobody)")
            Self.expectOneErrorLine(asNobody, naming: "secret.txt", "outline as nobody")
            #expect(asNobody.stderr.hasSuffix("permission denied\n"))
        } else {
            let result = try WatchedProcess.browser(["outline", path])
            Self.expectOneErrorLine(result, naming: "secret.txt", "outline")
            #expect(result.stderr.hasSuffix("permission denied\n"))
        }
    }

    /// `report-browser outline - <&-`, `< /dev/null` and an empty pipe: nothing to read, said so.
    @Test(arguments: [("closed", WatchedProcess.Input.closed), ("/dev/null", .devNull), ("empty pipe", .bytes(Data()))])
    func standardInputClosedOrEmpty(_ label: String, _ input: WatchedProcess.Input) throws {
        for arguments in [["outline", "-"], ["show", "1", "-"], ["search", "x", "-"], ["-"]] {
            let result = try WatchedProcess.browser(arguments, input: input)
            Self.expectCleanEnd(result, "\(arguments) \(label)")
            #expect(result.status == (arguments.first == "search" ? 2 : 1), "\(arguments) \(label): \(result)")
            #expect(result.output.isEmpty, "\(arguments) \(label): \(result)")
            #expect(result.stderr == "report-browser: standard input is empty\n", "\(arguments) \(label): \(result)")
        }
    }

    /// FILE left out with nothing piped in: /dev/null and an empty pipe are an empty report;
    /// a closed standard input has nothing to offer, so the bundled report opens.
    @Test func fileLeftOutReadsWhatIsPipedIn() throws {
        let empty = try WatchedProcess.browser(["outline"], input: .devNull)
        #expect(empty.status == 1 && empty.stderr == "report-browser: standard input is empty\n", "\(empty)")
        let closed = try WatchedProcess.browser(["outline"], input: .closed)
        #expect(closed.status == 0 && closed.stdout.contains("四、2025年主要工作安排"), "\(closed)")
    }

    static func iconv(_ text: String, to encoding: String) -> [UInt8]? {
        let converter = iconv_open(encoding, "UTF-8")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let capacity = output.count
        let produced: Int? = input.withUnsafeMutableBytes { inBuffer in
            output.withUnsafeMutableBytes { outBuffer in
                var inPointer = inBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = capacity
                guard Glibc.iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return capacity - outLeft
            }
        }
        return produced.map { Array(output.prefix($0)) }
    }
}
