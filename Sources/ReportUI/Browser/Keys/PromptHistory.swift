/// Earlier entries of a prompt, recalled with ↑ and ↓ as in a shell: ↑ goes back from what is
/// being typed, ↓ comes forward again and ends at the text typed before recalling.
package struct PromptHistory: Hashable, Sendable {
    /// Oldest first, no repeats.
    package private(set) var entries: [String]
    /// The entry shown, while recalling; nil while typing.
    private var position: Int?
    private var draft = ""
    private let capacity: Int

    package init(entries: [String] = [], capacity: Int = 100) {
        self.capacity = max(1, capacity)
        self.entries = Array(entries.suffix(self.capacity))
    }

    /// Keeps a submitted entry as the newest; an earlier equal one moves up.
    package mutating func record(_ entry: String) {
        position = nil
        guard !entry.allSatisfy(\.isWhitespace) else { return }
        entries.removeAll { $0 == entry }
        entries.append(entry)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
    }

    /// Forgets where recalling had got to, when a new prompt opens.
    package mutating func restart() {
        position = nil
        draft = ""
    }

    /// The entry before the one shown; `typed` is kept as the draft when recalling starts.
    package mutating func older(than typed: String) -> String? {
        let next = (position ?? entries.count) - 1
        guard next >= 0, next < entries.count else { return nil }
        if position == nil { draft = typed }
        position = next
        return entries[next]
    }

    /// The entry after the one shown, or the draft after the newest.
    package mutating func newer() -> String? {
        guard let current = position else { return nil }
        if current + 1 < entries.count {
            position = current + 1
            return entries[current + 1]
        }
        position = nil
        return draft
    }
}
