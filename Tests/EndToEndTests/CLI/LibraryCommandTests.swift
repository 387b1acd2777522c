import Foundation
import Testing
import ReportTestSupport

/// `index` and `search DIR` through the real binary, with a private index file.
@Suite struct LibraryCommandTests {
    struct Library {
        let root: URL
        var directory: String { root.appendingPathComponent("lib").path }
        var index: String { root.appendingPathComponent("cache/index.sqlite").path }

        /// The corpus and the seed in two folders, each report also as a few edited copies,
        /// and a binary file.
        init(copies: Int = 2) throws {
            root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("rb-library-\(UUID().uuidString)")
            let manager = FileManager.default
            for folder in ["lib/国务院", "lib/地方"] {
                try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            let docs = try manager.contentsOfDirectory(atPath: CommandRunner.corpusPath).filter { $0.hasSuffix(".txt") }.sorted()
            var sources = docs.map { CommandRunner.corpusPath + "/" + $0 }
            sources.append(CommandRunner.seedPath)
            for (number, source) in sources.enumerated() {
                let text = try String(contentsOfFile: source, encoding: .utf8)
                let folder = number % 2 == 0 ? "lib/国务院" : "lib/地方"
                for copy in 0..<copies {
                    let edited = copy == 0 ? text : text + "\n附件\(copy)\n第\(copy)份补充材料，涉及应急管理。\n"
                    try edited.write(to: root.appendingPathComponent("\(folder)/\(number)-\(copy).txt"), atomically: false, encoding: .utf8)
                }
            }
            try Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1]).write(to: root.appendingPathComponent("lib/地方/tool.bin"))
        }

        func run(_ arguments: [String]) throws -> CommandResult {
            try CommandRunner.run(arguments, environment: ["XDG_CACHE_HOME": root.appendingPathComponent("xdg").path])
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func indexedAndUnindexedSearchesPrintTheSameLines() throws {
        let library = try Library()
        defer { library.remove() }
        let index = try library.run(["index", library.directory, "--index", library.index])
        #expect(index.status == 0, "\(index.stderr)")
        #expect(index.stdout.contains("added"))
        #expect(index.stderr.contains("tool.bin: skipped: binary file"))
        for query in ["应急", "法治 政府", "（一）", "管"] {
            let indexed = try library.run(["search", query, library.directory, "--index", library.index])
            let scanned = try library.run(["search", query, library.directory, "--no-index"])
            #expect(indexed.status == 0)
            #expect(indexed.stdout == scanned.stdout, "\(query)")
            #expect(indexed.stderr == scanned.stderr)
            let first = try #require(indexed.stdout.split(separator: "\n").first)
            // file:line: address: snippet
            #expect(first.hasPrefix(library.directory + "/"))
            #expect(first.split(separator: ":").count >= 4)
            #expect(first.contains("["))
        }
        let json = try library.run(["search", "应急", library.directory, "--index", library.index, "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any] ?? [:]
        #expect((object["total"] as? Int ?? 0) > 0)
        let skipped = object["skipped"] as? [[String: Any]] ?? []
        #expect(skipped.map { $0["file"] as? String } == [library.directory + "/地方/tool.bin"])
        #expect(try library.run(["search", "没有这个词语吧", library.directory]).status == 1)
    }

    @Test func theDefaultIndexLivesInTheCacheDirectory() throws {
        let library = try Library(copies: 1)
        defer { library.remove() }
        #expect(try library.run(["index", library.directory]).status == 0)
        let expected = library.root.appendingPathComponent("xdg/report-browser/index-v3.sqlite").path
        #expect(FileManager.default.fileExists(atPath: expected))
    }

    @Test func aSingleFileIsAnsweredFromTheIndexWithTheUsualOutput() throws {
        let library = try Library(copies: 1)
        defer { library.remove() }
        let file = library.directory + "/地方/1-0.txt"
        let before = try library.run(["search", "应急", file, "--index", library.index])
        #expect(try library.run(["index", file, "--index", library.index]).status == 0)
        let after = try library.run(["search", "应急", file, "--index", library.index])
        #expect(after.stdout == before.stdout)
        #expect(after.status == before.status)
    }

    @Test func aKilledIndexRunLeavesAnIndexThatSearchesCorrectly() throws {
        let library = try Library(copies: 12)
        defer { library.remove() }
        // Wherever the run has got to when the watchdog kills it, the index must be usable.
        _ = try ChildProcess.run(
            CommandRunner.binary.path, ["index", library.directory, "--index", library.index],
            environment: CommandRunner.environment(), limit: 0.3)
        let indexed = try library.run(["search", "法治", library.directory, "--index", library.index])
        let scanned = try library.run(["search", "法治", library.directory, "--no-index"])
        #expect(indexed.stdout == scanned.stdout)
        #expect(!indexed.stderr.contains("rebuild"), "\(indexed.stderr)")
        // A first build is made aside and renamed into place whole: a run killed before the
        // schema existed must not leave a file that search calls "not a report-browser index".
        #expect(!indexed.stderr.contains("not a report-browser index"), "\(indexed.stderr)")
        #expect(!indexed.stderr.contains("cannot"), "\(indexed.stderr)")
        let rerun = try library.run(["index", library.directory, "--index", library.index])
        #expect(rerun.status == 0)
        #expect(!FileManager.default.fileExists(atPath: library.index + ".building"), "a killed build's temporary file is removed")
        #expect(FileManager.default.fileExists(atPath: library.index))
        #expect(try library.run(["search", "法治", library.directory, "--index", library.index]).stdout == scanned.stdout)
    }
}
