import Foundation

/// Where the tests find the repository, its documents and the built binary, from any
/// working directory.
package enum TestPaths {
    package struct Missing: Error, CustomStringConvertible {
        package let description: String
    }

    /// The package root: the nearest directory above this file holding Package.swift.
    package static let repositoryRoot: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    package static let seed = repositoryRoot.appendingPathComponent("seeds/qiantang-2024-rule-of-law-report.txt")
    package static let corpus = repositoryRoot.appendingPathComponent("Tests/Corpus")

    package static func text(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    /// The `report-browser` built alongside the test bundle (`swift test` builds it too), or
    /// the one `REPORT_BROWSER_BINARY` names: CI points it at the release build, so a defect
    /// only the optimiser brings out fails there too.
    package static func reportBrowser() throws -> URL {
        if let chosen = ProcessInfo.processInfo.environment["REPORT_BROWSER_BINARY"], !chosen.isEmpty {
            let url = URL(fileURLWithPath: chosen, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            guard FileManager.default.isExecutableFile(atPath: url.path) else {
                throw Missing(description: "REPORT_BROWSER_BINARY=\(chosen) is not an executable")
            }
            return url.standardizedFileURL
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let candidates = [
            executable.deletingLastPathComponent().appendingPathComponent("report-browser"),
            repositoryRoot.appendingPathComponent(".build/debug/report-browser"),
        ]
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        throw Missing(description: "report-browser is not built; looked in " + candidates.map(\.path).joined(separator: ", "))
    }

    /// A path quoted for the shell that tmux runs commands with.
    package static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
