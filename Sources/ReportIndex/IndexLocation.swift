import FoundationEssentials
import ReportKit

/// Where the index lives: `$XDG_CACHE_HOME/report-browser/` (default `~/.cache/…`), since an
/// index can always be rebuilt from the reports, or a path the user names.
public enum IndexLocation {
    /// The file name carries the schema version, so binaries of different versions each keep
    /// their own index instead of rebuilding each other's.
    public static var fileName: String { "index-v\(IndexSchema.version).sqlite" }

    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let cache: String
        if let configured = environment["XDG_CACHE_HOME"], configured.hasPrefix("/") {
            cache = configured
        } else {
            let home = environment["HOME"] ?? PathText.homeDirectory() ?? "/"
            cache = home + "/.cache"
        }
        return cache + "/report-browser/" + fileName
    }
}
