/// The reader's marks: a letter for each remembered place (`m` + letter sets one, `'` +
/// letter returns to it).
package struct MarkBook: Hashable, Sendable {
    package private(set) var places: [Character: BrowserPlace] = [:]

    package init(places: [Character: BrowserPlace] = [:]) {
        for (letter, place) in places where Self.isMarkLetter(letter) { self.places[letter] = place }
    }

    /// Letters a–z and A–Z, as in vim and less; anything else after `m` is a slip of the finger.
    package static func isMarkLetter(_ character: Character) -> Bool {
        character.isASCII && character.isLetter
    }

    package var isEmpty: Bool { places.isEmpty }

    package subscript(letter: Character) -> BrowserPlace? { places[letter] }

    /// List order: a–z, then A–Z.
    package var letters: [Character] {
        places.keys.sorted { ($0.isUppercase ? 1 : 0, $0) < ($1.isUppercase ? 1 : 0, $1) }
    }

    package mutating func set(_ letter: Character, at place: BrowserPlace) {
        guard Self.isMarkLetter(letter) else { return }
        places[letter] = place
    }

    package mutating func remove(_ letter: Character) {
        places[letter] = nil
    }
}
