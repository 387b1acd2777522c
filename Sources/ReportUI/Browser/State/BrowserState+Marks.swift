import ReportKit

/// Marks: `m` + letter remembers the current place, `'` + letter returns to it (a jump, so
/// `Ctrl-O` comes back), `M` lists them.
extension BrowserState {
    mutating func beginMarks(_ action: Action) {
        switch action {
        case .beginMark:
            mode = .markLetter(.set)
            message = Message(text: "Mark: press a letter, Esc cancels", isError: false)
        case .beginMarkJump:
            guard !marks.isEmpty else {
                message = Self.noMarksMessage
                return
            }
            mode = .markLetter(.jump)
            let letters = marks.letters.prefix(12).map(String.init).joined(separator: " ")
            message = Message(text: "Go to mark: \(letters)\(marks.places.count > 12 ? " …" : ""), Esc cancels", isError: false)
        case .showMarks:
            guard !marks.isEmpty else {
                message = Self.noMarksMessage
                return
            }
            let here = place
            mode = .overlay(MarksOverlay(marks: marks, highlighting: marks.letters.first { marks[$0] == here }))
        default:
            break
        }
    }

    mutating func applyMarkLetter(_ action: Action, intent: MarkIntent, context: BrowserContext) -> [Effect] {
        // Anything but a letter (Esc, a click, a wheel turn): the reader changed their mind.
        mode = .browse
        guard case .markLetter(let letter) = action else { return [] }
        guard MarkBook.isMarkLetter(letter) else {
            message = Message(text: "Marks are named by a letter, a-z or A-Z", isError: true)
            return []
        }
        switch intent {
        case .set: return setMark(letter, context: context)
        case .jump:
            jumpToMark(letter, context: context)
            return []
        }
    }

    private static let noMarksMessage = Message(text: "No marks yet · m and a letter marks this place", isError: false)

    /// Sets or moves a mark; saved at once when that changed it.
    mutating func setMark(_ letter: Character, context: BrowserContext) -> [Effect] {
        let before = marks[letter]
        let verb = before == nil ? "set" : "moved"
        marks.set(letter, at: place)
        let label = MarkListing.location(of: place, in: context.report)
        message = Message(text: "Mark \(letter) \(verb): \(label)", isError: false)
        return marks[letter] != before ? [.saveReading] : []
    }

    mutating func deleteMark(_ letter: Character) -> [Effect] {
        guard marks[letter] != nil else { return [] }
        marks.remove(letter)
        message = Message(text: "Mark \(letter) deleted", isError: false)
        return [.saveReading]
    }

    mutating func jumpToMark(_ letter: Character, context: BrowserContext) {
        guard let target = marks[letter] else {
            message = Message(text: "No mark \(letter) · m \(letter) sets it", isError: true)
            return
        }
        jump(toPlace: target, context: context)
    }

    /// A jump to an exact reading place, recorded like any other jump.
    mutating func jump(toPlace target: BrowserPlace, context: BrowserContext) {
        guard target != place else { return }
        history.record(leaving: place)
        reveal(target.row, context: context)
        selection = target.row
        reading = target.position
    }
}
