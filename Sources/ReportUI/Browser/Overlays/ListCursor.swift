/// The moves every list overlay shares: a row, a page, the ends, the wheel.
enum ListCursor {
    /// Where `cursor` goes in a list of `count` rows; nil when the action is not a move.
    static func moved(_ cursor: Int, by action: Action, count: Int, page: Int) -> Int? {
        let target: Int
        switch action {
        case .moveDown: target = cursor + 1
        case .moveUp: target = cursor - 1
        case .pageDown: target = cursor + page
        case .pageUp: target = cursor - page
        case .goFirst: target = 0
        case .goLast: target = count - 1
        case .scroll(_, _, let lines): target = cursor + lines
        default: return nil
        }
        return min(max(0, target), max(0, count - 1))
    }
}
