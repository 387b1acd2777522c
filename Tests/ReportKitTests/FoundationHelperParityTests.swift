import Foundation
import Testing

import ReportKit

/// The stand-ins for Foundation's string and path methods (report-browser no longer loads
/// Foundation) give Foundation's answers.
@Suite struct FoundationHelperParityTests {
    static let paths = [
        "", "/", "//", "a", "a/", "a//", "/a", "/a/", "/a/b", "/a/b/", "a/b", "a/b/c.txt", "./x", "../x/y",
        "/tmp/索引.sqlite", "~", "~/", "~/x", "~/x/", "~root", "~root/x", "~nobody-such-user/x", "x~/y",
    ]

    /// Swift 6.3's Foundation traps (illegal instruction in `String._startOfLastPathComponent`)
    /// on `deletingLastPathComponent` of a relative path of one component, so those are
    /// checked against what NSString answered on other versions (and on Apple systems).
    static let singleComponents = paths.filter { !$0.hasPrefix("/") && !$0.drop { $0 != "/" }.contains { $0 != "/" } }

    @Test(arguments: paths.filter { $0 != "//" }) func lastComponent(path: String) {
        #expect(PathText.lastComponent(path) == (path as NSString).lastPathComponent)
    }

    @Test(arguments: paths.filter { $0 != "//" && !singleComponents.contains($0) }) func parent(path: String) {
        #expect(PathText.parent(path) == (path as NSString).deletingLastPathComponent)
    }

    @Test(arguments: singleComponents) func parentOfOneComponent(path: String) {
        #expect(PathText.parent(path) == "")
    }

    /// The one difference: Foundation answers "" for the root spelt twice; the root is meant.
    @Test func theDoubledRoot() {
        #expect(PathText.parent("//") == "/")
        #expect(PathText.lastComponent("//") == "/")
        #expect(("//" as NSString).deletingLastPathComponent == "")
        #expect(("//" as NSString).lastPathComponent == "")
    }

    @Test(arguments: paths) func expandingTilde(path: String) {
        #expect(PathText.expandingTilde(path) == (path as NSString).expandingTildeInPath)
    }

    @Test func homeDirectory() {
        #expect(PathText.homeDirectory() == NSHomeDirectory())
    }

    @Test func trimmingSpaces() {
        let pieces = ["", " ", "\t", "\u{3000}", "\u{00A0}", "\u{2003}", "\n", "a", "法治", "\u{301}", " b "]
        var checked = 0
        for first in pieces {
            for second in pieces {
                for third in pieces {
                    let text = first + second + third
                    #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
                    checked += 1
                }
            }
        }
        #expect(checked == pieces.count * pieces.count * pieces.count)
    }
}
