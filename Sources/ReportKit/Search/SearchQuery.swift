/// What to look for: terms that must all occur in a section, or one regular expression.
public struct SearchQuery: Sendable, Hashable {
    /// The query as typed.
    public var text: String
    /// Keyword mode: the terms, each a word or a quoted phrase, unfolded. Regex mode: the
    /// pattern alone. Empty when there is nothing to look for.
    public var terms: [String]
    public var isRegex: Bool
    /// Index of the section whose subtree limits the search; nil for the whole report.
    public var scope: Int?
    /// Whether terms of ASCII letters also find Han text read that way; ignored for a regex.
    public var pinyin: PinyinMatching = .automatic

    /// Parses `text`: terms are separated by whitespace (including the ideographic space
    /// U+3000); `"…"`, `“…”` and `＂…＂` quote a phrase that keeps its spaces; a quote left open
    /// runs to the end. In regex mode the whole text, trimmed, is one pattern.
    public init(_ text: String, isRegex: Bool = false, scope: Int? = nil, pinyin: PinyinMatching = .automatic) {
        self.text = text
        self.isRegex = isRegex
        self.scope = scope
        self.pinyin = pinyin
        if isRegex {
            let pattern = text.trimmingWhitespace()
            terms = pattern.isEmpty ? [] : [String(pattern)]
        } else {
            terms = Self.terms(in: text)
        }
    }

    public init(terms: [String], isRegex: Bool = false, scope: Int? = nil, pinyin: PinyinMatching = .automatic) {
        self.text = terms.joined(separator: " ")
        self.terms = terms.filter { !$0.trimmingWhitespace().isEmpty }
        self.isRegex = isRegex
        self.scope = scope
        self.pinyin = pinyin
    }

    /// True when there is nothing to look for; callers show nothing rather than an error.
    public var isEmpty: Bool { terms.isEmpty }

    private static let quotes: Set<Character> = ["\"", "“", "”", "＂"]

    static func terms(in text: String) -> [String] {
        var terms: [String] = []
        var current = ""
        var inPhrase = false
        func finishTerm() {
            if !current.trimmingWhitespace().isEmpty { terms.append(current) }
            current = ""
        }
        for character in text {
            if quotes.contains(character) {
                finishTerm()
                inPhrase.toggle()
            } else if character.isWhitespace, !inPhrase {
                finishTerm()
            } else {
                current.append(character)
            }
        }
        finishTerm()
        return terms
    }
}

fileprivate extension StringProtocol {
    func trimmingWhitespace() -> SubSequence {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
