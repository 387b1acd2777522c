import ReportKit
import Testing

@testable import ReportUI

@Suite struct BrowserKeyBindingsTests {
    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in BindingContext.allCases {
            let keys = KeyBindings.all.filter { $0.context == context }.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(context)")
        }
    }

    @Test(arguments: [
        (Key.character("q"), BindingContext.browse, Action.quit),
        (.control("c"), .browse, .quit),
        (.control("c"), .prompt, .quit),
        (.control("c"), .help, .quit),
        (.character("q"), .prompt, .insert("q")),
        (.character("三"), .prompt, .insert("三")),
        (.enter, .prompt, .submitPrompt),
        (.enter, .browse, .expandOrDescend),
        (.character("l"), .browse, .expandOrDescend),
        (.right, .browse, .expandOrDescend),
        (.left, .prompt, .cursorLeft),
        (.backspace, .prompt, .deleteBackward),
        (.character(" "), .browse, .pageDown),
        (.character("b"), .browse, .pageUp),
        (.end, .browse, .goLast),
        (.character("3"), .browse, .expandToLevel(3)),
        (.character("9"), .browse, .expandToLevel(9)),
        (.character("]"), .browse, .nextSibling),
        (.character("{"), .browse, .previousChapter),
        (.control("o"), .browse, .jumpBack),
        (.control("n"), .browse, .jumpForward),
        (.tab, .browse, .switchFocus),
        (.character("?"), .browse, .showHelp),
        (.character("?"), .help, .closeHelp),
        (.escape, .help, .closeHelp),
        (.character("j"), .help, .moveDown),
    ])
    func keysMapToActions(_ key: Key, _ context: BindingContext, _ expected: Action) {
        #expect(KeyBindings.action(for: key, in: context) == expected)
    }

    @Test func unboundKeysMapToNothingOrAreReported() {
        #expect(KeyBindings.action(for: .character("z"), in: .browse) == nil)
        #expect(BrowserApp.action(for: .key(.character("z")), in: .browse) == .unbound(.character("z")))
        #expect(BrowserApp.action(for: .key(.character("z")), in: .help) == nil)
        #expect(BrowserApp.action(for: .terminate, in: .browse) == .quit)
        #expect(BrowserApp.action(for: .mouse(MouseEvent(kind: .wheelUp, x: 1, y: 2)), in: .browse) == .scroll(x: 1, y: 2, lines: -3))
    }

    @Test func theRequiredKeysAreAllBound() {
        let required: [(Key, Action)] = [
            (.character("q"), .quit), (.down, .moveDown), (.character("j"), .moveDown), (.up, .moveUp),
            (.character("k"), .moveUp), (.left, .collapseOrAscend), (.character("h"), .collapseOrAscend),
            (.pageDown, .pageDown), (.pageUp, .pageUp), (.character("g"), .goFirst), (.home, .goFirst),
            (.character("G"), .goLast), (.character("["), .previousSibling), (.character("}"), .nextChapter),
            (.character(":"), .openGoto), (.character("E"), .expandAll), (.character("C"), .collapseAll),
            (.character("<"), .narrowTree), (.character(">"), .widenTree),
        ]
        for (key, action) in required {
            #expect(KeyBindings.action(for: key, in: .browse) == action, "\(key.label())")
        }
    }

    @Test func markdownListHasEveryBinding() {
        let markdown = KeyBindings.markdownKeyList()
        // Rows written out by hand, so a change in how the list is made shows here.
        for row in [
            "| `↓` `j` | Next row in the tree, or scroll the text down |",
            "| `1-9` | Show that many levels of the outline |",
            "| `Ctrl-C` | Quit |",
            "| `Esc` `q` `M` | Close the list |",
            "| `Ctrl-S` | Search the whole report or the selected section |",
        ] {
            #expect(markdown.contains(row), "\(row)")
        }
        // One row per binding: every row that names keys is a binding of the table.
        let keyRows = markdown.split(separator: "\n").filter { $0.hasPrefix("| `") }
        #expect(keyRows.count == KeyBindings.all.count)
        for group in Set(KeyBindings.all.map(\.group)) { #expect(markdown.contains("### \(group)")) }
        #expect(markdown.contains("`Ctrl-O`") && markdown.contains("`Ctrl-F`") && markdown.contains("`1-9`"))
    }

    @Test(arguments: [
        (Key.control("o"), "Ctrl-O"), (.character(" "), "Space"), (.pageDown, "PgDn"), (.character("G"), "G"),
        (.escape, "Esc"), (.function(5), "F5"),
    ])
    func keyLabels(_ key: Key, _ label: String) {
        #expect(key.label() == label)
    }
}
