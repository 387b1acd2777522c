import Foundation

/// Where the end-to-end tests find the repository and the built binary.
enum TestPaths {
    /// The package root: the nearest directory above this file holding Package.swift.
    static let repositoryRoot: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// The `report-browser` built alongside the test bundle (`swift test` builds it too).
    static func reportBrowser() throws -> URL {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let candidates = [
            executable.deletingLastPathComponent().appendingPathComponent("report-browser"),
            repositoryRoot.appendingPathComponent(".build/debug/report-browser"),
        ]
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        throw TmuxError(description: "report-browser is not built; looked in "
            + candidates.map(\.path).joined(separator: ", "))
    }

    /// A path quoted for the shell that tmux runs commands with.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
