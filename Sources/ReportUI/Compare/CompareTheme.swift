import ReportKit

/// The compare view's styles on top of the browser's theme: a colour per status, and how a
/// deletion, an insertion and a changed number stand out. Without colour the marks
/// (`= ~ > < & + -`) carry the status, and reverse video the changed text: each pane shows only
/// one kind of change (deletions left or above, insertions right or below), so one attribute suffices.
package struct CompareTheme: Sendable {
    package let base: BrowserTheme
    package let color: Bool
    /// Between the two sides of a pair in the tree and in callouts: `→`, or `->` in ASCII.
    package let arrow: String

    package init(color: Bool, ascii: Bool) {
        base = .standard(color: color, ascii: ascii)
        self.color = color
        arrow = ascii ? "->" : "→"
    }

    package func status(_ status: AlignmentStatus) -> CellStyle {
        guard color else {
            switch status {
            case .same: return .plain
            case .modified: return CellStyle(attributes: .bold)
            case .moved: return CellStyle(attributes: .underline)
            case .split, .merged: return CellStyle(attributes: [.bold, .underline])
            case .new: return CellStyle(attributes: .bold)
            case .removed: return CellStyle(attributes: .dim)
            }
        }
        switch status {
        case .same: return .plain
        case .modified: return CellStyle(foreground: .yellow)
        case .moved: return CellStyle(foreground: .cyan)
        case .split, .merged: return CellStyle(foreground: .magenta)
        case .new: return CellStyle(foreground: .green)
        case .removed: return CellStyle(foreground: .red)
        }
    }

    /// A changed piece of text on one side.
    package func change(_ mark: CompareMark, side: CompareSide) -> CellStyle? {
        switch mark {
        case .plain: return nil
        case .changed:
            return color ? CellStyle(foreground: side == .old ? .red : .green, attributes: .reverse) : CellStyle(attributes: .reverse)
        case .changedNumber:
            return color
                ? CellStyle(foreground: .yellow, attributes: [.reverse, .bold])
                : CellStyle(attributes: [.reverse, .bold, .underline])
        }
    }

    package var note: CellStyle { base.metadata }
    package var numbers: CellStyle { color ? CellStyle(foreground: .yellow, attributes: .bold) : CellStyle(attributes: .bold) }
    package var paneTitle: CellStyle { base.status }
}
