import Foundation
@testable import ReportIndex
import Testing

/// The walk of FILE and DIR arguments into library members.
@Suite struct LibraryFilesTests {
    @Test func linksHiddenNamesOrderAndRepeatedArguments() throws {
        let root = NSTemporaryDirectory() + "library-files-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let manager = FileManager.default
        for folder in ["lib/b", "lib/a", "lib/.hidden", "elsewhere"] {
            try manager.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        for file in ["lib/b/2.txt", "lib/b/10.txt", "lib/a/报告.txt", "lib/.hidden/x.txt", "lib/.swp", "elsewhere/target.txt"] {
            try Data("内容\n".utf8).write(to: URL(fileURLWithPath: root + "/" + file))
        }
        try manager.createSymbolicLink(atPath: root + "/lib/a/link.txt", withDestinationPath: root + "/elsewhere/target.txt")
        try manager.createSymbolicLink(atPath: root + "/lib/loop", withDestinationPath: root + "/lib")
        try manager.createSymbolicLink(atPath: root + "/lib/b/dangling.txt", withDestinationPath: root + "/nowhere.txt")
        let lib = root + "/lib"
        let listing = LibraryFiles.list([lib])
        // Byte order in each folder, depth first; the link to a file is a member, the link to a
        // directory (a loop here) is not followed, hidden names are left out.
        #expect(listing.files.map(\.displayPath) == [lib + "/a/link.txt", lib + "/a/报告.txt", lib + "/b/10.txt", lib + "/b/2.txt"])
        #expect(listing.files.first?.size == 7)
        #expect(listing.skipped.map(\.displayPath) == [lib + "/b/dangling.txt"])
        #expect(listing.skipped.first?.reason.isEmpty == false)
        // A file named again after its folder is listed once; a missing argument is skipped.
        let twice = LibraryFiles.list([lib, lib + "/b/2.txt", root + "/missing"])
        #expect(twice.files.count == 4)
        #expect(twice.skipped.map(\.displayPath) == [lib + "/b/dangling.txt", root + "/missing"])
        #expect(LibraryFiles.list([lib + "/b/2.txt"]).files.map(\.absolutePath) == [lib + "/b/2.txt"])
    }
}
