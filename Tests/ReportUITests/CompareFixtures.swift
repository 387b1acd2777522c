import ReportKit

@testable import ReportUI

/// A small regulation and its revision: an article inserted early (every later one
/// renumbered), a number changed (281件 → 350件), an article removed.
enum CompareFixtures {
    static let oldText = """
        示范管理条例

        第一章 总则

        第一条 为了规范示范管理工作，保障各方合法权益，根据有关法律，制定本条例。

        第二条 本条例适用于本市行政区域内的示范管理活动，去年共受理申请281件。

        第三条 市人民政府负责统筹协调示范管理工作，所需经费列入财政预算。

        第二章 监督

        第四条 有关部门应当建立投诉举报制度，及时处理群众反映的问题。

        第五条 违反本条例规定的，由主管部门责令改正，处以罚款。

        第六条 本条例自公布之日起施行。

        """

    static let newText = """
        示范管理条例

        第一章 总则

        第一条 为了规范示范管理工作，保障各方合法权益，根据有关法律，制定本条例。

        第二条 本条例适用于本市行政区域内的示范管理活动，去年共受理申请350件。

        第三条 示范管理工作应当坚持公开透明、便民高效的原则，接受社会监督。

        第四条 市人民政府负责统筹协调示范管理工作，所需经费列入财政预算。

        第二章 监督

        第五条 有关部门应当建立投诉举报制度，及时处理群众反映的问题。

        第六条 本条例自公布之日起施行。

        """

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
