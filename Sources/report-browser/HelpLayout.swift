import ReportUI

/// Lays out ArgumentParser's help text by display width. Its own layout counts characters, so
/// a Chinese word (two cells a character) pushed descriptions out of their column and lines past
/// the terminal's edge. We take its help unwrapped and do the padding and wrapping here, with the
/// browser's DisplayWidth and LineBreaker.
enum HelpLayout {
    /// Where ArgumentParser starts the description of an argument or option.
    static let descriptionColumn = 26

    static func render(_ unwrapped: String, width: Int) -> String {
        var output: [String] = []
        var inExamples = false
        var exampleBlock: [String] = []
        func flushExamples() {
            output += alignExamples(exampleBlock, width: width)
            exampleBlock = []
        }
        for line in unwrapped.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if inExamples, line.hasPrefix("  ") {
                exampleBlock.append(line)
                continue
            }
            flushExamples()
            inExamples = line.hasSuffix("Examples:")
            if line.hasPrefix("  "), let (label, description) = split(entry: line) {
                output += hanging(label: label, description: description, column: descriptionColumn, width: width)
            } else if line.hasPrefix("USAGE: ") {
                output += wrap(String(line.dropFirst(7)), width: width - 7, firstPrefix: "USAGE: ", prefix: String(repeating: " ", count: 7))
            } else {
                let indent = String(line.prefix { $0 == " " })
                output += wrap(String(line.dropFirst(indent.count)), width: width - indent.count, firstPrefix: indent, prefix: indent)
            }
        }
        flushExamples()
        return output.joined(separator: "\n")
    }

    /// `  label   description`: the label runs up to the first gap of two or more spaces.
    private static func split(entry line: String) -> (String, String)? {
        let body = line.dropFirst(2)
        guard let gap = body.firstRange(of: "  ") else { return nil }
        let label = String(body[..<gap.lowerBound])
        let description = body[gap.upperBound...].drop { $0 == " " }
        guard !label.isEmpty, !description.isEmpty else { return nil }
        return ("  " + label, String(description))
    }

    /// Examples share one description column, the widest command's plus two cells.
    private static func alignExamples(_ lines: [String], width: Int) -> [String] {
        let entries = lines.map { split(entry: $0) }
        let widest = entries.compactMap { $0.map { DisplayWidth.of($0.0) } }.max() ?? 0
        let column = min(widest + 2, width - 24)
        return zip(lines, entries).flatMap { line, entry -> [String] in
            guard let (command, description) = entry else {
                return wrap(String(line.dropFirst(2)), width: width - 4, firstPrefix: "  ", prefix: "    ")
            }
            return hanging(label: command, description: description, column: column, width: width)
        }
    }

    /// The label, then the description from `column` on, wrapped to start there on every line;
    /// a label reaching the column gets the description on the next line.
    private static func hanging(label: String, description: String, column: Int, width: Int) -> [String] {
        let indent = String(repeating: " ", count: column)
        let labelWidth = DisplayWidth.of(label)
        var lines = wrap(description, width: max(20, width - column), firstPrefix: indent, prefix: indent)
        if labelWidth + 2 <= column {
            lines[0] = label + String(repeating: " ", count: column - labelWidth) + lines[0].dropFirst(column)
        } else {
            lines.insert(label, at: 0)
        }
        return lines
    }

    private static func wrap(_ text: String, width: Int, firstPrefix: String, prefix: String) -> [String] {
        guard !text.isEmpty else { return [firstPrefix.trimmingTrailingSpaces()] }
        let pieces = LineBreaker.wrapLines(Substring(text), width: max(10, width))
        return pieces.enumerated().map { index, piece in
            ((index == 0 ? firstPrefix : prefix) + piece).trimmingTrailingSpaces()
        }
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
