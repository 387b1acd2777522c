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
        list(paths, parallel: true)
    }

    /// - Parameter parallel: walk a large tree's subfolders on every core (`FolderWalk`);
    ///   false walks them one after another on this thread, in the same order.
    static func list(_ paths: [String], parallel: Bool) -> Listing {
        var walk = FolderWalk(parallel: parallel)
        for path in paths {
            walkArgument(display: path, absolute: absolutePath(path), into: &walk)
        }
        let listing = walk.finish()
        // Only several arguments can reach one path twice (a DIR and a FILE in it): below one
        // argument names are distinct and links to directories are not followed.
        guard paths.count > 1 else { return listing }
        var seen = Set<String>()
        return Listing(files: listing.files.filter { seen.insert($0.absolutePath).inserted }, skipped: listing.skipped)
    }

    /// The current stat of one file, or nil when it is gone or not a regular file.
    public static func currentStat(absolutePath: String) -> (size: Int64, modified: Int64)? {
        var info = stat()
        guard stat(absolutePath, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return (Int64(info.st_size), modifiedNanoseconds(info))
    }

    private static func walkArgument(display: String, absolute: String, into walk: inout FolderWalk) {
        var info = stat()
        guard stat(absolute, &info) == 0 else {
            walk.skip(SkippedPath(displayPath: display, reason: String(cString: strerror(errno))))
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            walk.add(file(display: display, absolute: absolute, info))
        case S_IFDIR:
            walk.walkArgument(FolderWalk.Folder(parent: AT_FDCWD, name: absolute, display: display, absolute: absolute))
        default:
            walk.skip(SkippedPath(displayPath: display, reason: "not a regular file"))
        }
    }

    /// Opens a folder found by the walk (or named by an argument: `parent` is then `AT_FDCWD`
    /// and `name` its absolute path) and its directory stream; nil, with the folder skipped
    /// for its reason, when it cannot be read.
    static func open(_ folder: FolderWalk.Folder, into listing: inout Listing) -> (descriptor: Int32, stream: OpaquePointer)? {
        // O_NOFOLLOW: nor a directory that became a link since it was looked at.
        let noFollow = folder.parent == AT_FDCWD ? 0 : O_NOFOLLOW
        let descriptor = openat(folder.parent, folder.name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | noFollow)
        guard descriptor >= 0 else {
            listing.skipped.append(SkippedPath(displayPath: folder.display, reason: String(cString: strerror(errno))))
            return nil
        }
        guard let stream = fdopendir(descriptor) else {
            listing.skipped.append(SkippedPath(displayPath: folder.display, reason: String(cString: strerror(errno))))
            close(descriptor)
            return nil
        }
        return (descriptor, stream)
    }

    /// Walks a folder and everything below it into `listing`, on this thread.
    static func walkWhole(_ folder: FolderWalk.Folder, into listing: inout Listing) {
        guard let (descriptor, stream) = open(folder, into: &listing) else { return }
        defer { closedir(stream) }
        var none: [FolderWalk.Part]?
        walkEntries(descriptor, stream, display: folder.display, absolute: folder.absolute, into: &listing, deferring: &none)
    }

    /// Every entry is looked at through its directory's descriptor (`fstatat`, `openat`): one
    /// lookup of one name instead of the whole path resolved again for each of thousands of
    /// files. Subfolders are walked in place, or, with `deferring`, left there as parts to
    /// walk later (the folder's descriptor must then stay open until they are).
    static func walkEntries(
        _ descriptor: Int32, _ stream: OpaquePointer, display: String, absolute: String,
        into listing: inout Listing, deferring parts: inout [FolderWalk.Part]?
    ) {
        let prefix = display.hasSuffix("/") ? display : display + "/"
        let absolutePrefix = absolute == "/" ? "/" : absolute + "/"
        // A folder named by its absolute path (as scripts do) gives each file one path text
        // for both uses instead of two equal copies.
        let sameText = prefix == absolutePrefix
        let names = FolderNames(reading: stream)
        for entry in 0..<names.count {
            names.withName(at: entry) { name, cName in
                // Paths are Strings: a name that is not UTF-8 (GBK bytes from a Windows archive)
                // cannot be reached again through its repaired form, so it is named as the
                // reason rather than failing later as a missing file.
                guard let entryDisplay = PathJoining.joined(prefix, name) else {
                    let repaired = prefix + String(decoding: name, as: UTF8.self)
                    listing.skipped.append(SkippedPath(displayPath: repaired, reason: "its name is not UTF-8; rename it to read it"))
                    return
                }
                var info = stat()
                guard fstatat(descriptor, cName, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                    listing.skipped.append(SkippedPath(displayPath: entryDisplay, reason: String(cString: strerror(errno))))
                    return
                }
                // Links to files are followed, links to directories are not.
                let isLink = info.st_mode & S_IFMT == S_IFLNK
                if isLink, fstatat(descriptor, cName, &info, 0) != 0 {
                    listing.skipped.append(SkippedPath(displayPath: entryDisplay, reason: String(cString: strerror(errno))))
                    return
                }
                switch info.st_mode & S_IFMT {
                case S_IFREG:
                    let entryAbsolute = sameText ? entryDisplay : PathJoining.joined(absolutePrefix, name) ?? entryDisplay
                    listing.files.append(file(display: entryDisplay, absolute: entryAbsolute, info))
                case S_IFDIR where !isLink:
                    let entryAbsolute = sameText ? entryDisplay : PathJoining.joined(absolutePrefix, name) ?? entryDisplay
                    let folder = FolderWalk.Folder(
                        parent: descriptor, name: String(decoding: name, as: UTF8.self), display: entryDisplay,
                        absolute: entryAbsolute)
                    if parts != nil {
                        parts?.append(.walked(listing))
                        parts?.append(.folder(folder))
                        listing = Listing()
                    } else {
                        walkWhole(folder, into: &listing)
                    }
                default:
                    break
                }
            }
        }
    }

    private static func file(display: String, absolute: String, _ info: stat) -> LibraryFile {
        LibraryFile(displayPath: display, absolutePath: absolute, size: Int64(info.st_size), modified: modifiedNanoseconds(info))
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
