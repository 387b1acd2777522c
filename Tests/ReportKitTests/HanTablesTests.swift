import Foundation
import ReportTestSupport
import Testing

/// The Han tables are generated from Unihan by scripts/generate-han-tables.py; Debian's
/// unicode-data package (installed by .ci/run) provides the input.
@Suite struct HanTablesTests {
    @Test func generatedTablesMatchTheScriptOutput() throws {
        let script = DecodingFixtures.repositoryRoot.appendingPathComponent("scripts/generate-han-tables.py").path
        let result = try ChildProcess.run(
            "/usr/bin/env", ["python3", script, "--check"], environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 0, "\(result.stderr)")
    }
}
