import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import ReportIndex
import Testing

/// The walk spread over threads (`FolderWalk`) must list exactly what one thread lists, in the
/// same order, whatever the tree holds.
@Suite struct FolderWalkTests {
    private struct Tree {
        let root = NSTemporaryDirectory() + "folder-walk-\(UUID().uuidString)"
        var manager: FileManager { .default }

        func folder(_ path: String) throws {
            try manager.createDirectory(atPath: root + "/" + path, withIntermediateDirectories: true)
        }

        func file(_ path: String, _ text: String = "内容\n") throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + path))
        }

        /// A file whose name is not UTF-8 (GBK bytes), as archives from Windows leave them.
        func rawFile(in folder: String, name: [UInt8]) throws {
            let path = Array((root + "/" + folder + "/").utf8) + name + [0]
            let descriptor = path.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
            }
            try #require(descriptor >= 0, "\(String(cString: strerror(errno)))")
            close(descriptor)
        }

        func remove() {
            _ = try? manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root + "/lib/locked")
            try? manager.removeItem(atPath: root)
        }
    }

    /// Nested folders, more of them than the walk lists ahead, with every kind of entry.
    private func makeTree() throws -> Tree {
        let tree = Tree()
        for year in 2019...2023 {
            for district in ["东城区", "西城区", "a", "b-c", "b", "z"] {
                try tree.folder("lib/\(year)/\(district)/deep/deeper")
                for report in ["1.txt", "10.txt", "2.txt", "报告.txt", ".hidden.txt"] {
                    try tree.file("lib/\(year)/\(district)/\(report)", "\(year)\(district)\(report)\n")
                }
                try tree.file("lib/\(year)/\(district)/deep/deeper/last.txt")
            }
            try tree.file("lib/\(year)/index.txt")
        }
        try tree.folder("lib/.git/objects")
        try tree.file("lib/.git/objects/x.txt")
        try tree.folder("lib/locked")
        try tree.file("lib/locked/inside.txt")
        _ = chmod(tree.root + "/lib/locked", 0)
        try tree.folder("elsewhere")
        try tree.file("elsewhere/target.txt")
        try tree.manager.createSymbolicLink(atPath: tree.root + "/lib/2020/a/link.txt", withDestinationPath: tree.root + "/elsewhere/target.txt")
        try tree.manager.createSymbolicLink(atPath: tree.root + "/lib/2021/loop", withDestinationPath: tree.root + "/lib")
        try tree.manager.createSymbolicLink(atPath: tree.root + "/lib/2022/b/dangling.txt", withDestinationPath: tree.root + "/nowhere.txt")
        try tree.rawFile(in: "lib/2023/z", name: [0xB1, 0xA8, 0xB8, 0xE6, 0x2E, 0x74, 0x78, 0x74])
        return tree
    }

    @Test func spreadWalkListsWhatOneThreadLists() throws {
        let tree = try makeTree()
        defer { tree.remove() }
        let lib = tree.root + "/lib"
        for paths in [[lib], [lib + "/2020", lib, lib + "/2021/a/1.txt", tree.root + "/missing"], [lib + "/2022/b/2.txt"]] {
            let spread = LibraryFiles.list(paths, parallel: true)
            let alone = LibraryFiles.list(paths, parallel: false)
            #expect(spread.files == alone.files)
            #expect(spread.skipped == alone.skipped)
        }
        let listing = LibraryFiles.list([lib], parallel: true)
        // 5 years × (6 districts × 5 visible files + 1) + the link to a file; hidden names, the
        // loop and the dangling link are not members.
        let locked = access(lib + "/locked", R_OK) == 0 ? 1 : 0
        #expect(listing.files.count == 5 * (6 * 5 + 1) + 1 + locked)
        #expect(listing.files.contains { $0.displayPath.hasSuffix("/2020/a/link.txt") })
        // A name that is not UTF-8 is skipped with that reason, never fatal (paths are Strings,
        // so the repaired name does not reach the file: a limit of `LibraryFile` today).
        #expect(listing.skipped.contains { $0.displayPath.hasPrefix(lib + "/2023/z/\u{FFFD}") && $0.reason.contains("not UTF-8") })
        #expect(!listing.files.contains { $0.displayPath.contains("/.") || $0.displayPath.contains("/loop/") })
        #expect(listing.skipped.map(\.displayPath).contains(lib + "/2022/b/dangling.txt"))
        // Byte order in every folder, depth first: a folder's files and subfolders interleave.
        // (The non-UTF-8 name sorts by its own bytes, not by the U+FFFD it is shown with.)
        let paths = listing.files.filter { !$0.absolutePath.contains("\u{FFFD}") }
            .map { Array($0.absolutePath.utf8).map { $0 == UInt8(ascii: "/") ? 0 : $0 } }
        #expect(paths == paths.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(Set(listing.files.map(\.absolutePath)).count == listing.files.count)
        // A folder that cannot be read is skipped with its reason (root reads it regardless).
        if locked == 0 {
            #expect(listing.skipped.contains { $0.displayPath == lib + "/locked" && !$0.reason.isEmpty })
        }
    }

    @Test func filesVanishingMidWalkAreNeverInventedNorLost() throws {
        let tree = try makeTree()
        defer { tree.remove() }
        let lib = tree.root + "/lib"
        let before = LibraryFiles.list([lib], parallel: false).files.map(\.absolutePath)
        let doomed = Set(before.filter { $0.hasSuffix("/10.txt") })
        let removing = Thread {
            for path in doomed.sorted() { unlink(path) }
        }
        removing.start()
        for _ in 0..<4 {
            let during = LibraryFiles.list([lib], parallel: true)
            let listed = during.files.map(\.absolutePath)
            // Nothing but what was there, in the same order; everything not removed is there.
            #expect(listed.allSatisfy(Set(before).contains))
            #expect(listed == before.filter(Set(listed).contains))
            #expect(before.filter { !doomed.contains($0) }.allSatisfy(Set(listed).contains))
            // A file gone between the folder's listing and its stat is skipped, not fatal.
            #expect(during.skipped.allSatisfy { skipped in
                doomed.contains(skipped.displayPath) || skipped.displayPath.hasSuffix("/dangling.txt") || skipped.displayPath.hasSuffix("/locked")
                    || skipped.displayPath.contains("\u{FFFD}")
            })
        }
        while !doomed.allSatisfy({ access($0, F_OK) != 0 }) { usleep(1000) }
        let after = LibraryFiles.list([lib], parallel: true)
        #expect(after.files.map(\.absolutePath) == before.filter { !doomed.contains($0) })
    }
}
