import Foundation
import Testing

/// The Han tables are generated from Unihan by scripts/generate-han-tables.py; Debian's
/// unicode-data package (installed by .ci/run) provides the input.
@Suite struct HanTablesTests {
    @Test func generatedTablesMatchTheScriptOutput() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", DecodingFixtures.repositoryRoot.appendingPathComponent("scripts/generate-han-tables.py").path, "--check"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
    }
}
