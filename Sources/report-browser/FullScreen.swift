import ArgumentParser
import CursesTerminal

/// The one way the executable takes the screen: open the terminal (a failure is one line and
/// exit 1), run a view on it, give the screen back, and end the way the shell expects — 128 + the
/// signal's number after a signal, the view's status otherwise. `afterClose` runs once the
/// screen is gone, for messages that could not be shown on it.
enum FullScreen {
    static func run(
        environment: [String: String], colors: Bool, afterClose: () -> Void = {},
        _ view: (CursesTerminal) throws -> Int32
    ) throws {
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.open(environment: environment, colors: colors)
        } catch {
            StandardStreams.error(String(describing: error))
            throw ExitCode(1)
        }
        let status: Int32
        do {
            status = try view(terminal)
        } catch {
            terminal.close()
            throw error
        }
        let stopSignal = terminal.stopSignal
        terminal.close()
        afterClose()
        if let stopSignal { throw ExitCode(128 + stopSignal) }
        if status != 0 { throw ExitCode(status) }
    }
}
