import Dispatch
import FoundationEssentials
import Glibc

/// The walk of a library's folders, on every core when the tree is large. One `stat` per file
/// is most of a listing's time (and of `search -c`'s): the top folders are listed first on the
/// calling thread, their subfolders left as parts to walk, and those parts are then walked
/// whole, each on whichever thread is free, and put back in their place. The listing is the
/// one a walk on one thread gives: the same files and skipped paths in the same order.
struct FolderWalk {
    /// A folder to walk: `name` is looked up in the open directory `parent` (or is an absolute
    /// path, with `AT_FDCWD`).
    struct Folder: Sendable {
        let parent: Int32
        let name: String
        let display: String
        let absolute: String
    }

    enum Part {
        case walked(LibraryFiles.Listing)
        case folder(Folder)
    }

    /// Enough parts for both cores to stay busy to the end whatever the subtrees' sizes.
    static let wantedFolders = 8 * max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Folders listed on the calling thread at most before the walk is spread; each holds a
    /// descriptor open until its subfolders are walked.
    static let mostListedAhead = 64

    private let parallel: Bool
    private var parts: [Part] = []
    private var current = LibraryFiles.Listing()

    init(parallel: Bool) {
        self.parallel = parallel
    }

    mutating func add(_ file: LibraryFile) {
        current.files.append(file)
    }

    mutating func skip(_ path: SkippedPath) {
        current.skipped.append(path)
    }

    /// A folder named on the command line: walked at once on this thread, or left as a part.
    mutating func walkArgument(_ folder: Folder) {
        guard parallel else { return LibraryFiles.walkWhole(folder, into: &current) }
        parts.append(.walked(current))
        current = LibraryFiles.Listing()
        parts.append(.folder(folder))
    }

    /// The listing, every part walked and joined in order.
    consuming func finish() -> LibraryFiles.Listing {
        parts.append(.walked(current))
        var opened: [OpaquePointer] = []
        defer { for stream in opened { closedir(stream) } }
        listAhead(keepingOpen: &opened)
        let folders = parts.compactMap { part -> Folder? in
            if case .folder(let folder) = part { return folder }
            return nil
        }
        let walked = Self.walk(folders)
        var listing = LibraryFiles.Listing()
        // One allocation for the joined listing instead of regrowing it part by part.
        let walkedFiles = parts.reduce(0) { count, part in
            if case .walked(let done) = part { return count + done.files.count }
            return count
        }
        listing.files.reserveCapacity(walkedFiles + walked.reduce(0) { $0 + $1.files.count })
        var next = 0
        for part in parts {
            let piece: LibraryFiles.Listing
            switch part {
            case .walked(let done): piece = done
            case .folder: piece = walked[next]; next += 1
            }
            listing.files += piece.files
            listing.skipped += piece.skipped
        }
        return listing
    }

    /// Lists folders one level on this thread, breadth first, until there are enough parts
    /// to share out; their subfolders take their places as parts.
    private mutating func listAhead(keepingOpen opened: inout [OpaquePointer]) {
        var listed = 0
        var progressed = true
        while progressed {
            progressed = false
            var next: [Part] = []
            var waiting = parts.reduce(0) { count, part in
                if case .folder = part { return count + 1 }
                return count
            }
            for part in parts {
                guard case .folder(let folder) = part, waiting < Self.wantedFolders, listed < Self.mostListedAhead else {
                    next.append(part)
                    continue
                }
                listed += 1
                progressed = true
                var listing = LibraryFiles.Listing()
                var found: [Part]? = []
                if let (descriptor, stream) = LibraryFiles.open(folder, into: &listing) {
                    opened.append(stream)
                    LibraryFiles.walkEntries(
                        descriptor, stream, display: folder.display, absolute: folder.absolute,
                        into: &listing, deferring: &found)
                }
                let subfolders = found ?? []
                waiting += subfolders.count / 2 - 1
                next += subfolders
                next.append(.walked(listing))
            }
            parts = next
        }
    }

    /// Each folder walked whole; two or more are shared among threads (the calling one too).
    private static func walk(_ folders: [Folder]) -> [LibraryFiles.Listing] {
        guard folders.count > 1 else {
            return folders.map { folder in
                var listing = LibraryFiles.Listing()
                LibraryFiles.walkWhole(folder, into: &listing)
                return listing
            }
        }
        let results = Results(count: folders.count)
        DispatchQueue.concurrentPerform(iterations: folders.count) { position in
            var listing = LibraryFiles.Listing()
            LibraryFiles.walkWhole(folders[position], into: &listing)
            results.store(listing, at: position)
        }
        return results.values
    }

    /// One slot per folder, each written by exactly one iteration of `concurrentPerform`,
    /// which returns only once all have run.
    private final class Results: @unchecked Sendable {
        private var slots: UnsafeMutableBufferPointer<LibraryFiles.Listing>

        init(count: Int) {
            slots = .allocate(capacity: count)
            _ = slots.initialize(from: repeatElement(LibraryFiles.Listing(), count: count))
        }

        deinit {
            slots.deinitialize()
            slots.deallocate()
        }

        func store(_ listing: LibraryFiles.Listing, at position: Int) {
            slots[position] = listing
        }

        var values: [LibraryFiles.Listing] { Array(slots) }
    }
}
