import ReportKit
import Testing

@testable import ReportUI

/// `?` in the library list lists the list's keys (and the figures table's, and those that
/// work everywhere), not every key of the browser; inside an opened report `?` is the
/// browser's whole help, as before.
@Suite struct LibraryHelpTests {
    /// Every summary the help box can show, one per line, read off the frames while scrolling
    /// through it to the end.
    static func helpSummaries(_ script: inout ScriptedLibrary) -> String {
        var seen: [String] = []
        var previous = ""
        for _ in 0..<40 {
            let text = script.frameText
            if text == previous { break }
            seen.append(text)
            previous = text
            script.press(.pageDown)
        }
        return seen.joined(separator: "\n")
    }

    @Test func theListsHelpShowsTheListsKeysOnly() {
        var script = ScriptedLibrary(size: Size(width: 100, height: 30))
        script.type("?")
        guard case .help(let help) = script.list.mode else {
            Issue.record("? did not open the help: \(script.list.mode)")
            return
        }
        #expect(help.contexts == LibraryState.helpContexts)
        let shown = Self.helpSummaries(&script)
        #expect(shown.contains(" Keys "))
        #expect(shown.contains("Library list"))
        #expect(shown.contains("Search every report; Enter runs it"))
        #expect(shown.contains("Compare the marked report with this one"))
        #expect(shown.contains("Suspend to the shell; fg comes back"))
        // The browser's own keys are not the list's.
        #expect(!shown.contains("Open the file in $VISUAL or $EDITOR"), "\(shown)")
        #expect(!shown.contains("Go to the address typed"), "\(shown)")
        #expect(!shown.contains("Read on into the next section"), "\(shown)")
        // Every line the box can show fits, so the scroll ends at the list's own last row.
        let lines = HelpOverlay.lines(ascii: false, contexts: LibraryState.helpContexts)
        let every = HelpOverlay.lines(ascii: false)
        #expect(lines.count < every.count)
        #expect(lines.filter { !$0.isGroup && !$0.keys.isEmpty }.allSatisfy { line in
            KeyBindings.all.contains { binding in binding.summary == line.summary && LibraryState.helpContexts.contains(binding.context) }
                || KeyBindings.mouse.contains { $0.1 == line.summary }
        })
        script.press(.escape)
        guard case .list = script.list.mode else {
            Issue.record("Esc did not close the help")
            return
        }
    }

    @Test func insideAnOpenedReportHelpIsTheBrowsersWhole() {
        var script = ScriptedLibrary(size: Size(width: 100, height: 30))
        script.type("\n?")
        #expect(script.session.current != nil)
        let shown = Self.helpSummaries(&script)
        #expect(shown.contains("Open the file in $VISUAL or $EDITOR"), "\(shown)")
    }
}
