import CLibXML2
import Dispatch
import FoundationEssentials
import ReportImport
import ReportIndex
import ReportKit
import ReportUI

/// The library view's catalog over real files: members and their titles from `Library`
/// (the index when it holds a file as it is now, the file itself otherwise), reports opened
/// through the standard opener, and searches through `LibrarySearch` (the index when present
/// and current, reading the files otherwise). Lives apart from ReportUI, which does no file
/// IO, and from ReportIndex, which knows nothing of the browser.
package final class IndexedLibraryCatalog: LibraryCatalog {
    package private(set) var entries: [LibraryEntry]
    package let listingNote: String
    /// Paths that are not files (unreadable directories), listed before the members.
    package let skipped: [SkippedPath]
    private let files: [LibraryFile]
    private let indexPath: String?
    private let makeStore: (Report, String) -> (any ReadingStateStore)?
    private let entryByPath: [String: Int]

    /// - Parameter makeStore: where an opened report keeps its marks and place (its text and
    ///   path given); nil keeps nothing.
    package init(
        paths: [String], indexPath: String?,
        makeStore: @escaping (Report, String) -> (any ReadingStateStore)? = { _, _ in nil }
    ) {
        let library = Library(paths: paths, indexPath: indexPath)
        // Members the index does not hold as they are now are read for their titles, on
        // every core: without an index this is all of the first frame's time.
        let unknown = library.members.indices.filter { library.members[$0].summary == nil && library.members[$0].failure == nil }
        // libxml2 2.9 sets up its globals on first use, which is not safe from two threads at
        // once: done here, before the saved pages and Word files are read in parallel.
        if !unknown.isEmpty { xmlInitParser() }
        nonisolated(unsafe) var members = library.members
        members.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: unknown.count) { position in
                let index = unknown[position]
                slots[index] = slots[index].summarised()
            }
        }
        let read = unknown.count
        entries = members.map { member in
            LibraryEntry(
                path: member.file.displayPath, folder: Self.folder(of: member, below: paths),
                title: member.summary?.title ?? member.fileName, date: member.summary?.date ?? "",
                issuer: member.summary?.issuer ?? "", failure: member.failure)
        }
        // Paths that are not readable files are listed too, with the reason, never opened.
        entries += library.skipped.map { path in
            let folder = path.displayPath.split(separator: "/").dropLast().joined(separator: "/")
            return LibraryEntry(
                path: path.displayPath, folder: folder.isEmpty ? "." : folder, title: path.displayPath, date: "", issuer: "",
                failure: path.reason)
        }
        files = members.map(\.file)
        skipped = library.skipped
        self.indexPath = indexPath
        self.makeStore = makeStore
        var byPath: [String: Int] = [:]
        for (index, file) in files.enumerated() { byPath[file.absolutePath] = index }
        entryByPath = byPath
        listingNote = read == 0 ? "from the index" : read == members.count ? "read \(read) files (no index)" : "index, \(read) files read"
    }

    /// The member's folder below the argument it was found under (`2022` for `lib/2022/a.txt`
    /// under `lib`), so that a long absolute argument is not repeated on every folder row.
    static func folder(of member: Library.Member, below arguments: [String]) -> String {
        for argument in arguments {
            let prefix = argument.hasSuffix("/") ? argument : argument + "/"
            guard member.file.displayPath.hasPrefix(prefix) else { continue }
            let below = member.folder.hasPrefix(prefix) ? String(member.folder.dropFirst(prefix.count)) : ""
            return below.isEmpty ? "." : below
        }
        return member.folder
    }

    package func open(_ entry: Int) -> Result<OpenedLibraryReport, LibraryOpenFailure> {
        guard files.indices.contains(entry) else { return .failure(LibraryOpenFailure(reason: entries[entry].failure ?? "not a file")) }
        let file = files[entry]
        do {
            let opened = try ReportOpener.standard.open(path: file.absolutePath)
            return .success(OpenedLibraryReport(
                report: opened.report, origin: opened.origin, store: makeStore(opened.report, file.absolutePath)))
        } catch {
            return .failure(LibraryOpenFailure(reason: error.reason))
        }
    }

    package func search(_ query: SearchQuery) -> LibrarySearchOutcome {
        if query.isRegex {
            do {
                _ = try SearchIndex(report: ReportParser.parse("")).search(query)
            } catch {
                return LibrarySearchOutcome(query: query, reports: [], error: "\(error)")
            }
        }
        let listing = LibraryFiles.Listing(files: files)
        let results = LibrarySearch.run(query, in: listing, index: indexPath.map { .at($0) } ?? .none)
        return Self.outcome(of: results, query: query, isComplete: true, entryByPath: entryByPath)
    }

    /// The first `firstScreen` reports with hits (in the listing's order) counted at once, the
    /// rest by `IncrementalLibrarySearch` on the caller's worker: a common word hits in most
    /// of a library's reports, and counting them all takes hundreds of milliseconds.
    package func startSearch(_ query: SearchQuery, firstScreen: Int) -> LibrarySearchStart {
        if query.isRegex { return LibrarySearchStart(outcome: search(query)) }
        let search = IncrementalLibrarySearch(
            query, in: LibraryFiles.Listing(files: files), index: indexPath.map { .at($0) } ?? .none)
        search.extend(toMatchingFiles: firstScreen)
        let entryByPath = entryByPath
        let first = Self.outcome(of: search.results, query: query, isComplete: search.isComplete, entryByPath: entryByPath)
        guard !search.isComplete else { return LibrarySearchStart(outcome: first) }
        return LibrarySearchStart(outcome: first) { shouldStop in
            search.extendToEnd(shouldStop: shouldStop)
            guard search.isComplete else { return nil }
            return Self.outcome(of: search.results, query: query, isComplete: true, entryByPath: entryByPath)
        }
    }

    private static func outcome(
        of results: LibrarySearchResults, query: SearchQuery, isComplete: Bool, entryByPath: [String: Int]
    ) -> LibrarySearchOutcome {
        let reports = results.files.compactMap { matches -> LibraryReportHits? in
            guard let entry = entryByPath[matches.file.absolutePath] else { return nil }
            return LibraryReportHits(
                entry: entry,
                sections: matches.sections.map { LibrarySectionHits(address: $0.address, heading: $0.heading, count: $0.hitCount) })
        }
        var notices = results.notices
        if !results.skipped.isEmpty {
            notices.append("\(results.skipped.count) file\(results.skipped.count == 1 ? "" : "s") could not be searched")
        }
        return LibrarySearchOutcome(query: query, reports: reports, notices: notices, isComplete: isComplete)
    }
}
