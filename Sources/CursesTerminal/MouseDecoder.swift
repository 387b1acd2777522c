import CNCursesW
import ReportUI

/// Turns a curses mouse report into a MouseEvent: a left press, or one wheel notch (xterm
/// reports the wheel as buttons 4 and 5).
enum MouseDecoder {
    /// The events curses is asked to report; releases and drags are not wanted.
    static var reportedEvents: mmask_t {
        cnc_button1_pressed() | cnc_button1_clicked() | cnc_button4_pressed() | cnc_button5_pressed()
    }

    static func event(buttons: mmask_t, x: Int, y: Int) -> MouseEvent? {
        if buttons & cnc_button4_pressed() != 0 { return MouseEvent(kind: .wheelUp, x: x, y: y) }
        if buttons & cnc_button5_pressed() != 0 { return MouseEvent(kind: .wheelDown, x: x, y: y) }
        if buttons & (cnc_button1_pressed() | cnc_button1_clicked()) != 0 {
            return MouseEvent(kind: .press, x: x, y: y)
        }
        return nil
    }
}
