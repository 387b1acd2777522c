import CNCursesW
import ReportUI

/// What `wget_wch` delivered: a character (status OK) or a key code (status KEY_CODE_YES).
enum RawInput: Hashable, Sendable {
    case character(UInt32)
    case keyCode(Int32)
}

/// A raw input after decoding. Resize and mouse need more from curses (the new size, the
/// mouse event), so the decoder only says which one it was.
enum DecodedInput: Hashable, Sendable {
    case key(Key)
    case resize
    case mouse
    case ignored
}

/// Turns `wget_wch` results into keys. A pure function so the whole table is testable without
/// a terminal.
enum KeyDecoder {
    static func decode(_ input: RawInput) -> DecodedInput {
        switch input {
        case .character(let value): return character(value).map(DecodedInput.key) ?? .ignored
        case .keyCode(let code): return keyCode(code)
        }
    }

    private static let escape: UInt32 = 27
    private static let delete: UInt32 = 127

    private static func character(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        // Ctrl-H is what many terminals send for Backspace.
        case 8, delete: return .backspace
        case escape: return .escape
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        case 0..<32, 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    private static let namedKeys: [Int32: Key] = [
        KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right,
        KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown,
        // Keypad corners and the Find/Select codes are what Home/End become on some terminals.
        KEY_HOME: .home, KEY_A1: .home, KEY_FIND: .home,
        KEY_END: .end, KEY_C1: .end, KEY_LL: .end, KEY_SELECT: .end,
        KEY_A3: .pageUp, KEY_C3: .pageDown,
        KEY_ENTER: .enter, KEY_BTAB: .backTab,
        KEY_BACKSPACE: .backspace, KEY_DC: .delete,
    ]

    private static let functionKeys = 1...63

    private static func keyCode(_ code: Int32) -> DecodedInput {
        if code == KEY_RESIZE { return .resize }
        if code == KEY_MOUSE { return .mouse }
        if let key = namedKeys[code] { return .key(key) }
        let function = Int(code - KEY_F0)
        if functionKeys.contains(function) { return .key(.function(function)) }
        return .ignored
    }
}
