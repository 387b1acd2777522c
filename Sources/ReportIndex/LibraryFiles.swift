#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file of a library as found on disk.
public struct LibraryFile: Sendable, Hashable {
    /// As the user named it: the argument, or the argument joined with the path below it.
    public let displayPath: String
    /// Absolute, the index's key.
    public let absolutePath: String
    public let size: Int64
    /// Modification time in nanoseconds since 1970.
    public let modified: Int64
}

/// Something under the given paths that is not a library member, with the reason.
public struct SkippedPath: Sendable, Hashable {
    public let displayPath: String
    public let reason: String
}

/// Walks FILE and DIR arguments into the library's files: every regular file under a
/// directory, recursively, in name order, except hidden names (`.git`, editors' swap files).
/// Symbolic links to files are followed; links to directories are not, so a link loop cannot
/// make the walk endless.
public enum LibraryFiles {
    public struct Listing: Sendable {
        public var files: [LibraryFile] = []
        public var skipped: [SkippedPath] = []

        public init(files: [LibraryFile] = [], skipped: [SkippedPath] = []) {
            self.files = files
            self.skipped = skipped
        }
    }

    public static func list(_ paths: [String]) -> Listing {
        var listing = Listing()
        var seen = Set<String>()
        for path in paths {
            let absolute = absolutePath(path)
            walk(display: path, absolute: absolute, isArgument: true, into: &listing, seen: &seen)
        }
        return listing
    }

    /// The current stat of one file, or nil when it is gone or not a regular file.
    public static func currentStat(absolutePath: String) -> (size: Int64, modified: Int64)? {
        var info = stat()
        guard stat(absolutePath, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return (Int64(info.st_size), modifiedNanoseconds(info))
    }

    private static func walk(display: String, absolute: String, isArgument: Bool, into listing: inout Listing, seen: inout Set<String>) {
        var info = stat()
        // Below an argument a link to a directory is not followed: lstat first.
        if !isArgument, lstat(absolute, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
            var target = stat()
            if stat(absolute, &target) == 0, target.st_mode & S_IFMT == S_IFDIR { return }
        }
        guard stat(absolute, &info) == 0 else {
            listing.skipped.append(SkippedPath(displayPath: display, reason: String(cString: strerror(errno))))
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            guard seen.insert(absolute).inserted else { return }
            listing.files.append(LibraryFile(
                displayPath: display, absolutePath: absolute, size: Int64(info.st_size), modified: modifiedNanoseconds(info)))
        case S_IFDIR:
            guard let names = directoryNames(absolute) else {
                listing.skipped.append(SkippedPath(displayPath: display, reason: String(cString: strerror(errno))))
                return
            }
            let prefix = display.hasSuffix("/") ? display : display + "/"
            let absolutePrefix = absolute == "/" ? "/" : absolute + "/"
            for name in names where !name.hasPrefix(".") {
                walk(display: prefix + name, absolute: absolutePrefix + name, isArgument: false, into: &listing, seen: &seen)
            }
        default:
            if isArgument { listing.skipped.append(SkippedPath(displayPath: display, reason: "not a regular file")) }
        }
    }

    private static func directoryNames(_ path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        // Byte order, as `ls` in the C locale and ripgrep's --sort path.
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    static func absolutePath(_ path: String) -> String {
        var joined = path
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let directory = getcwd(&buffer, buffer.count).map { String(cString: $0) } ?? "."
            joined = directory + "/" + path
        }
        return normalise(joined)
    }

    /// Removes `.` and empty components and resolves `..` textually (links are not resolved:
    /// a path is keyed as the user reaches it).
    private static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(component)
        }
        return "/" + parts.joined(separator: "/")
    }

    private static func modifiedNanoseconds(_ info: stat) -> Int64 {
        Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }
}
