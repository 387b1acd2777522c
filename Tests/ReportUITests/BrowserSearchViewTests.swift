import ReportKit
import ReportTestSupport
import Testing

@testable import ReportUI

/// The results list, the filtered tree, and the prompt's modes, editing and history.
@Suite struct BrowserSearchViewTests {
    static let theme = BrowserTheme.standard(color: false, ascii: false)

    /// The overlay's rows, inside its frame.
    func listRows(_ script: SearchScript) -> [String] {
        let frame = script.frame()
        let box = HelpOverlay.frame(in: frame.size)
        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
        return BrowserFixtures.rows(of: frame, in: inner).filter { !$0.isEmpty }
    }

    @Test func theResultsListShowsEveryHitUnderItsSectionAndEnterJumps() {
        var script = SearchScript()
        script.type("/信用修复\nR")
        #expect(script.state.bindingContext == .results)
        let rows = listRows(script)
        #expect(rows.count == 5, "\(rows)")
        #expect(rows[0].hasPrefix("1.2 一、主要举措和突出成效 › (二)创新改革举措") && rows[0].hasSuffix("(2)"), "\(rows[0])")
        #expect(rows[3].hasPrefix("4.2 四、2025年主要工作安排 › (二)聚焦改革创新") && rows[3].hasSuffix("(1)"), "\(rows[3])")
        for hitRow in [rows[1], rows[2], rows[4]] {
            #expect(hitRow.contains("信用修复"), "\(hitRow)")
            #expect(DisplayWidth.of(hitRow) <= HelpOverlay.frame(in: script.state.size).width - 4)
        }
        // Line numbers: 6 for both hits of (二), 20 for 4.2's.
        let numbers = [rows[1], rows[2], rows[4]].map { $0.trimmingLeadingSpaces.prefix { $0 != " " } }
        #expect(numbers == ["6", "6", "20"], "\(rows)")
        // The current hit is the selected row, its hit lit distinctly.
        #expect(script.state.resultsList.selected == 0)

        script.press([.down, .down])
        #expect(script.state.resultsList.selected == 2)
        script.press([.down])
        #expect(script.state.resultsList.selected == 2)
        script.press([.enter])
        #expect(script.state.bindingContext == .browse)
        #expect(script.address == "4.2")
        #expect(script.status.contains(" 3/3 "))
        // The jump is in the history. Back there, n goes on from the top of the text.
        script.press([.control("o")])
        #expect(script.address == "1.2")
        script.type("n")
        #expect(script.status.contains(" 1/3 "))
    }

    @Test(arguments: [Key.escape, .character("q"), .character("R")])
    func theResultsListClosesWithoutMoving(_ key: Key) {
        var script = SearchScript()
        script.type("/信用修复\nR")
        script.press([.down, .down, key])
        #expect(script.state.bindingContext == .browse)
        #expect(script.address == "1.2")
        #expect(!script.state.hasQuit)
        #expect(script.listRowsAreGone)
    }

    @Test func theResultsListScrollsToKeepTheSelectionInView() {
        // 法治 is everywhere in the seed: more hits than a small window has rows.
        var script = SearchScript(size: Size(width: 80, height: 14))
        script.type("/法治\nR")
        guard let results = script.state.search?.results else {
            Issue.record("no results")
            return
        }
        #expect(results.totalCount > SearchResultsOverlay.bodyHeight(in: script.state.size))
        script.press([.end])
        #expect(script.state.resultsList.selected == results.totalCount - 1)
        let lastLine = String(results.hits[results.totalCount - 1].line)
        #expect(listRows(script).last?.trimmingLeadingSpaces.hasPrefix(lastLine + "  ") == true, "\(listRows(script))")
        script.press([.home])
        let firstPath = SearchResultsOverlay.sectionPath(of: results.sections[0], report: script.report, separator: " › ")
        #expect(listRows(script).first?.hasPrefix(String(firstPath.prefix(8))) == true, "\(listRows(script))")
        script.press([.pageDown])
        #expect(script.state.resultsList.selected == SearchResultsOverlay.bodyHeight(in: script.state.size) - 1)
    }

    @Test func resultRowsAreWorkedOutFromTheirNumber() {
        var script = SearchScript()
        script.type("/法治\n")
        guard let results = script.state.search?.results else {
            Issue.record("no results")
            return
        }
        let rows = SearchResultRows(results)
        var listed: [SearchResultRows.Row] = []
        for match in results.sections {
            listed.append(.section(match))
            for hit in match.hitIndices { listed.append(.hit(hit)) }
        }
        #expect(rows.count == listed.count)
        #expect((0..<rows.count).map(rows.row(at:)) == listed)
        for hit in 0..<results.totalCount {
            #expect(listed[rows.rowIndex(ofHit: hit)] == .hit(hit))
        }
    }

    @Test func theFilterPrunesTheTreeToTheHitsAndTheirAncestors() {
        var script = SearchScript()
        let allRows = script.treeRows
        script.type("/信用修复\nF")
        let rows = script.treeRows
        #expect(rows.count == 5, "\(rows)")
        let expected = ["杭州市钱塘区", "▾ 一、主要举措", "└─· (二)创新改革举措", "▾ 四、2025年", "└─· (二)聚焦改革创新"]
        for (row, prefix) in zip(rows, expected) { #expect(row.hasPrefix(prefix), "\(row)") }
        #expect(script.status.contains("[filtered]"))
        // Moving walks the kept rows only.
        script.type("g")
        var seen: [String?] = [script.address]
        for _ in 0..<5 {
            script.type("j")
            seen.append(script.address)
        }
        #expect(seen == [nil, "1", "1.2", "4", "4.2", "4.2"])
        // Toggling again restores the whole tree as it was.
        script.type("F")
        #expect(!script.status.contains("[filtered]"))
        #expect(script.treeRows.count == allRows.count)
        #expect(script.address == "4.2")
    }

    @Test func theFilterKeepsFoldingAsItWasAndYieldsToAJump() {
        var script = SearchScript()
        script.type("C/信用修复\n")
        let folded = script.state.expansion
        script.type("F")
        // Filtering opens the kept sections…
        #expect(script.treeRows.count == 5)
        script.type("F")
        // …and what was open before comes back.
        #expect(script.state.expansion == folded)
        // A go-to to a section without hits turns the filter off…
        script.type("F:3.2\n")
        #expect(script.address == "3.2")
        #expect(script.state.search?.isFiltered == false)
        #expect(!script.status.contains("[filtered]"))
        #expect(script.status.contains("Filter off"))
        // …and so does coming back to such a place through the history.
        script.press([.control("o")])
        #expect(script.address == "1.2")
        script.type("F")
        #expect(script.state.search?.isFiltered == true)
        script.press([.control("n")])
        #expect(script.address == "3.2")
        #expect(script.state.search?.isFiltered == false)
    }

    @Test func regexModeTogglesAndABadPatternIsAMessageNotACrash() {
        var script = SearchScript()
        script.press([.character("/"), .control("r")])
        #expect(script.status.hasPrefix("/ [regex] "), "\(script.status)")
        script.type("信用.复")
        #expect(script.state.search?.hitCount == 3)
        #expect(script.status.hasSuffix(" 1/3"), "\(script.status)")
        script.type("(")
        #expect(script.state.search?.error != nil)
        #expect(script.state.search?.results == nil)
        #expect(script.status.contains("Invalid regex: "), "\(script.status)")
        let frame = script.frame()
        let errorCells = frame.cells.suffix(frame.size.width).filter { $0.style == Self.theme.statusError }
        #expect(!errorCells.isEmpty)
        script.type("\n")
        #expect(script.status.contains("Invalid regular expression"), "\(script.status)")
        script.type("n")
        #expect(script.status.contains("Invalid regular expression"))
        // Regex mode carries over to the next search, and Ctrl-R turns it off.
        script.type("/")
        #expect(script.status.hasPrefix("/ [regex] "))
        script.press([.control("r")])
        script.type("信用.复")
        #expect(script.status.hasPrefix("/信用.复"))
        #expect(script.state.search?.hitCount == 0)
    }

    @Test func theScopeLimitsHitsToTheSelectedSubtree() {
        var script = SearchScript()
        script.type("}}}}")
        #expect(script.address == "4")
        script.press([.character("/"), .control("s")])
        #expect(script.status.hasPrefix("/ [in 4] "), "\(script.status)")
        script.type("信用修复")
        #expect(script.state.search?.hitCount == 1)
        #expect(script.address == "4.2")
        // Typing moved the selection; the scope stays where the prompt opened.
        script.press([.control("r")])
        #expect(script.status.hasPrefix("/ [regex] [in 4] 信用修复"), "\(script.status)")
        script.press([.control("r"), .control("s")])
        #expect(script.state.search?.hitCount == 3)
        #expect(script.state.search?.query.scope == nil)
        // From chapter 四 the first hit of the whole report at or after it is 4.2's: 3/3.
        #expect(script.status.hasSuffix(" 3/3"), "\(script.status)")
        // On the title there is no subtree to narrow to.
        var title = SearchScript()
        title.press([.character("/"), .control("s")])
        #expect(title.state.search?.query.scope == nil)
        #expect(title.status.contains("select a section"), "\(title.status)")
    }

    @Test func thePromptEditsChineseByWholeCharacters() {
        let events: [InputEvent] =
            BrowserFixtures.keys("/信用修复") + [.key(.left), .key(.left), .key(.backspace)]
            + BrowserFixtures.keys("用") + [.key(.home), .key(.delete), .key(.end)] + BrowserFixtures.keys("x")
        let terminal = FakeTerminal(size: Size(width: 100, height: 30), events: events)
        _ = BrowserApp(report: BrowserFixtures.seed, options: BrowserOptions(color: false)).run(on: terminal)
        let statuses = terminal.frames.map { $0.lines.last ?? "" }
        let cursors = terminal.cursors.map { $0?.x }
        // `/` is one cell, each ideograph two.
        #expect(statuses[5].hasPrefix("/信用修复") && cursors[5] == 9)
        #expect(cursors[6] == 7 && cursors[7] == 5)
        // Backspace took 用, the character before the cursor, and the hits went with it.
        #expect(statuses[8].hasPrefix("/信修复 ") && cursors[8] == 3, "\(statuses[8])")
        #expect(statuses[8].hasSuffix("no hits"), "\(statuses[8])")
        #expect(statuses[9].hasPrefix("/信用修复") && cursors[9] == 5 && statuses[9].hasSuffix(" 1/3"))
        #expect(statuses[11].hasPrefix("/用修复") && cursors[11] == 1, "\(statuses[11])")
        #expect(statuses[13].hasPrefix("/用修复x") && cursors[13] == 8)
    }

    @Test func upAndDownRecallEarlierSearches() {
        var script = SearchScript()
        script.type("/信用修复\n/法治政府\n/律师")
        script.press([.up])
        #expect(script.state.prompt.text == "法治政府")
        #expect(script.state.search?.query.text == "法治政府")
        script.press([.up])
        #expect(script.state.prompt.text == "信用修复")
        #expect(script.state.search?.hitCount == 3)
        #expect(script.status.hasSuffix("/3"), "\(script.status)")
        script.press([.up])
        #expect(script.state.prompt.text == "信用修复")
        script.press([.down])
        #expect(script.state.prompt.text == "法治政府")
        script.press([.down])
        #expect(script.state.prompt.text == "律师")
        script.press([.down])
        #expect(script.state.prompt.text == "律师")
        // A repeated search moves to the newest place, once.
        script.type("\n/信用修复\n/")
        script.press([.up, .up, .up, .up])
        #expect(script.state.searchHistory.entries == ["法治政府", "律师", "信用修复"])
        #expect(script.state.prompt.text == "法治政府")
    }

    @Test func everySearchKeyIsInTheTableHelpAndReadme() {
        let markdown = KeyBindings.markdownKeyList()
        for group in ["### Search", "### Search prompt", "### Search results"] {
            #expect(markdown.contains(group))
        }
        let required: [(Key, BindingContext, Action)] = [
            (.character("/"), .browse, .openSearch), (.character("n"), .browse, .nextHit),
            (.character("N"), .browse, .previousHit), (.character("R"), .browse, .showResults),
            (.character("F"), .browse, .toggleFilter), (.escape, .browse, .clearSearch),
            (.control("r"), .searchPrompt, .toggleRegex), (.control("s"), .searchPrompt, .toggleScope),
            (.up, .searchPrompt, .historyOlder), (.down, .searchPrompt, .historyNewer),
            (.enter, .searchPrompt, .submitPrompt), (.escape, .searchPrompt, .cancelPrompt),
            (.backspace, .searchPrompt, .deleteBackward), (.character("n"), .searchPrompt, .insert("n")),
            (.character("信"), .searchPrompt, .insert("信")),
            (.enter, .results, .openResult), (.character("q"), .results, .closeResults),
            (.character("j"), .results, .moveDown),
        ]
        for (key, context, action) in required {
            #expect(KeyBindings.action(for: key, in: context) == action, "\(key.label()) in \(context)")
        }
        #expect(KeyBindings.action(for: .control("r"), in: .prompt) == nil)
    }
}

extension String {
    var trimmingLeadingSpaces: Substring { drop { $0 == " " } }
}

extension SearchScript {
    /// True when no results overlay is drawn.
    var listRowsAreGone: Bool { !frame().lines.joined().contains("Enter jumps  Esc closes") }
}
