/// Where reading state lives, following the XDG base directory rules:
/// `$XDG_STATE_HOME/report-browser`, else `$HOME/.local/state/report-browser`.
public enum StateLocation: Equatable, Sendable {
    case directory(String)
    /// No usable location; the notice says why, for the status line.
    case unavailable(notice: String)

    public static let applicationDirectoryName = "report-browser"

    public static func resolve(environment: [String: String]) -> StateLocation {
        // The spec says relative values are invalid and must be ignored, not resolved against
        // whatever the working directory happens to be.
        if let stateHome = environment["XDG_STATE_HOME"], stateHome.hasPrefix("/") {
            return .directory(join(stateHome, applicationDirectoryName))
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return .directory(join(join(home, ".local/state"), applicationDirectoryName))
        }
        return .unavailable(notice: "HOME is not set: reading position and marks are not remembered")
    }

    private static func join(_ directory: String, _ name: String) -> String {
        var directory = directory
        while directory.count > 1, directory.hasSuffix("/") { directory.removeLast() }
        return directory == "/" ? "/" + name : directory + "/" + name
    }
}
