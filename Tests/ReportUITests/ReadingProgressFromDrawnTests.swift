import ReportKit
import Testing

@testable import ReportUI

/// The status line reads the section, lines and percentage off the lines the text pane drew
/// in the same frame; they must be the figures of laying the pane out on its own, in every
/// layout (side by side, stacked, one pane with either pane shown) and wherever the text is.
@Suite struct ReadingProgressFromDrawnTests {
    @Test(arguments: [Size(width: 120, height: 40), Size(width: 70, height: 30), Size(width: 70, height: 10)])
    func theStatusLineShowsTheFiguresOfThePaneLaidOutAlone(size: Size) {
        var script = SearchScript(BrowserFixtures.seed, size: size)
        script.type(":1\n")
        script.press([.tab])
        var checked = 0
        var seenLines: Set<String> = []
        for step in 0..<16 {
            let progress = ReadingProgress.of(
                script.state, report: script.report, origin: nil, glyphs: .unicode, lineCache: DetailLineCache())
            let status = script.status
            let lines = progress.linesText(ascii: false) ?? "none"
            #expect(status.contains(lines), "step \(step), \(size): \(status)")
            #expect(status.contains(" \(progress.percentText) "), "step \(step), \(size): \(status)")
            #expect(status.contains(progress.sectionText), "step \(step), \(size): \(status)")
            seenLines.insert(lines)
            checked += 1
            // Some steps with the tree focused: in the one-pane layout the text is not drawn then.
            script.press(step % 3 == 2 ? [.tab] : [.pageDown])
        }
        #expect(checked == 16)
        // The steps moved through the text: the figures were not all the same.
        #expect(seenLines.count >= 3, "\(seenLines)")
        if script.state.focus == .tree { script.press([.tab]) }
        script.press([.character("G")])
        #expect(script.status.contains(" 100% "), "\(script.status)")
    }
}
