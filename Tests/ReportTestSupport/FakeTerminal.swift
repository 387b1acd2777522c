import ReportUI

/// An in-memory terminal: plays a script of events and keeps every frame presented.
package final class FakeTerminal: Terminal {
    package private(set) var size: Size
    private var events: [InputEvent]
    package private(set) var frames: [Screen] = []
    package private(set) var cursors: [(x: Int, y: Int)?] = []

    package init(size: Size, events: [InputEvent]) {
        self.size = size
        self.events = events
    }

    package func nextEvent() -> InputEvent? {
        guard !events.isEmpty else { return nil }
        let event = events.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        return event
    }

    package func present(_ screen: Screen, cursor: (x: Int, y: Int)?) {
        frames.append(screen)
        cursors.append(cursor)
    }

    package var lastFrame: Screen { frames.last ?? Screen(size: size) }
    package var lastText: String { lastFrame.lines.joined(separator: "\n") }
}
