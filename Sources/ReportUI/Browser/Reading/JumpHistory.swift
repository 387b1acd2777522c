/// Back and forward through jumps, as in a web browser: a new jump after going back drops the
/// places ahead.
package struct JumpHistory: Hashable, Sendable {
    package private(set) var places: [BrowserPlace] = []
    /// The slot of the current place; equal to `places.count` when the current place is new.
    package private(set) var index = 0
    private let capacity: Int

    package init(capacity: Int = 200) {
        self.capacity = capacity
    }

    package var canGoBack: Bool { index > 0 }
    package var canGoForward: Bool { index + 1 < places.count }

    /// Call before jumping away from `current`.
    package mutating func record(leaving current: BrowserPlace) {
        places.removeSubrange(min(index, places.count)...)
        if places.last != current { places.append(current) }
        if places.count > capacity { places.removeFirst(places.count - capacity) }
        index = places.count
    }

    /// The place to return to, remembering `current` so forward comes back to it.
    package mutating func back(from current: BrowserPlace) -> BrowserPlace? {
        guard canGoBack else { return nil }
        remember(current)
        index -= 1
        return places[index]
    }

    package mutating func forward(from current: BrowserPlace) -> BrowserPlace? {
        guard canGoForward else { return nil }
        remember(current)
        index += 1
        return places[index]
    }

    private mutating func remember(_ current: BrowserPlace) {
        if index == places.count { places.append(current) } else { places[index] = current }
    }
}
