import Foundation
import ReportTestSupport
import Testing

/// A document full of escape sequences (window title, clipboard, hyperlinks, screen clearing,
/// C1 controls, bidi overrides) must not reach a terminal raw: the subcommands and the browser
/// show placeholders. Into a pipe the bytes pass unchanged, and `--raw` lets them through on
/// purpose.
@Suite(.serialized) struct HostileTerminalSafetyTests {
    static let text = HostileDocuments.terminalAttackText()

    /// Placeholders each attack must show as on a terminal (tmux shows `^[` and `<U+…>` as text).
    static let placeholders = [
        "窗口标题^[]2;PWNED-TITLE^G之后", "图标标题^[]0;PWNED-ZERO^[\\之后", "剪贴板^[]52;c;ZXZpbCBjb21tYW5k^G之后",
        "超链接^[]8;;https://evil.example/^[\\点我^[]8;;^[\\之后", "清屏^[[2J^[[H^[[31m红色^[[0m之后",
        "C1控制<U+009B>31m<U+009D>2;C1-TITLE<U+009C>之后", "其他控制^G^H^?^K^L之后", "方向<U+202E>evil<U+202C>之后",
    ]

    static func expectUntouched(_ pane: HostilePane, _ screen: [String], _ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try pane.title == HostilePane.title, "\(label): the title changed", sourceLocation: sourceLocation)
        #expect(try pane.pasteBuffers().isEmpty, "\(label): the clipboard was written", sourceLocation: sourceLocation)
        // ESC [ 2 J would have wiped the shell's line above the output.
        #expect(screen.contains(HostilePane.shellLine), "\(label): screen wiped:\n\(screen.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        (["show", "1"], [0]), (["show", "5"], [4]), (["show", "6"], [5]), (["outline"], Array(0..<8)),
        (["search", "之后", "--scope", "3"], [2]), (["export", "--format", "markdown"], Array(0..<8)),
        // An error line quoting headings (an ambiguous keyword) is document text too.
        (["show", "之后"], Array(0..<8)),
    ])
    func subcommandsOnATerminalShowPlaceholders(_ arguments: [String], _ shown: [Int]) throws {
        let documents = try HostileDocuments()
        defer { documents.remove() }
        let path = try documents.write("attack.txt", text: Self.text)
        let quoted = (arguments + [path]).map(TestPaths.shellQuoted).joined(separator: " ")
        let pane = try HostilePane("\"$RB\" \(quoted)", width: 220, height: 50)
        try pane.start()
        let exit = try pane.waitForExit()
        let screen = exit.screen.joined(separator: "\n")
        // Long lines wrap; rejoined rows let a placeholder cut at the edge be found.
        let rejoined = exit.screen.joined()
        #expect(exit.status == (arguments == ["show", "之后"] ? 1 : 0), "\(screen)")
        try Self.expectUntouched(pane, exit.screen, "\(arguments)")
        for index in shown {
            #expect(rejoined.contains(Self.placeholders[index]), "\(arguments): missing \(Self.placeholders[index]) in\n\(screen)")
        }
    }

    /// JSON goes out unchanged even to a terminal, because its escaping already makes it safe.
    @Test(arguments: [["outline", "--json"], ["search", "之后", "--json"], ["export"]])
    func jsonOnATerminalIsEscaped(_ arguments: [String]) throws {
        let documents = try HostileDocuments()
        defer { documents.remove() }
        let path = try documents.write("attack.txt", text: Self.text)
        let quoted = (arguments + [path]).map(TestPaths.shellQuoted).joined(separator: " ")
        let pane = try HostilePane("\"$RB\" \(quoted)", width: 220, height: 200)
        try pane.start()
        let exit = try pane.waitForExit()
        #expect(exit.status == 0)
        try Self.expectUntouched(pane, exit.screen, "\(arguments)")
        let rejoined = exit.screen.joined()
        for escaped in ["\\u001b]2;PWNED-TITLE\\u0007", "\\u001b]52;c;ZXZpbCBjb21tYW5k\\u0007", "\\u009b31m", "\\u202eevil\\u202c"] {
            #expect(rejoined.contains(escaped), "\(arguments): missing \(escaped)")
        }
    }

    @Test func theBrowserShowsPlaceholders() throws {
        let documents = try HostileDocuments()
        defer { documents.remove() }
        let path = try documents.write("attack.txt", text: Self.text)
        let pane = try HostilePane("\"$RB\" \(TestPaths.shellQuoted(path))", width: 160, height: 30)
        try pane.start()
        try pane.tmux.waitFor(text: "八、方向")
        // Every section in turn in the detail pane, then the text pane focused and scrolled.
        for index in Self.placeholders.indices {
            try pane.tmux.sendKeys("j")
            let screen = try pane.tmux.waitUntil(describedAs: "section \(index + 1) in the detail pane") { screen in
                screen.last?.contains("\(index + 1)/8") == true && screen.dropLast().contains { $0.contains("│ 正文\(Self.placeholders[index])") || $0.contains("│ 　　正文\(Self.placeholders[index])") }
            }
            #expect(screen.count == 30 && screen.first?.isEmpty == false)
            #expect(try pane.title == HostilePane.title, "section \(index + 1)")
        }
        try pane.tmux.sendKeys("Tab", "G", "g")
        try pane.tmux.sendKeys("q")
        let exit = try pane.waitForExit()
        #expect(exit.status == 0)
        try Self.expectUntouched(pane, exit.screen, "browser")
    }

    /// The positive control: the same sequences do take effect when let through, so the checks
    /// above can fail.
    @Test func rawLetsThemThroughOnATerminal() throws {
        let documents = try HostileDocuments()
        defer { documents.remove() }
        let path = try documents.write("attack.txt", text: Self.text)
        let pane = try HostilePane("\"$RB\" show 1 --raw \(TestPaths.shellQuoted(path)); \"$RB\" show 3 --raw \(TestPaths.shellQuoted(path))")
        try pane.start()
        let exit = try pane.waitForExit()
        #expect(exit.status == 0)
        #expect(try pane.title == "PWNED-TITLE")
        #expect(try pane.pasteBuffers().contains("evil command"))
        #expect(exit.screen.contains { $0.contains("窗口标题之后") })
    }

    @Test(arguments: [["show", "1"], ["show", "3"], ["outline"], ["search", "之后"], ["export", "--format", "markdown"]])
    func pipesGetTheBytesUnchanged(_ arguments: [String]) throws {
        let documents = try HostileDocuments()
        defer { documents.remove() }
        let path = try documents.write("attack.txt", text: Self.text)
        let result = try WatchedProcess.browser(arguments + [path])
        HostileInputTests.expectCleanEnd(result, "\(arguments)")
        #expect(result.status == 0)
        let expected = Self.expectedPipeOutput(arguments)
        for piece in expected {
            #expect(result.stdout.contains(piece), "\(arguments): \(piece.debugDescription) not in \(result.stdout.debugDescription)")
        }
        #expect(!result.stdout.contains("^["))
    }

    private static func expectedPipeOutput(_ arguments: [String]) -> [String] {
        let attacks = HostileDocuments.terminalAttacks
        switch arguments.first {
        case "show": return [String(attacks[Int(arguments[1])! - 1].dropFirst(2))]
        case "search": return attacks.map { String($0.dropFirst(2).prefix(while: { $0 != "之" })) }
        default: return attacks.map { String($0.dropFirst(2)) }
        }
    }
}
