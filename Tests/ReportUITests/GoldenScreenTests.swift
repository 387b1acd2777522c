import Foundation
import ReportKit
import ReportTestSupport
import Testing

@testable import ReportUI

/// Exact whole screens for each pane and overlay at three sizes, text alone and with every
/// cell's style, against the files in Snapshots/. A misaligned border or a lost character
/// fails here where a substring test would pass. Re-record with `RECORD_SNAPSHOTS=1 swift
/// test --filter GoldenScreenTests` and read the diff.
@Suite struct GoldenScreenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// What is on screen, as keys typed on the bundled report.
    static let scenes: [(name: String, keys: String)] = [
        ("tree", ":3.2\n"),
        ("text", ":3.2\n\tjj"),
        ("search-prompt", "/信用修复"),
        ("search-results", "/信用修复\nR"),
        ("help", "?"),
        ("marks", ":3.2\nma:1\nmbM"),
        ("goto-prompt", ":三(二"),
        ("goto-candidates", ":聚焦\nj"),
        ("figures", "#"),
        ("figure-jump", "#件\n"),
    ]

    static let sizes = [Size(width: 80, height: 24), Size(width: 40, height: 12), Size(width: 120, height: 40)]

    static let cases: [(String, String, Size)] = scenes.flatMap { scene in sizes.map { (scene.name, scene.keys, $0) } }

    @Test(arguments: cases)
    func screenMatchesItsSnapshot(_ name: String, _ keys: String, _ size: Size) {
        for styled in [false, true] {
            var script = ScriptedSession(options: BrowserOptions(color: styled), size: size)
            script.type(keys)
            let screen = script.session.frame().screen
            let file = "\(name)-\(size.width)x\(size.height)\(styled ? "-styled" : "")"
            let mismatch = GoldenScreen.mismatch(screen, named: file, in: Self.directory, styles: styled)
            #expect(mismatch == nil, "\(mismatch ?? "")")
        }
    }

    /// The comparison itself can fail: a screen one character off does not match.
    @Test func aChangedCellIsCaught() {
        var script = ScriptedSession(size: Size(width: 80, height: 24))
        script.type(":3.2\n")
        var screen = script.session.frame().screen
        let recorded = GoldenScreen.text(of: screen, styles: true)
        screen.put("X", x: 10, y: 10, style: .plain)
        #expect(GoldenScreen.text(of: screen, styles: true) != recorded)
        #expect(GoldenScreen.text(of: screen, styles: false).contains("X"))
    }
}
