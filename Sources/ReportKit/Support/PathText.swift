import Glibc

/// NSString's path methods that the CLI uses, on plain strings, so the modules report-browser
/// links need not load Foundation for them. Same results, trailing slashes included.
public enum PathText {
    /// `lastPathComponent`: `/a/b/` → `b`, `/` → `/`.
    public static func lastComponent(_ path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// `deletingLastPathComponent`: `/a/b` → `/a`, `/a` → `/`, `a` → ``.
    public static func parent(_ path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        return trimmingTrailingSlashes(String(trimmed[..<slash]))
    }

    /// `expandingTildeInPath`: `~` and `~/x` from HOME (or the password database), `~user/x`
    /// from that user's entry; anything else, or an unknown user, unchanged.
    public static func expandingTilde(_ path: String) -> String {
        guard path.hasPrefix("~") else { return path }
        let rest = path.dropFirst()
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let user = String(rest[..<slash])
        let home: String?
        if user.isEmpty {
            home = homeDirectory()
        } else {
            home = getpwnam(user).flatMap { $0.pointee.pw_dir }.map { String(cString: $0) }
        }
        guard let home else { return path }
        return trimmingTrailingSlashes(home + rest[slash...])
    }

    /// NSHomeDirectory(): HOME, else the password database's entry for this user.
    public static func homeDirectory() -> String? {
        getenv("HOME").map { String(cString: $0) } ?? getpwuid(getuid()).flatMap { $0.pointee.pw_dir }.map { String(cString: $0) }
    }

    /// Slashes at the end go, except a lone root.
    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var result = Substring(path)
        while result.count > 1, result.hasSuffix("/") { result = result.dropLast() }
        return String(result)
    }
}
