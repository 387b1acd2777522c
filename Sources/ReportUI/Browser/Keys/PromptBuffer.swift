/// The text of a prompt with its cursor. Positions count whole characters, so a Chinese
/// character is inserted, crossed and deleted as one; the screen column comes from display
/// width.
package struct PromptBuffer: Hashable, Sendable {
    package private(set) var characters: [Character] = []
    /// Index into `characters`: the cursor sits before this character.
    package private(set) var cursor = 0

    package init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    package var text: String { String(characters) }
    package var isEmpty: Bool { characters.isEmpty }

    /// Cells from the start of the text to the cursor.
    package var cursorColumn: Int { DisplayWidth.of(String(characters[..<cursor])) }

    package mutating func insert(_ character: Character) {
        characters.insert(character, at: cursor)
        cursor += 1
    }

    package mutating func deleteBackward() {
        guard cursor > 0 else { return }
        cursor -= 1
        characters.remove(at: cursor)
    }

    package mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    package mutating func moveLeft() { cursor = max(0, cursor - 1) }
    package mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    package mutating func moveToStart() { cursor = 0 }
    package mutating func moveToEnd() { cursor = characters.count }
}
