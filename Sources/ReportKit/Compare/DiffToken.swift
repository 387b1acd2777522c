/// The units Chinese text changes in: one character, except that a number (`98.97%`, `1,206`)
/// and a Latin word stay whole, so that `281` → `350` reads as one change, not three.
struct DiffToken: Equatable {
    let text: Substring
    /// What the token is compared by: folded as search folds, so width and case do not count.
    let key: String
    /// Whether whitespace stood before it in the source (kept for the display only).
    let spaceBefore: Bool

    var isNumber: Bool { text.first?.isASCII == true && text.first?.isNumber == true }

    /// A single letter of a script without spaces (件, 万, 亿), a unit a number may carry.
    var isUnitCharacter: Bool {
        guard text.count == 1, let scalar = text.unicodeScalars.first else { return false }
        return scalar.value >= 0x3400 && scalar.properties.isAlphabetic
    }

    static func == (left: DiffToken, right: DiffToken) -> Bool { left.key == right.key }

    static func tokens(of text: String) -> [DiffToken] {
        var tokens: [DiffToken] = []
        var index = text.startIndex
        var sawSpace = false
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                sawSpace = true
                index = text.index(after: index)
                continue
            }
            var end = text.index(after: index)
            if character.isASCII && character.isNumber {
                while end < text.endIndex, isNumberContinuation(text, at: end) { end = text.index(after: end) }
            } else if character.isASCII && character.isLetter {
                while end < text.endIndex, text[end].isASCII && text[end].isLetter { end = text.index(after: end) }
            }
            let piece = text[index..<end]
            tokens.append(DiffToken(text: piece, key: foldedKey(piece), spaceBefore: sawSpace))
            sawSpace = false
            index = end
        }
        return tokens
    }

    /// Digits, and `.`/`,` between digits, and a closing `%`.
    private static func isNumberContinuation(_ text: String, at index: String.Index) -> Bool {
        let character = text[index]
        if character.isASCII && character.isNumber || character == "%" { return true }
        guard character == "." || character == ",", text.index(after: index) < text.endIndex else { return false }
        let next = text[text.index(after: index)]
        return next.isASCII && next.isNumber
    }

    private static func foldedKey(_ piece: Substring) -> String {
        if piece.utf8.allSatisfy({ $0 < 0x80 }) { return piece.lowercased() }
        if piece.unicodeScalars.count == 1, let scalar = piece.unicodeScalars.first,
            (0x4E00...0x9FFF).contains(scalar.value) {
            return String(piece)
        }
        return String(decoding: TextFolder.foldedBytes(String(piece)), as: UTF8.self)
    }
}
