import ReportKit

/// Marks: `m` + letter remembers the current place, `'` + letter returns to it (a jump, so
/// `Ctrl-O` comes back), `M` lists them.
extension BrowserState {
    package enum MarksMode: Hashable, Sendable {
        /// After `m` or `'`: the next key names the mark.
        case awaitingLetter(MarkIntent)
        /// The marks list over the screen.
        case list

        var bindingContext: BindingContext {
            switch self {
            case .awaitingLetter: .markLetter
            case .list: .marks
            }
        }
    }

    package enum MarkIntent: Hashable, Sendable {
        case set
        case jump
    }

    mutating func beginMarks(_ action: Action) {
        switch action {
        case .beginMark:
            mode = .marks(.awaitingLetter(.set))
            message = Message(text: "Mark: press a letter, Esc cancels", isError: false)
        case .beginMarkJump:
            guard !marks.isEmpty else {
                message = Self.noMarksMessage
                return
            }
            mode = .marks(.awaitingLetter(.jump))
            let letters = marks.letters.prefix(12).map(String.init).joined(separator: " ")
            message = Message(text: "Go to mark: \(letters)\(marks.places.count > 12 ? " …" : ""), Esc cancels", isError: false)
        case .showMarks:
            guard !marks.isEmpty else {
                message = Self.noMarksMessage
                return
            }
            mode = .marks(.list)
            let here = place
            marks.highlight(marks.letters.first { marks[$0] == here })
        default:
            break
        }
    }

    mutating func applyMarks(_ action: Action, in marksMode: MarksMode, context: BrowserContext) {
        switch (marksMode, action) {
        case (.awaitingLetter(let intent), .markLetter(let letter)):
            mode = .browse
            guard MarkBook.isMarkLetter(letter) else {
                message = Message(text: "Marks are named by a letter, a-z or A-Z", isError: true)
                return
            }
            switch intent {
            case .set: setMark(letter, context: context)
            case .jump: jumpToMark(letter, context: context)
            }
        case (.awaitingLetter, _):
            // Esc, a click or a wheel turn: the reader changed their mind.
            mode = .browse
        case (.list, .moveDown): marks.moveListCursor(by: 1)
        case (.list, .moveUp): marks.moveListCursor(by: -1)
        case (.list, .scroll(_, _, let lines)): marks.moveListCursor(by: lines.signum())
        case (.list, .jumpToListedMark):
            mode = .browse
            if let letter = marks.highlightedLetter { jumpToMark(letter, context: context) }
        case (.list, .deleteListedMark):
            guard let letter = marks.highlightedLetter else { return }
            marks.remove(letter)
            message = Message(text: "Mark \(letter) deleted", isError: false)
            if marks.isEmpty { mode = .browse }
        case (.list, .closeMarks):
            mode = .browse
        default:
            break
        }
    }

    private static let noMarksMessage = Message(text: "No marks yet · m and a letter marks this place", isError: false)

    mutating func setMark(_ letter: Character, context: BrowserContext) {
        let verb = marks[letter] == nil ? "set" : "moved"
        marks.set(letter, at: place)
        let label = MarkListing.location(of: place, in: context.report)
        message = Message(text: "Mark \(letter) \(verb): \(label)", isError: false)
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
