import CNCursesW
import Glibc

/// The checks that must pass before curses is touched: ncurses' own failure path prints to
/// stderr and exits, so every refusal has to happen here, as a thrown error.
enum TerminalSetup {
    /// Terminal types that exist in terminfo but cannot run a full-screen program.
    private static let limitedTypes: Set<String> = ["dumb", "unknown", "emacs"]

    /// TERM from the environment, refused early when it is missing or names a terminal that is
    /// known to be unusable; anything else is checked against terminfo by `newterm`.
    static func terminalType(from environment: [String: String]) throws(CursesTerminalError) -> String {
        guard let term = environment["TERM"], !term.isEmpty else {
            throw .terminalTypeNotSet
        }
        if limitedTypes.contains(term) { throw .terminalTooLimited(term) }
        return term
    }

    /// Locale names tried, in order, when the user's locale does not use UTF-8.
    private static let fallbackLocales = ["C.UTF-8", "C.utf8", "en_US.UTF-8"]

    /// Adopts the user's locale, or a UTF-8 character type when theirs is not UTF-8: curses
    /// decodes input and measures output by LC_CTYPE, and Chinese text needs UTF-8.
    static func adoptUTF8Locale() throws(CursesTerminalError) {
        setlocale(LC_ALL, "")
        if cnc_codeset_is_utf8() != 0 { return }
        for name in fallbackLocales where setlocale(LC_CTYPE, name) != nil {
            if cnc_codeset_is_utf8() != 0 { return }
        }
        throw .noUTF8Locale
    }
}
