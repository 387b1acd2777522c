import ReportKit
import ReportTestSupport

@testable import ReportUI

/// The shared regulation pair (`RevisedRegulation`) as compare documents and sessions.
enum CompareFixtures {
    static let oldText = RevisedRegulation.old
    static let newText = RevisedRegulation.new

    static func document(old: String = oldText, new: String = newText, ascii: Bool = false) -> CompareDocument {
        CompareDocument(
            old: ReportParser.parse(old), new: ReportParser.parse(new), oldName: "old.txt", newName: "new.txt",
            arrow: CompareTheme(color: true, ascii: ascii).arrow)
    }

    /// A session driven through the real key table, as the run loop drives it.
    static func session(
        _ document: CompareDocument? = nil, size: Size = Size(width: 120, height: 30), color: Bool = true,
        ascii: Bool = false
    ) -> CompareSession {
        CompareSession(document: document ?? Self.document(ascii: ascii), theme: CompareTheme(color: color, ascii: ascii), size: size)
    }

    /// The position of the first pair whose new (or else old) section has this address.
    static func pair(_ document: CompareDocument, new address: String) -> Int? {
        document.alignment.pairs.firstIndex { $0.new.map { document.new.sections[$0].address } == address }
    }

    static func pair(_ document: CompareDocument, old address: String) -> Int? {
        document.alignment.pairs.firstIndex { $0.old.map { document.old.sections[$0].address } == address }
    }
}

extension CompareSession {
    mutating func press(_ keys: Key...) {
        for key in keys { _ = handle(.key(key)) }
    }

    mutating func type(_ text: String) {
        for character in text { press(character == "\n" ? .enter : .character(character)) }
    }

    var lines: [String] { frame().screen.lines }
    var statusLine: String { lines.last ?? "" }
}
