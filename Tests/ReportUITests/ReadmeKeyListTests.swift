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
        #expect(listed == expected, "README key list is stale; replace it with:\n\(expected)")
    }
}
