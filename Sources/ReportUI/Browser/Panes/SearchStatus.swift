import Foundation
import ReportKit

/// The words the status line uses for a search: the prompt's label and feedback while typing,
/// and the summary shown while browsing.
package enum SearchStatus {
    /// `/`, or with modes on `/ [regex] [in 3.2] `.
    package static func promptLabel(of query: SearchQuery?, report: Report) -> String {
        var flags: [String] = []
        if query?.isRegex == true { flags.append("[regex]") }
        if let scope = query?.scope, report.sections.indices.contains(scope) {
            flags.append("[in \(report.sections[scope].address)]")
        }
        return flags.isEmpty ? "/" : "/ " + flags.joined(separator: " ") + " "
    }

    /// What the right end of the search prompt says: a message, the regex error, where the
    /// typing has got to among the hits, or the prompt's keys while nothing is typed.
    package static func promptFeedback(of state: BrowserState, ascii: Bool, width: Int) -> (text: String, isError: Bool) {
        if let message = state.message { return (" \(message.text) ", message.isError) }
        guard let search = state.search else { return ("", false) }
        if case .invalidPattern(_, let reason)? = search.error {
            // The pattern is on screen already: only what is wrong with it.
            return (" Invalid regex: \(reason) ", true)
        }
        if let error = search.error { return (" \(BrowserState.sentence(error.description)) ", true) }
        if search.results != nil { return (" \(search.positionText) ", false) }
        if search.awaitsIndex { return (ascii ? " indexing... " : " indexing… ", false) }
        guard width >= 60 else { return ("", false) }
        let keys = [(Key.control("r"), "regex"), (.control("s"), "scope"), (.escape, "cancel")]
        return (" " + keys.map { "\($0.0.label(ascii: ascii)) \($0.1)" }.joined(separator: "  ") + " ", false)
    }

    /// ` /信用修复 2/3 [filtered] ` for the status line, shorter when `room` is tight.
    package static func summary(of search: SearchState, ellipsis: String, room: Int) -> String {
        let filtered = search.isFiltered ? " [filtered]" : ""
        let position = search.positionText.isEmpty ? "" : " " + search.positionText
        let bare = position + filtered + " "
        let queryRoom = min(16, room - DisplayWidth.of(bare) - 2)
        guard queryRoom >= 4 else { return DisplayWidth.of(bare) <= room ? bare : "" }
        let query = search.query.text.trimmingCharacters(in: .whitespaces)
        return " /" + TextClip.clip(query, toWidth: queryRoom, ellipsis: ellipsis) + bare
    }
}
