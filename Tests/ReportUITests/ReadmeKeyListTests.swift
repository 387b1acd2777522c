import Foundation
import Testing
@testable import ReportUI

/// The README's key list is generated from the one key table; this keeps it true.
@Suite struct ReadmeKeyListTests {
    static let begin = "<!-- keys:begin (generated from KeyBindings; ReadmeKeyListTests checks it) -->\n"
    static let end = "<!-- keys:end -->"

    @Test func readmeListsEveryBindingOfTheTable() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let expected = KeyBindings.markdownKeyList()
        guard let start = readme.range(of: Self.begin), let stop = readme.range(of: Self.end) else {
            Issue.record("README.md lacks the key list markers; put this between them:\n\(expected)")
            return
        }
        let listed = String(readme[start.upperBound..<stop.lowerBound])
        // After a key-table change: RECORD_README=1 swift test --filter ReadmeKeyListTests rewrites the list.
        if ProcessInfo.processInfo.environment["RECORD_README"] == "1", listed != expected {
            let rewritten = readme.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: expected)
            try rewritten.write(to: root.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
            return
        }
        #expect(listed == expected, "README key list is stale; replace it with:\n\(expected)")
    }
}
