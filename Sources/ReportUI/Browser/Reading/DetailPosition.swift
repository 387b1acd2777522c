/// A reading place in the detail pane, anchored to the text rather than to a screen row, so a
/// resize re-wraps the text and the same words stay at the top.
package struct DetailPosition: Hashable, Sendable, Comparable {
    /// The parts a section (or the front matter) is drawn in, in drawing order.
    package enum Part: Int, Hashable, Sendable {
        /// The ancestors of the selected section.
        case breadcrumb
        /// A section heading, or the report title in the front matter.
        case heading
        /// The front matter's 发布日期, 信息来源 … lines.
        case metadata
        case body
        /// The blank line after a section, before the next subsection.
        case gap
    }

    /// The section whose text is at the top; nil for the front matter.
    package var section: Int?
    package var part: Part
    /// In the body: the UTF-8 offset into the section's own text (the front text for the front
    /// matter). Elsewhere: the byte of the part's laid-out text (heading, metadata, path) that
    /// starts the top row, so a re-wrap at another width keeps the same words at the top.
    package var offset: Int

    package init(section: Int?, part: Part, offset: Int) {
        self.section = section
        self.part = part
        self.offset = offset
    }

    /// The top of the document shown for `row`.
    package static func start(of row: OutlineRow) -> DetailPosition {
        DetailPosition(section: row.sectionIndex, part: .breadcrumb, offset: 0)
    }

    private var order: (Int, Int, Int) { (section ?? -1, part.rawValue, offset) }

    package static func < (lhs: DetailPosition, rhs: DetailPosition) -> Bool { lhs.order < rhs.order }
}

/// A run of wrapped lines that is laid out as one: a heading, one paragraph of a body, a gap.
package struct DetailUnit: Hashable, Sendable, Comparable {
    package var section: Int?
    package var part: DetailPosition.Part
    /// The absolute UTF-8 offset where a body paragraph starts; 0 for other parts.
    package var start: Int

    private var order: (Int, Int, Int) { (section ?? -1, part.rawValue, start) }

    package static func < (lhs: DetailUnit, rhs: DetailUnit) -> Bool { lhs.order < rhs.order }
}

/// One line of a unit as laid out.
package struct DetailLine: Sendable {
    package enum Role: Hashable, Sendable {
        case breadcrumb, title, heading, metadata, body, blank
    }

    /// What to draw: visible, tabs expanded, no spaces hanging at the break.
    package var text: String
    package var role: Role
    package var section: Int?
    /// The line's start: a UTF-8 offset into the paragraph for body lines, else the row index.
    package var offset: Int
    /// UTF-8 bytes of the source the line covers (body lines; 0 elsewhere).
    package var sourceLength: Int = 0
    /// The bytes of the unit's laid-out text this line shows, hanging spaces included: of the
    /// paragraph for body lines, of the label for headings. Search highlights map through it.
    package var textRange: Range<Int> = 0..<0
    /// Cells drawn before the source text: a paragraph's first-line indent that the source
    /// does not have.
    package var indent: Int = 0
    /// For a line laid out from joined source lines (reflow): its part of the joined text and
    /// the source bytes it shows, run by run; nil when `textRange` is of the source itself.
    package var joined: Joined?

    package struct Joined: Sendable {
        package var text: Substring
        package var runs: [ReflowedText.Segment]
    }
}

/// A line of the document: which unit and which of its wrapped lines.
package struct DetailCursor: Hashable, Sendable, Comparable {
    package var unit: DetailUnit
    package var line: Int

    package static func < (lhs: DetailCursor, rhs: DetailCursor) -> Bool {
        lhs.unit == rhs.unit ? lhs.line < rhs.line : lhs.unit < rhs.unit
    }
}
