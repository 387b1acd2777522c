/// Comparing two members from the list: `m` marks the old side, `c` on another report opens
/// the compare view with it. The mark stays until it is taken off or the member turns out
/// unreadable, so one old version can be compared with several new ones in turn.
extension LibraryState {
    /// The entry of the selected row, a report's or one of its hit sections'.
    private var selectedEntry: Int? { selectedRow?.entry }

    mutating func markCompareOld() {
        guard let entry = selectedEntry else {
            message = BrowserState.Message(text: "Move to a report to mark it for comparing", isError: false)
            return
        }
        let name = entries[entry].fileName
        if compareOld == entry {
            compareOld = nil
            message = BrowserState.Message(text: "Unmarked \(name)", isError: false)
        } else if let failure = entries[entry].failure {
            message = BrowserState.Message(text: "\(name) cannot be read: \(failure)", isError: true)
        } else {
            compareOld = entry
            message = BrowserState.Message(text: "Old side: \(name) · c on another report compares", isError: false)
        }
    }

    mutating func compareWithMarked() -> [LibraryEffect] {
        guard let old = compareOld else {
            message = BrowserState.Message(text: "Mark the old side first: m on a report, then c on another", isError: false)
            return []
        }
        guard let new = selectedEntry else {
            message = BrowserState.Message(text: "Move to a report to compare it with \(entries[old].fileName)", isError: false)
            return []
        }
        if new == old {
            message = BrowserState.Message(
                text: "\(entries[old].fileName) is the marked report itself · c on another report compares", isError: false)
            return []
        }
        if let failure = entries[new].failure {
            message = BrowserState.Message(text: "\(entries[new].fileName) cannot be read: \(failure)", isError: true)
            return []
        }
        return [.compare(old: old, new: new)]
    }

    /// The compare view could not open because a side is unreadable: say which, and drop a
    /// mark that can never be compared.
    package mutating func compareFailed(entry: Int, reason: String) {
        if compareOld == entry { compareOld = nil }
        markUnreadable(entry, reason: reason)
    }
}
