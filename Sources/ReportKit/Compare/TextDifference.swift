/// The difference between two versions of one section's text at the level Chinese text changes:
/// characters and numbers, not lines (a hard-wrapped paragraph is one text). Numbers that
/// changed are listed separately (`281件` → `350件`).
public struct TextDifference: Sendable {
    public enum Kind: Sendable, Hashable {
        case equal
        case deleted
        case inserted
    }

    public struct Segment: Sendable, Hashable {
        public let kind: Kind
        public let text: String

        public init(kind: Kind, text: String) {
            self.kind = kind
            self.text = text
        }
    }

    public struct NumberChange: Sendable, Hashable {
        public let old: String
        public let new: String

        public init(old: String, new: String) {
            self.old = old
            self.new = new
        }
    }

    public let segments: [Segment]
    public let numberChanges: [NumberChange]

    /// Beyond this many edits, or when what differs is longer than `maximumMiddle` tokens, the
    /// two texts are treated as rewritten: all old text deleted, all new text inserted. It
    /// bounds the time (edits × length) and memory (edits²) on texts that share nothing.
    public static let maximumEdits = 1000
    public static let maximumMiddle = 200_000

    public init(old: String, new: String) {
        let oldTokens = DiffToken.tokens(of: old)
        let newTokens = DiffToken.tokens(of: new)
        let script = EditScript(old: oldTokens, new: newTokens, maximumEdits: Self.maximumEdits, maximumMiddle: Self.maximumMiddle)
        segments = Self.segments(script, oldTokens, newTokens)
        numberChanges = Self.numberChanges(script, oldTokens, newTokens)
    }

    /// `[-deleted-]{+inserted+}` marked inline, as `git diff --word-diff` writes it.
    public func inlineText() -> String {
        segments.map { segment in
            switch segment.kind {
            case .equal: segment.text
            case .deleted: "[-" + segment.text + "-]"
            case .inserted: "{+" + segment.text + "+}"
            }
        }.joined()
    }

    public var isEmpty: Bool { segments.allSatisfy { $0.kind == .equal } }

    private static func segments(_ script: EditScript, _ old: [DiffToken], _ new: [DiffToken]) -> [Segment] {
        var segments: [Segment] = []
        var kind: Kind?
        var text = ""
        for operation in script.operations {
            let token: DiffToken
            let operationKind: Kind
            switch operation {
            case .equal(_, let n): token = new[n]; operationKind = .equal
            case .delete(let o): token = old[o]; operationKind = .deleted
            case .insert(let n): token = new[n]; operationKind = .inserted
            }
            if operationKind != kind, let kind, !text.isEmpty {
                segments.append(Segment(kind: kind, text: text))
                text = ""
            }
            kind = operationKind
            if token.spaceBefore && !text.isEmpty && needsSpace(text.last, token.text.first) { text += " " }
            text += token.text
        }
        if let kind, !text.isEmpty { segments.append(Segment(kind: kind, text: text)) }
        return segments
    }

    /// Spaces matter between Latin words and numbers only; between CJK characters they are wraps.
    private static func needsSpace(_ before: Character?, _ after: Character?) -> Bool {
        guard let before, let after else { return false }
        return before.isASCII && after.isASCII
    }

    /// In each run of changes between unchanged text, the old and new numbers pair up in order,
    /// each with the unit character that follows it.
    private static func numberChanges(_ script: EditScript, _ old: [DiffToken], _ new: [DiffToken]) -> [NumberChange] {
        var changes: [NumberChange] = []
        var deleted: [Int] = []
        var inserted: [Int] = []
        func flush() {
            for (o, n) in zip(deleted, inserted) {
                changes.append(NumberChange(old: withUnit(old, o), new: withUnit(new, n)))
            }
            deleted.removeAll()
            inserted.removeAll()
        }
        for operation in script.operations {
            switch operation {
            case .equal: flush()
            case .delete(let o): if old[o].isNumber { deleted.append(o) }
            case .insert(let n): if new[n].isNumber { inserted.append(n) }
            }
        }
        flush()
        return changes
    }

    private static func withUnit(_ tokens: [DiffToken], _ index: Int) -> String {
        var text = String(tokens[index].text)
        if index + 1 < tokens.count, tokens[index + 1].isUnitCharacter { text += tokens[index + 1].text }
        return text
    }
}
