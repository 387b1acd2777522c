import ReportKit

/// The text forms of `diff`: the aligned outline, the summary and one section's changes.
enum DiffOutput {
    static func writeOutline(_ pairs: [AlignedPair], old: Report, new: Report) {
        var chunk = ""
        for pair in pairs {
            chunk += AlignmentExport.line(pair, old: old, new: new)
            chunk += "\n"
            if chunk.utf8.count >= 1 << 16 {
                StandardStreams.output(chunk, raw: false)
                chunk = ""
            }
        }
        if !chunk.isEmpty { StandardStreams.output(chunk, raw: false) }
    }

    static func stat(_ pairs: [AlignedPair], old: Report, new: Report) -> String {
        var counts: [AlignmentStatus: Int] = [:]
        for pair in pairs { counts[pair.status, default: 0] += 1 }
        var text = "\(old.sections.count) sections → \(new.sections.count) sections, \(pairs.count) pairs\n"
        for status in AlignmentStatus.allCases {
            text += "\(status.mark) \(status.rawValue): \(counts[status] ?? 0)\n"
        }
        return text
    }

    /// Each pair's line, then its text difference: `[-deleted-]` and `{+inserted+}` inline, and
    /// the numbers that changed on lines of their own.
    static func detail(_ pairs: [AlignedPair], old: Report, new: Report) -> String {
        var text = ""
        for pair in pairs {
            text += AlignmentExport.line(pair, old: old, new: new) + "\n"
            let oldText = pair.old.map { String(old.ownText(of: old.sections[$0])) } ?? ""
            let newText = pair.new.map { String(new.ownText(of: new.sections[$0])) } ?? ""
            let difference = TextDifference(old: oldText, new: newText)
            text += "\n" + difference.inlineText() + "\n"
            for change in difference.numberChanges {
                text += "  " + change.old + " → " + change.new + "\n"
            }
            text += "\n"
        }
        return text
    }
}
