import ReportKit

/// What `y`, `|`, `v` and `s` act on: in the tree, the selected section with its subsections;
/// in the text pane, the paragraph at the top, as the reader sees it there.
package struct OutgoingText: Hashable, Sendable {
    /// `3.2` or `the paragraph at line 120`, for the status line.
    package var label: String
    package var text: String
    /// The 1-based source line it starts on, for the editor.
    package var line: Int
}

/// The prompt `|` and `s` open: the command or the file name typed, and the text it is for.
package struct OutputPrompt: Sendable {
    package enum Purpose: Hashable, Sendable {
        case pipe, save

        var label: String {
            switch self {
            case .pipe: "|"
            case .save: "Save to: "
            }
        }
    }

    package let purpose: Purpose
    package let outgoing: OutgoingText
    package internal(set) var buffer = PromptBuffer()
}

extension BrowserState {
    package func outgoingText(in report: Report) -> OutgoingText {
        if focus == .detail { return topParagraph(in: report) }
        guard let index = selection.sectionIndex else {
            return OutgoingText(label: "the front matter", text: String(report.slice(report.frontRange)), line: 1)
        }
        let section = report.sections[index]
        return OutgoingText(label: section.address, text: String(report.slice(section.subtreeRange)), line: section.line)
    }

    /// The source line under the top of the text pane: a paragraph is a line of the source.
    private func topParagraph(in report: Report) -> OutgoingText {
        let position = reading
        let base = position.section.map { report.sections[$0].ownRange.lowerBound } ?? report.frontRange.lowerBound
        let offset = position.part == .body ? base + position.offset : base
        let line = report.lines.line(at: min(offset, max(0, report.text.utf8.count - 1)))
        var range = report.lines.range(ofLine: line)
        if report.slice(range).hasSuffix("\n") { range = range.lowerBound..<(range.upperBound - 1) }
        return OutgoingText(label: "the paragraph at line \(line)", text: String(report.slice(range)), line: line)
    }

    /// `y`, `|`, `v`, `s` and the mouse key while browsing.
    mutating func applyTextOut(_ action: Action, context: BrowserContext) -> [Effect] {
        let outgoing = outgoingText(in: context.report)
        switch action {
        case .copyText: return [.copy(outgoing)]
        case .editSource: return [.edit(line: outgoing.line)]
        case .pipeText: mode = .outputPrompt(OutputPrompt(purpose: .pipe, outgoing: outgoing))
        case .saveText: mode = .outputPrompt(OutputPrompt(purpose: .save, outgoing: outgoing))
        case .toggleMouse:
            mouseCaptured.toggle()
            return [.captureMouse(mouseCaptured)]
        default: break
        }
        return []
    }

    mutating func applyOutputPrompt(_ action: Action, prompt: OutputPrompt) -> [Effect] {
        var prompt = prompt
        if prompt.buffer.edit(action) {
            mode = .outputPrompt(prompt)
            return []
        }
        switch action {
        case .cancelPrompt: mode = .browse
        case .submitPrompt:
            mode = .browse
            let typed = String(prompt.buffer.text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
            guard !typed.isEmpty else { return [] }
            switch prompt.purpose {
            case .pipe: return [.pipe(prompt.outgoing, command: typed)]
            case .save: return [.save(prompt.outgoing, path: typed)]
            }
        default: break
        }
        return []
    }
}
