import Foundation
import ReportKit
import ReportTestSupport
import Testing

@testable import ReportUI

/// Every key of the table, resizes and the mouse on every corpus document: nothing traps,
/// the selection stays on screen and the frame always fills the terminal.
@Suite struct BrowserCorpusTests {
    static let documents: [String] = {
        let folder = BrowserFixtures.repositoryRoot.appendingPathComponent("Tests/Corpus/docs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted()
    }()

    static func report(_ name: String) -> Report {
        let url = BrowserFixtures.repositoryRoot.appendingPathComponent("Tests/Corpus/docs/\(name)")
        return ReportParser.parse(String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self))
    }

    /// A long walk: every binding once, then the reading script, with size changes between.
    static let events: [InputEvent] = {
        var events: [InputEvent] = []
        let keys = KeyBindings.all.filter { $0.context == .browse && $0.action != .quit }.flatMap(\.keys)
        for (step, key) in (keys + KeyScripts.typicalKeys + keys.reversed()).enumerated() {
            events.append(.key(key))
            if key == .character(":") { events += [.key(.character("2")), .key(.enter)] }
            // A common character, so that n, N, F and R after it have hits to work on.
            if key == .character("/") { events += [.key(.character("的")), .key(.enter)] }
            if key == .character("R") { events += [.key(.down), .key(.enter)] }
            if key == .character("?") { events.append(.key(.escape)) }
            switch step % 17 {
            case 3: events.append(.resize(Size(width: 60, height: 20)))
            case 7: events.append(.resize(Size(width: 130, height: 40)))
            case 11: events.append(.mouse(MouseEvent(kind: .press, x: 4, y: 6)))
            case 13: events.append(.mouse(MouseEvent(kind: .wheelDown, x: 100, y: 10)))
            case 15: events.append(.resize(Size(width: 15, height: 4)))
            case 16: events.append(.resize(Size(width: 100, height: 12)))
            default: break
            }
        }
        return events
    }()

    @Test func thereIsACorpus() {
        #expect(Self.documents.count >= 5)
    }

    @Test(arguments: documents)
    func everyKeyOnEveryDocument(_ name: String) {
        let report = Self.report(name)
        #expect(!report.sections.isEmpty)
        var session = BrowserSession(report: report, options: BrowserOptions(), size: Size(width: 100, height: 30))
        for event in Self.events {
            let goesOn = session.handle(event)
            #expect(goesOn, "\(event) ended the session")
            let state = session.state
            let frame = session.frame().screen
            #expect(frame.size == state.size)
            let tree = state.layout.tree
            guard !state.layout.isTooSmall, tree.height > 0 else { continue }
            let navigator = state.treeNavigator(for: report)
            #expect(navigator.isVisible(state.selection))
            #expect(navigator.distance(from: state.treeTop, to: state.selection, limit: tree.height) != nil, "\(name) after \(event)")
        }
    }
}
