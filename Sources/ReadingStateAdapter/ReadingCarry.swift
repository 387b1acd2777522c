import ReaderState
import ReportKit
import ReportUI

/// The browser's reading moved from one text of a report to an edited one, as a saved state
/// is when the file changed between sessions: each anchor becomes a `ReadingPlace` (its words)
/// in the old text and is found again in the new one. Used when the editor run by `v` changed
/// the file; it needs no state directory, so it works with state off too.
package enum ReadingCarry {
    /// The reading in `new`'s terms, and a notice for marks or a place whose words are gone.
    package static func carry(
        _ reading: RememberedReading, from old: Report, to new: Report
    ) -> (reading: RememberedReading, notices: [String]) {
        func moved(_ anchor: TextAnchor) -> TextAnchor? {
            ReaderStateBridge.anchor(of: ReaderStateBridge.place(at: anchor, in: old), in: new)
        }
        var carried = reading
        carried.marks = [:]
        var dropped: [Character] = []
        for (letter, anchor) in reading.marks.sorted(by: { $0.key < $1.key }) {
            if let found = moved(anchor) { carried.marks[letter] = found } else { dropped.append(letter) }
        }
        var notices: [String] = []
        if !dropped.isEmpty {
            let names = dropped.map(String.init).joined(separator: ", ")
            notices.append("\(dropped.count == 1 ? "mark" : "marks") \(names) dropped: the edit removed \(dropped.count == 1 ? "its" : "their") text")
        }
        if let place = reading.place {
            carried.place = moved(place)
            if carried.place == nil { notices.append("the text at the top is gone; starting at the top") }
        }
        return (carried, notices)
    }
}
