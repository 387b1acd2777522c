import CNCursesW
import ReportUI
import Testing

@testable import CursesTerminal

@Suite struct KeyDecoderTests {
    static let characters: [(UInt32, DecodedInput)] = [
        (13, .key(.enter)), (10, .key(.enter)), (9, .key(.tab)),
        (127, .key(.backspace)), (8, .key(.backspace)), (27, .key(.escape)),
        (3, .key(.control("c"))), (1, .key(.control("a"))), (26, .key(.control("z"))),
        (12, .key(.control("l"))), (7, .key(.control("g"))),
        (0x61, .key(.character("a"))), (0x20, .key(.character(" "))), (0x2F, .key(.character("/"))),
        (0x6C49, .key(.character("汉"))), (0xFF08, .key(.character("（"))),
        (0x3002, .key(.character("。"))), (0x1F600, .key(.character("😀"))),
        (0, .ignored), (28, .ignored), (31, .ignored), (0x85, .ignored),
        (0xD800, .ignored), (0x110000, .ignored),
    ]

    @Test(arguments: characters)
    func character(_ value: UInt32, expected: DecodedInput) {
        #expect(KeyDecoder.decode(.character(value)) == expected)
    }

    static let keyCodes: [(Int32, DecodedInput)] = [
        (KEY_UP, .key(.up)), (KEY_DOWN, .key(.down)), (KEY_LEFT, .key(.left)), (KEY_RIGHT, .key(.right)),
        (KEY_PPAGE, .key(.pageUp)), (KEY_NPAGE, .key(.pageDown)),
        (KEY_HOME, .key(.home)), (KEY_A1, .key(.home)), (KEY_FIND, .key(.home)),
        (KEY_END, .key(.end)), (KEY_C1, .key(.end)), (KEY_SELECT, .key(.end)),
        (KEY_ENTER, .key(.enter)), (KEY_BTAB, .key(.backTab)),
        (KEY_BACKSPACE, .key(.backspace)), (KEY_DC, .key(.delete)),
        (KEY_F0 + 1, .key(.function(1))), (KEY_F0 + 10, .key(.function(10))),
        (KEY_F0 + 12, .key(.function(12))), (KEY_F0 + 63, .key(.function(63))),
        (KEY_RESIZE, .resize), (KEY_MOUSE, .mouse),
        (KEY_F0, .ignored), (KEY_IC, .ignored), (KEY_SUSPEND, .ignored),
    ]

    @Test(arguments: keyCodes)
    func keyCode(_ code: Int32, expected: DecodedInput) {
        #expect(KeyDecoder.decode(.keyCode(code)) == expected)
    }
}

@Suite struct MouseDecoderTests {
    static let reports: [(mmask_t, MouseEvent.Kind?)] = [
        (cnc_button1_pressed(), .press),
        (cnc_button1_clicked(), .press),
        (cnc_button4_pressed(), .wheelUp),
        (cnc_button5_pressed(), .wheelDown),
        (cnc_button1_pressed() | cnc_button5_pressed(), .wheelDown),
        (0, nil),
    ]

    @Test(arguments: reports)
    func report(_ buttons: mmask_t, expected: MouseEvent.Kind?) {
        let event = MouseDecoder.event(buttons: buttons, x: 7, y: 3)
        #expect(event?.kind == expected)
        if expected != nil {
            #expect(event?.x == 7)
            #expect(event?.y == 3)
        }
    }

    @Test func wheelAndPressAreRequested() {
        for button in [cnc_button1_pressed(), cnc_button4_pressed(), cnc_button5_pressed()] {
            #expect(MouseDecoder.reportedEvents & button != 0)
        }
    }
}
