import Foundation

/// Locations inside the repository, found from this file so tests run from any directory.
enum TestPaths {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let seed = repositoryRoot.appendingPathComponent("seeds/qiantang-2024-rule-of-law-report.txt")
    static let corpus = repositoryRoot.appendingPathComponent("Tests/Corpus")

    static func text(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }
}
