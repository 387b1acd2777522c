import CNCursesW
import ReportUI

extension CursesTerminal {
    /// Raw keys (Ctrl-C and Ctrl-Z arrive as keys, not signals), no echo, function keys decoded,
    /// Return kept as \r, a short Esc delay, and a bounded wait so stop signals are noticed.
    func configureInput() {
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(Self.escapeDelayMilliseconds)
        wtimeout(window, Self.inputPollMilliseconds)
        mousemask(MouseDecoder.reportedEvents, nil)
        // No click synthesis: a press is reported at once instead of after a delay.
        mouseinterval(0)
        addAlternativeKeySequences()
    }

    /// Navigation keys have several encodings (xterm normal and application mode, tmux/screen,
    /// rxvt) and terminfo lists one per key; the others would arrive as loose characters, e.g.
    /// tmux sends Home as ESC [ 1 ~ even when TERM=xterm-256color says ESC O H.
    private func addAlternativeKeySequences() {
        let sequences: [(String, Int32)] = [
            ("\u{1b}[1~", KEY_HOME), ("\u{1b}[7~", KEY_HOME), ("\u{1b}[H", KEY_HOME), ("\u{1b}OH", KEY_HOME),
            ("\u{1b}[4~", KEY_END), ("\u{1b}[8~", KEY_END), ("\u{1b}[F", KEY_END), ("\u{1b}OF", KEY_END),
            ("\u{1b}[5~", KEY_PPAGE), ("\u{1b}[6~", KEY_NPAGE), ("\u{1b}[3~", KEY_DC), ("\u{1b}[Z", KEY_BTAB),
            ("\u{1b}[A", KEY_UP), ("\u{1b}[B", KEY_DOWN), ("\u{1b}[C", KEY_RIGHT), ("\u{1b}[D", KEY_LEFT),
            ("\u{1b}OA", KEY_UP), ("\u{1b}OB", KEY_DOWN), ("\u{1b}OC", KEY_RIGHT), ("\u{1b}OD", KEY_LEFT),
        ]
        for (sequence, code) in sequences {
            define_key(sequence, code)
        }
    }

    /// Colour only where the terminal has it; the terminal's own default colours stay usable
    /// as `.terminalDefault` so themes work on dark and light backgrounds alike.
    func configureColors() {
        guard has_colors(), start_color() == OK else { return }
        defaultColorsAvailable = use_default_colors() == OK
        colorPairs = ColorPairTable(limit: Int(cnc_color_pairs()))
    }

    /// What undoes curses' screen setup when there is no time for endwin (crash, stray exit):
    /// plain attributes, visible cursor, mouse and keypad modes off, the shell's screen back.
    func resetSequence() -> [UInt8] {
        var text = ""
        for capability in ["sgr0", "cnorm", "rmkx"] {
            text += Self.terminfoString(capability) ?? ""
        }
        if Self.terminfoString("kmous")?.hasPrefix("\u{1b}[") == true {
            text += "\u{1b}[?1006l\u{1b}[?1000l"
        }
        text += Self.terminfoString("rmcup") ?? ""
        return Array(text.utf8)
    }

    /// A terminfo string without its `$<…>` padding delays, which only tputs understands.
    static func terminfoString(_ capability: String) -> String? {
        guard let raw = cnc_terminfo_string(capability) else { return nil }
        var text = String(cString: raw)
        while let start = text.firstRange(of: "$<"), let end = text[start.upperBound...].firstIndex(of: ">") {
            text.removeSubrange(start.lowerBound...end)
        }
        return text
    }
}
