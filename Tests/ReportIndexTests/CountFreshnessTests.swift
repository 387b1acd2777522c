import Foundation
@testable import ReportIndex
import ReportKit
import Testing

/// `search --count` trusts the index for a file only while the walk finds it as the index
/// recorded it: these change the library after indexing in the ways the walk must notice.
@Suite struct CountFreshnessTests {
    private func counts(_ results: LibraryCountResults) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: results.files.map { ($0.file.displayPath, $0.sections) })
    }

    private func index(_ fixture: LibraryFixture, _ paths: [String]? = nil) throws {
        _ = try IndexUpdate.run(paths: paths ?? [fixture.library], indexPath: fixture.indexPath) { _ in }
    }

    /// Same size, same folder depth below the argument: only the time tells the index is stale.
    @Test func aFileRewrittenToTheSameSizeInASubfolderIsNoticedByItsTime() throws {
        let fixture = try LibraryFixture(reports: 6, seed: 161)
        defer { fixture.remove() }
        let relative = "lib/2024/区县/same-size.txt"
        let path = fixture.root + "/" + relative
        try fixture.write("报告\n一、白鹭\n白鹭条款。\n二、其他\n白鹭又见。\n", to: relative)
        try index(fixture)
        // 白鹭 and 蓝鲸 are both six bytes in UTF-8.
        try fixture.write("报告\n一、蓝鲸\n蓝鲸条款。\n二、其他\n蓝鲸又见。\n", to: relative)
        let earlier = try #require(FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        try FileManager.default.setAttributes([.modificationDate: earlier.addingTimeInterval(-3600)], ofItemAtPath: path)
        let results = LibraryCount.run(SearchQuery("蓝鲸"), paths: [fixture.library], index: .at(fixture.indexPath))
        #expect(counts(results) == [path: 2])
        #expect(results.filesFromIndex == LibraryFiles.list([fixture.library]).files.count - 1)
        let old = LibraryCount.run(SearchQuery("白鹭"), paths: [fixture.library], index: .at(fixture.indexPath))
        #expect(old.files.isEmpty)
    }

    @Test func aFolderThatVanishedIsNotListed() throws {
        let fixture = try LibraryFixture(reports: 9, seed: 162)
        defer { fixture.remove() }
        try fixture.write("报告\n一、蓝鲸\n蓝鲸条款。\n", to: "lib/2024/区县/whale.txt")
        try index(fixture)
        try FileManager.default.removeItem(atPath: fixture.library + "/2024/区县")
        let results = LibraryCount.run(SearchQuery("蓝鲸"), paths: [fixture.library], index: .at(fixture.indexPath))
        #expect(results.files.isEmpty)
        // Only the fixture's binary file, recorded as unreadable; nothing of the folder.
        #expect(results.skipped.map(\.displayPath) == [fixture.library + "/2023/scan.bin"])
        let listing = LibraryFiles.list([fixture.library])
        #expect(!listing.files.contains { $0.displayPath.contains("区县") })
        #expect(results.filesFromIndex == listing.files.count)
    }

    /// The record of the file stays in the index; the walk finds a folder there and lists
    /// what is inside it, which the index has never seen.
    @Test func aFileReplacedByAFolderIsWalkedAsAFolder() throws {
        let fixture = try LibraryFixture(reports: 6, seed: 163)
        defer { fixture.remove() }
        try fixture.write("报告\n一、蓝鲸\n蓝鲸条款。\n", to: "lib/2023/whale.txt")
        try index(fixture)
        let replaced = fixture.library + "/2023/whale.txt"
        try FileManager.default.removeItem(atPath: replaced)
        try FileManager.default.createDirectory(atPath: replaced, withIntermediateDirectories: false)
        try fixture.write("报告\n一、蓝鲸\n蓝鲸条款。\n二、蓝鲸\n三、蓝鲸\n", to: "lib/2023/whale.txt/inside.txt")
        let results = LibraryCount.run(SearchQuery("蓝鲸"), paths: [fixture.library], index: .at(fixture.indexPath))
        #expect(counts(results) == [replaced + "/inside.txt": 3])
        #expect(results.filesFromIndex == LibraryFiles.list([fixture.library]).files.count - 1)
    }

    /// Records in another order than the walk's (the index built folder by folder, in reverse)
    /// and an argument whose text differs from its absolute path: every record is still found.
    @Test func recordsOutOfWalkOrderAndUnnormalisedArguments() throws {
        var fixture = try LibraryFixture(reports: 15, seed: 164)
        defer { fixture.remove() }
        try index(fixture, [fixture.library + "/2024/区县", fixture.library + "/2024", fixture.library + "/2023"])
        let argument = fixture.library + "/./2024/../"
        let listing = LibraryFiles.list([argument])
        #expect(listing.files.first?.displayPath.hasPrefix(argument) == true)
        #expect(listing.files.first?.absolutePath.hasPrefix(fixture.library + "/20") == true)
        let texts = try listing.files.filter { $0.size > 0 && $0.displayPath.hasSuffix(".txt") }
            .map { try String(contentsOfFile: $0.absolutePath, encoding: .utf8) }
        for _ in 0..<10 {
            var query = ""
            while query.unicodeScalars.count != 2 { query = String(fixture.query(from: texts).filter { !$0.isWhitespace }.prefix(2)) }
            let indexed = LibraryCount.run(SearchQuery(query), paths: [argument], index: .at(fixture.indexPath))
            #expect(indexed.filesFromIndex == listing.files.count, "\(query)")
            let scanned = LibraryCount.run(SearchQuery(query), paths: [argument], index: .none)
            #expect(counts(indexed) == counts(scanned), "\(query)")
        }
    }
}
