import FoundationEssentials
import ReportKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A first (full) build goes into a temporary file beside the index, through a rollback
/// journal rather than the WAL, and is renamed into place when done. The WAL writes every page
/// twice, once to the log and again at each checkpoint, and the build is bound by its one
/// writer; in a growing file a rollback journal only keeps the few old pages a transaction
/// changes. Until the rename there is no index at `indexPath`, so searches scan rather than ever
/// seeing a half-made schema; a killed build leaves only the temporary file, which the next
/// run removes. The finished file is switched to WAL, so later updates and readers work as
/// before. The caller holds the `IndexLock`.
enum FreshBuild {
    static func temporaryPath(for indexPath: String) -> String { indexPath + ".building" }

    /// - Parameters:
    ///   - configureTerms: how the `terms` table is set up, also in `SeparateTerms`' file.
    ///   - body: the build, given the store and where the pieces' bigrams go.
    static func run(
        indexPath: String, configureTerms: (Database) throws -> Void,
        body: (IndexStore, SeparateTerms?) throws -> IndexUpdateSummary
    ) throws -> IndexUpdateSummary {
        let temporary = temporaryPath(for: indexPath)
        let termsPath = SeparateTerms.path(for: temporary)
        IndexStore.removeFiles(of: temporary)
        IndexStore.removeFiles(of: termsPath)
        defer { IndexStore.removeFiles(of: termsPath) }
        do {
            let summary = try build(at: temporary, termsPath: termsPath, configureTerms: configureTerms, body: body)
            try synchronize(path: temporary)
            // A WAL left by an older index must never be read as this file's.
            for suffix in ["-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: indexPath + suffix) }
            guard rename(temporary, indexPath) == 0 else {
                throw IndexError(reason: "cannot move \(temporary) to \(indexPath): \(String(cString: strerror(errno)))")
            }
            try? synchronize(path: PathText.parent(indexPath).isEmpty
                ? "." : PathText.parent(indexPath))
            return summary
        } catch {
            IndexStore.removeFiles(of: temporary)
            throw error
        }
    }

    /// The store, its statements and its connection are gone when this returns, so the file
    /// is closed (and its WAL, empty, removed) before it is renamed.
    private static func build(
        at temporary: String, termsPath: String, configureTerms: (Database) throws -> Void,
        body: (IndexStore, SeparateTerms?) throws -> IndexUpdateSummary
    ) throws -> IndexUpdateSummary {
        let store = try IndexStore.create(path: temporary, journalMode: "TRUNCATE")
        // Nothing at `indexPath` depends on this file until it is synchronised and renamed,
        // so SQLite need not wait for the disk at each commit.
        try store.database.execute("PRAGMA synchronous=OFF")
        let terms = try SeparateTerms(path: termsPath, configure: configureTerms)
        let summary: IndexUpdateSummary
        do {
            summary = try body(store, terms)
        } catch {
            try? terms.finish()
            throw error
        }
        try terms.finish()
        do {
            try terms.copy(into: store.database)
        } catch let error as SQLiteError where error.isDiskFull {
            // The pieces without their bigrams would be an index that misses hits: none at all.
            throw IndexError(reason: "the disk is full; no index was written, and search scans the files")
        }
        try store.database.execute("PRAGMA journal_mode=WAL")
        return summary
    }

    private static func synchronize(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw IndexError(reason: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw IndexError(reason: "cannot write \(path) to disk: \(String(cString: strerror(errno)))")
        }
    }
}
