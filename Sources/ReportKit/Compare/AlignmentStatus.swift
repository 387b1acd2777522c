/// What became of a section between two versions of a report.
public enum AlignmentStatus: String, Sendable, Hashable, CaseIterable {
    /// Same text, subsections included, under the same markers.
    case same
    /// One section on each side, its text or a subsection's changed.
    case modified
    /// Same text, subsections included, under other markers or another parent (renumbered).
    case moved
    /// One old section continued by several new ones; one pair per new section.
    case split
    /// Several old sections continued by one new one; one pair per old section.
    case merged
    /// Only in the new version.
    case new
    /// Only in the old version.
    case removed

    /// The one-character mark of outlines and trees; ASCII so it survives every terminal.
    public var mark: Character {
        switch self {
        case .same: "="
        case .modified: "~"
        case .moved: ">"
        case .split: "<"
        case .merged: "&"
        case .new: "+"
        case .removed: "-"
        }
    }

    public var isChange: Bool { self != .same }
}
