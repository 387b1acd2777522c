import ReportKit

/// A view drawn over the panes that takes the keyboard while it is open: the help, the search
/// results, the marks list, the go-to candidates. The browser knows overlays only through this
/// protocol (as tig's `view_ops` or Helix's `Component`), so a new one is a new file plus its
/// rows in the key table.
package protocol BrowserOverlay: Sendable {
    /// The rows of the key table that apply while the overlay is open. The status line shows
    /// that context's hints; a context without hints leaves the browsing status in place.
    var keyContext: BindingContext { get }

    /// Takes an action meant for the overlay: changes the overlay's own state and says whether
    /// it stays open and what the browser should do.
    mutating func handle(_ action: Action, in view: ReportView) -> OverlayResult

    /// Draws the overlay over a frame whose panes are already drawn.
    func draw(into screen: inout Screen, view: ReportView, theme: BrowserTheme)
}

/// What an overlay hands back after an action.
package struct OverlayResult: Sendable {
    package var closes: Bool
    package var request: BrowserRequest?

    package static let stays = OverlayResult(closes: false, request: nil)
    package static let closes = OverlayResult(closes: true, request: nil)

    package static func closes(then request: BrowserRequest) -> OverlayResult {
        OverlayResult(closes: true, request: request)
    }

    package static func stays(after request: BrowserRequest) -> OverlayResult {
        OverlayResult(closes: false, request: request)
    }
}

/// What an overlay may ask of the browser: the moves and changes that belong to the panes and
/// the reader's marks rather than to the overlay.
package enum BrowserRequest: Hashable, Sendable {
    /// Select the search hit with this index, as a jump.
    case showHit(Int)
    case jumpToMark(Character)
    case deleteMark(Character)
    /// Select the section with this index, as a jump.
    case jumpToSection(Int)
    /// Select the section and show a byte range of its text, lit as the current search hit (a
    /// figure chosen in the figures list), as a jump.
    case showText(Range<Int>, section: Int?)
}

/// What overlays and panes may read: the report and the browser's state, never changed through
/// this view.
package struct ReportView {
    package let report: Report
    package let size: Size
    package let search: SearchState?
    package let marks: MarkBook
    /// The reading place when the overlay is asked.
    package let place: BrowserPlace
}
