/// Which version a pane shows.
package enum CompareSide: Hashable, Sendable, CaseIterable {
    case old
    case new
}

/// What a piece of compared text is, which decides its style: unchanged, deleted (old side) or
/// inserted (new side), and a changed number inside such a change, called out more strongly.
package enum CompareMark: Hashable, Sendable {
    case plain
    case changed
    case changedNumber
}

/// One drawn piece of a compared line: what to draw (a character, or a TAB's spaces, or a
/// control character's placeholder), where it came from in its report, and its mark.
package struct CompareGlyph: Hashable, Sendable {
    package let text: String
    /// UTF-8 offset in the report's text, so search hits can be painted; -1 for made-up text.
    package let offset: Int
    package let mark: CompareMark
}

/// One screen row of one side of a pair.
package struct CompareLine: Hashable, Sendable {
    package enum Role: Hashable, Sendable {
        /// The section's heading line (its marker and heading).
        case heading
        case body
        /// A line the compare view adds: "only in the new version", "continued from above".
        case note
        /// The numbers that changed, listed under the new text.
        case numbers
    }

    package let role: Role
    package let glyphs: [CompareGlyph]

    package init(role: Role, glyphs: [CompareGlyph]) {
        self.role = role
        self.glyphs = glyphs
    }

    /// A line of made-up text, one mark throughout.
    package init(role: Role, text: String, mark: CompareMark = .plain) {
        self.role = role
        glyphs = text.map { CompareGlyph(text: String($0), offset: -1, mark: mark) }
    }

    package var text: String { glyphs.map(\.text).joined() }
}
