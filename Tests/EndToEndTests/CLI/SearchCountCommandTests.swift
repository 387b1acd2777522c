import Foundation
import Testing
import ReportTestSupport

/// `search -c` and `search -l` through the real binary: the counts are those of the full
/// output's sections, indexed or not, with search's exit statuses.
@Suite struct SearchCountCommandTests {
    typealias Library = LibraryCommandTests.Library

    /// `file:N` per file, N the sections the full output lists for that file.
    private func countsFromFullOutput(_ json: String) throws -> [String: Int] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
        var counts: [String: Int] = [:]
        for section in object["sections"] as? [[String: Any]] ?? [] {
            counts[section["file"] as? String ?? "", default: 0] += 1
        }
        return counts
    }

    private func parse(_ lines: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in lines.split(separator: "\n") {
            guard let colon = line.lastIndex(of: ":"), let count = Int(line[line.index(after: colon)...]) else { continue }
            counts[String(line[..<colon])] = count
        }
        return counts
    }

    @Test func countsAreTheFullOutputsSectionsIndexedOrNot() throws {
        let library = try Library()
        defer { library.remove() }
        #expect(try library.run(["index", library.directory, "--index", library.index]).status == 0)
        for query in ["应急", "精神", "法治 政府", "（一）", "管", "依法行政"] {
            let indexed = try library.run(["search", "-c", query, library.directory, "--index", library.index])
            let scanned = try library.run(["search", "--count", query, library.directory, "--no-index"])
            let full = try library.run(["search", query, library.directory, "--no-index", "--json"])
            #expect(indexed.status == 0, "\(query): \(indexed.stderr)")
            #expect(indexed.stdout == scanned.stdout, "\(query)")
            #expect(indexed.stderr == scanned.stderr, "\(query)")
            let expected = try countsFromFullOutput(full.stdout)
            #expect(!expected.isEmpty)
            #expect(parse(indexed.stdout) == expected, "\(query)")
            #expect(indexed.stdout.split(separator: "\n").count == expected.count, "one line per file with a match")
            // -l: the same files, in the same order, paths alone.
            let paths = try library.run(["search", "-l", query, library.directory, "--index", library.index])
            #expect(paths.status == 0)
            #expect(paths.stdout == indexed.stdout.split(separator: "\n").map { $0[..<$0.lastIndex(of: ":")!] + "\n" }.joined())
        }
    }

    @Test func exitStatusesAreSearchs() throws {
        let library = try Library(copies: 1)
        defer { library.remove() }
        #expect(try library.run(["index", library.directory, "--index", library.index]).status == 0)
        let none = try library.run(["search", "-c", "没有这个词语吧", library.directory, "--index", library.index])
        #expect(none.status == 1)
        #expect(none.stdout.isEmpty)
        let file = library.directory + "/地方/1-0.txt"
        let missing = try library.run(["search", "-c", "应急", library.directory + "/nothing-here.txt"])
        #expect(missing.status == 2)
        #expect(!missing.stderr.isEmpty)
        let both = try library.run(["search", "-c", "-l", "应急", file])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--count"))
        // One FILE: N alone, as grep -c; -l still names it.
        let one = try library.run(["search", "-c", "应急", file, "--index", library.index])
        let oneScanned = try library.run(["search", "-c", "应急", file, "--no-index"])
        #expect(one.status == 0)
        #expect(Int(one.stdout.trimmingCharacters(in: .newlines)) ?? 0 > 0, "\(one.stdout)")
        #expect(one.stdout == oneScanned.stdout)
        #expect(try library.run(["search", "-l", "应急", file]).stdout == file + "\n")
        // Several FILEs, one without a hit: path:N for the others only.
        let other = library.directory + "/国务院/0-0.txt"
        let two = try library.run(["search", "-c", "应急", file, other, "--no-index"])
        let twoIndexed = try library.run(["search", "-c", "应急", file, other, "--index", library.index])
        #expect(two.stdout == twoIndexed.stdout)
        #expect(two.stdout.hasPrefix(file + ":"))
    }

    @Test func jsonGivesTheCountsAndTheSkippedFiles() throws {
        let library = try Library(copies: 1)
        defer { library.remove() }
        #expect(try library.run(["index", library.directory, "--index", library.index]).status == 0)
        let result = try library.run(["search", "-c", "法治", library.directory, "--index", library.index, "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["query"] as? String == "法治")
        let files = object["files"] as? [[String: Any]] ?? []
        let lines = try library.run(["search", "-c", "法治", library.directory, "--index", library.index])
        #expect(files.count == lines.stdout.split(separator: "\n").count)
        var parsed: [String: Int] = [:]
        for entry in files { parsed[entry["file"] as? String ?? ""] = entry["sections"] as? Int }
        #expect(parsed == parse(lines.stdout))
        #expect(object["sections"] as? Int == parsed.values.reduce(0, +))
        let skipped = object["skipped"] as? [[String: Any]] ?? []
        #expect(skipped.map { $0["file"] as? String } == [library.directory + "/地方/tool.bin"])
    }

    /// A report changed after indexing is read instead, and --scope and --regex read them all.
    @Test func staleFilesScopesAndRegularExpressionsAreRead() throws {
        let library = try Library(copies: 1)
        defer { library.remove() }
        #expect(try library.run(["index", library.directory, "--index", library.index]).status == 0)
        let changed = library.directory + "/地方/1-0.txt"
        try "改过的报告\n一、蓝鲸\n蓝鲸条款。\n二、又是蓝鲸\n内容。\n".write(toFile: changed, atomically: false, encoding: .utf8)
        let stale = try library.run(["search", "-c", "蓝鲸", library.directory, "--index", library.index])
        #expect(stale.stdout == changed + ":2\n")
        for extra in [["--scope", "1"], ["--regex"]] {
            let indexed = try library.run(["search", "-c", "应急", library.directory, "--index", library.index] + extra)
            let full = try library.run(["search", "应急", library.directory, "--no-index", "--json"] + extra)
            #expect(indexed.status == 0, "\(extra): \(indexed.stderr)")
            #expect(parse(indexed.stdout) == (try countsFromFullOutput(full.stdout)), "\(extra)")
        }
    }
}
