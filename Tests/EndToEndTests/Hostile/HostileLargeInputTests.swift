import Foundation
import Testing

/// Big and deep documents through every subcommand, under the watchdog.
@Suite(.serialized) struct HostileLargeInputTests {
    @Test func aFiveMegabyteLine() throws {
        let documents = try HostileDocuments()
        defer { documents.remove() }
        let text = HostileDocuments.fiveMegabyteLine()
        let path = try documents.write("line.txt", text: text)

        let outline = try WatchedProcess.browser(["outline", path])
        HostileInputTests.expectCleanEnd(outline, "outline")
        #expect(outline.status == 0 && outline.stdout.hasPrefix("1  一、法治政府建设abc，") && outline.stdout.hasSuffix(HostileDocuments.bigLineEnd + "\n"))
        #expect(outline.stdout.split(separator: "\n").count == 1)

        let show = try WatchedProcess.browser(["show", "1", path])
        HostileInputTests.expectCleanEnd(show, "show")
        #expect(show.status == 0 && show.output == Data(text.utf8), "\(show.output.count) bytes")

        let search = try WatchedProcess.browser(["search", HostileDocuments.bigLineEnd, path])
        HostileInputTests.expectCleanEnd(search, "search")
        #expect(search.status == 0, "\(search)")
        // The section line carries the whole heading (the line); the hit line only a snippet.
        let hitLines = search.stdout.split(separator: "\n")
        #expect(hitLines.count == 2 && hitLines.last?.hasSuffix("[\(HostileDocuments.bigLineEnd)]") == true, "\(search)")
        #expect((hitLines.last?.count ?? .max) < 100)

        let json = try WatchedProcess.browser(["export", path])
        HostileInputTests.expectCleanEnd(json, "export json")
        let exported = try JSONSerialization.jsonObject(with: json.output) as? [String: Any]
        let sections = exported?["sections"] as? [[String: Any]]
        #expect(sections?.count == 1 && (sections?.first?["text"] as? String) == text)

        let markdown = try WatchedProcess.browser(["export", "--format", "markdown", path])
        HostileInputTests.expectCleanEnd(markdown, "export markdown")
        #expect(markdown.status == 0 && markdown.output.count > 5_000_000 && markdown.stdout.contains(HostileDocuments.bigLineEnd))
    }

    @Test func tenThousandNestedDecimalLevels() throws {
        let documents = try HostileDocuments()
        defer { documents.remove() }
        let path = try documents.write("deep.txt", HostileDocuments.nestedDecimals(10_000))
        let outline = try WatchedProcess.browser(["outline", path])
        HostileInputTests.expectCleanEnd(outline, "outline")
        let lines = outline.stdout.split(separator: "\n")
        #expect(outline.status == 0 && lines.count >= 10, "\(outline)")
        // One chain: each line one level deeper (two more spaces of indentation) than the last.
        for (depth, line) in lines.enumerated() {
            #expect(line.prefix { $0 == " " }.count == 2 * depth, "\(line)")
            #expect(line.hasSuffix(" 第\(depth + 1)层"), "\(line)")
        }
        let deepest = lines.count
        let address = Array(repeating: "1", count: deepest).joined(separator: ".")
        let show = try WatchedProcess.browser(["show", address, path])
        HostileInputTests.expectCleanEnd(show, "show")
        #expect(show.status == 0 && show.stdout.hasPrefix("\(address) 第\(deepest)层\n") && show.stdout.hasSuffix(" 第10000层\n"))
        let json = try WatchedProcess.browser(["outline", "--json", path])
        HostileInputTests.expectCleanEnd(json, "outline --json")
        #expect(json.status == 0 && (try? JSONSerialization.jsonObject(with: json.output)) != nil)
        let search = try WatchedProcess.browser(["search", "第9999层", path])
        HostileInputTests.expectCleanEnd(search, "search")
        #expect(search.status == 0 && search.stdout.hasPrefix("\(address)  "), "\(search)")
    }

    @Test func everyStyleNestedDeep() throws {
        let documents = try HostileDocuments()
        defer { documents.remove() }
        let path = try documents.write("styles.txt", text: HostileDocuments.nestedStyles(5_000))
        let outline = try WatchedProcess.browser(["outline", path])
        HostileInputTests.expectCleanEnd(outline, "outline")
        let lines = outline.stdout.split(separator: "\n")
        #expect(outline.status == 0 && lines.count == 5_000 * 9, "\(lines.count) lines")
        #expect(lines.last == "                5000.1.1.1.1.1.1.1.1  ① 戊")
        let show = try WatchedProcess.browser(["show", "第五千编第一章第一节第一条一（一）1（1）", path])
        HostileInputTests.expectCleanEnd(show, "show")
        #expect(show.status == 0 && show.stdout == "（1）丁\n①戊\n", "\(show)")
        let deepest = try WatchedProcess.browser(["show", "5000.1.1.1.1.1.1.1.1", path])
        #expect(deepest.status == 0 && deepest.stdout == "①戊\n", "\(deepest)")
        for arguments in [["export"], ["export", "--format", "markdown"], ["search", "戊"], ["outline", "--json"]] {
            let result = try WatchedProcess.browser(arguments + [path])
            HostileInputTests.expectCleanEnd(result, "\(arguments)")
            #expect(result.status == 0, "\(arguments): \(result)")
        }
    }

    @Test func aHundredThousandChapters() throws {
        let documents = try HostileDocuments()
        defer { documents.remove() }
        let path = try documents.write("chapters.txt", text: HostileDocuments.chapters(100_000))
        let outline = try WatchedProcess.browser(["outline", path])
        HostileInputTests.expectCleanEnd(outline, "outline")
        let lines = outline.stdout.split(separator: "\n")
        #expect(outline.status == 0 && lines.count == 100_000)
        #expect(lines.first == "1  一、第1章" && lines.last == "100000  十万、第100000章")
        #expect(lines[10_299] == "10300  一万零三百、第10300章")
        let show = try WatchedProcess.browser(["show", "九万九千九百九十九", path])
        HostileInputTests.expectCleanEnd(show, "show")
        #expect(show.status == 0 && show.stdout == "九万九千九百九十九、第99999章\n", "\(show)")
        let search = try WatchedProcess.browser(["search", "第77777章", path])
        #expect(search.status == 0 && search.stdout.hasPrefix("77777  七万七千七百七十七、第77777章"), "\(search)")
    }
}
