import Foundation
import ReportUI

/// Whole-screen snapshot tests: a frame compared cell for cell with a text file recorded
/// before, as ratatui's `Buffer::with_lines` assertions do. `RECORD_SNAPSHOTS=1` writes the
/// files afresh instead of comparing; review the diff before committing it.
package enum GoldenScreen {
    package static var isRecording: Bool { (ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] ?? "").isEmpty == false }

    /// The text a snapshot file holds: the grid inside a frame (`Screen.dump`), then, with
    /// `styles`, one letter per cell naming its style and the legend of those letters.
    package static func text(of screen: Screen, styles: Bool) -> String {
        var text = screen.dump() + "\n"
        guard styles else { return text }
        var letters: [CellStyle: Character] = [:]
        var legend: [String] = []
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        text += "\n"
        for y in 0..<screen.size.height {
            var row = ""
            for x in 0..<screen.size.width {
                let style = screen[x: x, y: y].style
                if style == .plain {
                    row.append(".")
                    continue
                }
                if letters[style] == nil {
                    let letter = letters.count < alphabet.count ? alphabet[letters.count] : "?"
                    letters[style] = letter
                    legend.append("\(letter) \(describe(style))")
                }
                row.append(letters[style] ?? "?")
            }
            text += row + "\n"
        }
        return text + "\n. plain\n" + legend.joined(separator: "\n") + "\n"
    }

    private static func describe(_ style: CellStyle) -> String {
        var words: [String] = []
        if style.foreground != .terminalDefault { words.append("fg \(style.foreground)") }
        if style.background != .terminalDefault { words.append("bg \(style.background)") }
        let names: [(TextAttributes, String)] = [(.bold, "bold"), (.reverse, "reverse"), (.underline, "underline"), (.dim, "dim")]
        for (attribute, name) in names where style.attributes.contains(attribute) { words.append(name) }
        return words.joined(separator: " ")
    }

    /// Compares `screen` with the snapshot `name` in `directory`; nil when they agree (or the
    /// snapshot was just recorded), else what differs, for the test's failure message.
    package static func mismatch(_ screen: Screen, named name: String, in directory: URL, styles: Bool) -> String? {
        let file = directory.appendingPathComponent(name + ".txt")
        let actual = text(of: screen, styles: styles)
        if isRecording {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            do { try actual.write(to: file, atomically: true, encoding: .utf8) } catch { return "cannot record \(file.path): \(error)" }
            return nil
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            return "no snapshot \(file.path); record it with RECORD_SNAPSHOTS=1. The screen:\n\(actual)"
        }
        guard expected != actual else { return nil }
        let expectedLines = expected.components(separatedBy: "\n")
        let actualLines = actual.components(separatedBy: "\n")
        let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        return "\(name) differs from \(file.lastPathComponent) at line \(firstDifference + 1). Expected:\n\(expected)\nActual:\n\(actual)"
    }
}
