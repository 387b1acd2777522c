import ReportKit

/// `show --pages`: each line of a PDF's text with the page it came from in front.
enum PageLabels {
    static func label(_ text: String, firstLine: Int, origin: ReportOrigin) -> String {
        var labelled = ""
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
            let page = origin.page(ofLine: firstLine + offset).map { "p.\($0)" } ?? ""
            labelled += page + "\t" + line + "\n"
        }
        return labelled
    }
}
