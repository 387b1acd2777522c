import CNCursesW
import FoundationEssentials
import Glibc
import ReportUI

/// The ncurses terminal: the only code that talks to curses. Open one at a time; `close()`
/// (or deinit) gives the terminal back exactly as it was.
public final class CursesTerminal: Terminal {
    let screenHandle: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    let inputDescriptor: Int32
    var colorPairs: ColorPairTable?
    var defaultColorsAvailable = false
    var previousFrame: Screen?
    var cursorShown: Bool?
    var readableButEmptyStreak = 0
    var pendingMouseEvents: [MouseEvent] = []
    private(set) var isOpen = true

    /// How long one wait for input lasts before stop signals are checked again.
    static let inputPollMilliseconds: Int32 = 150
    /// Long enough to tell a lone Esc from the start of an escape sequence on a local terminal.
    static let escapeDelayMilliseconds: Int32 = 25

    /// Takes over the controlling terminal (/dev/tty, so stdout may be redirected). `colors:
    /// false` (NO_COLOR) draws with attributes only.
    public static func open(
        environment: [String: String] = ProcessInfo.processInfo.environment, colors: Bool
    ) throws -> CursesTerminal {
        let term = try TerminalSetup.terminalType(from: environment)
        try TerminalSetup.adoptUTF8Locale()
        guard let tty = fopen("/dev/tty", "r+") else {
            throw CursesTerminalError.noTerminalDevice(String(cString: strerror(errno)))
        }
        TerminalSignals.captureModes(of: fileno(tty))
        let terminal = try CursesTerminal(term: term, output: tty, input: tty, colors: colors)
        TerminalSignals.armEmergencyRestore(resetSequence: terminal.resetSequence())
        return terminal
    }

    /// A terminal drawing into /dev/null and reading from it, for checks that need no tty.
    /// The terminal type goes straight to terminfo, without the early refusal of `open`.
    package static func headless(
        term: String = "xterm-256color", size: Size, colors: Bool = true
    ) throws -> CursesTerminal {
        guard !term.isEmpty else { throw CursesTerminalError.terminalTypeNotSet }
        try TerminalSetup.adoptUTF8Locale()
        guard let sink = fopen("/dev/null", "w"), let source = fopen("/dev/null", "r") else {
            throw CursesTerminalError.noTerminalDevice(String(cString: strerror(errno)))
        }
        let terminal = try CursesTerminal(term: term, output: sink, input: source, colors: colors)
        terminal.resize(to: size)
        // resizeterm queues a KEY_RESIZE; the caller asked for this size, it is not news.
        flushinp()
        return terminal
    }

    private init(
        term: String, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>,
        colors: Bool
    ) throws {
        TerminalSignals.installStopHandlers()
        guard let screen = newterm(term, output, input) else {
            TerminalSignals.removeStopHandlers()
            Self.closeFiles(output, input)
            throw CursesTerminalError.unknownTerminalType(term)
        }
        set_term(screen)
        guard cnc_terminfo_string("cup") != nil, let window = cnc_stdscr() else {
            endwin()
            delscreen(screen)
            TerminalSignals.removeStopHandlers()
            Self.closeFiles(output, input)
            throw CursesTerminalError.terminalTooLimited(term)
        }
        screenHandle = screen
        self.window = window
        self.output = output
        self.input = input
        inputDescriptor = fileno(input)
        configureInput()
        if colors { configureColors() }
    }

    deinit { close() }

    public var size: Size {
        Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    /// The signal that ended the session, if one did: lets the caller exit with 128 + signal.
    public var stopSignal: Int32? { TerminalSignals.stopSignal }

    /// Gives the terminal back: normal modes, visible cursor, the shell's screen. Idempotent.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        TerminalSignals.disarmEmergencyRestore()
        curs_set(1)
        endwin()
        delscreen(screenHandle)
        Self.closeFiles(output, input)
        TerminalSignals.removeStopHandlers()
    }

    /// Changes the size curses believes the terminal has, as a SIGWINCH would.
    package func resize(to size: Size) {
        resizeterm(Int32(size.height), Int32(size.width))
    }

    private static func closeFiles(_ output: UnsafeMutablePointer<FILE>, _ input: UnsafeMutablePointer<FILE>) {
        fclose(output)
        if input != output { fclose(input) }
    }
}
