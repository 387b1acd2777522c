import Foundation
import Testing
@testable import ReportKit

/// The hostile inputs of the end-to-end suite, at the library level: each gives a sensible
/// tree (checked by the fuzz oracle: lossless, nested, addresses resolve, search hits inside
/// their sections) or a one-line refusal.
@Suite struct HostileInputLibraryTests {
    static func report(_ bytes: [UInt8]) throws -> Report {
        ReportParser.parse(try TextDecoder.decode(bytes).text)
    }

    static func expectSound(_ bytes: [UInt8], _ label: String) {
        let outcome = FuzzOracle.check(bytes)
        #expect(outcome.problems.isEmpty, "\(label):\n\(outcome.problems.prefix(10).joined(separator: "\n"))")
    }

    @Test(arguments: [
        ("empty", [UInt8]()),
        ("whitespace", Array(" \t\n\u{3000}\n\r\n  \n".utf8)),
        ("BOM alone", [0xEF, 0xBB, 0xBF]),
    ])
    func nothingToParseIsAnEmptyTree(_ label: String, _ bytes: [UInt8]) throws {
        let decoded = try TextDecoder.decode(bytes)
        let report = ReportParser.parse(decoded.text)
        #expect(report.sections.isEmpty, "\(label)")
        #expect(report.frontText == decoded.text[...])
        #expect(decoded.warnings.isEmpty)
        #expect(decoded.hadByteOrderMark == (label == "BOM alone"))
        Self.expectSound(bytes, label)
    }

    @Test func onlyNULBytesAreRefusedInOneLine() {
        let error = #expect(throws: TextDecodingError.self) { try TextDecoder.decode([UInt8](repeating: 0, count: 4096)) }
        #expect(error.map { !$0.description.contains("\n") && $0.description.contains("NUL") } == true)
    }

    @Test func invalidUTF8InTheMiddleKeepsTheTextAroundIt() throws {
        let bytes = Array("一、总则\n正文".utf8) + [0xFF, 0xC3, 0x28, 0xE4, 0xB8] + Array("继续\n二、结束\n".utf8)
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.encoding == .utf8)
        #expect(decoded.text.contains("正文\u{FFFD}"))
        #expect(decoded.text.contains("继续"))
        #expect(decoded.warnings.count == 1)
        let report = ReportParser.parse(decoded.text)
        #expect(report.sections.map(\.heading) == ["总则", "结束"])
        Self.expectSound(bytes, "invalid UTF-8")
    }

    @Test func aStrayByteInGB18030CostsOnlyThatByte() throws {
        let text = "一、总则\n正文内容\n二、结束\n"
        let clean = try DecodingFixtures.gb18030(text)
        // 0x80 and 0xFF are never part of a GB18030 character, so nothing else is swallowed.
        let newline = try #require(clean.firstIndex(of: 0x0A))
        var bytes = clean
        bytes.insert(0x80, at: newline + 1)
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.text == "一、总则\n\u{FFFD}正文内容\n二、结束\n")
        #expect(decoded.warnings.count == 1 && decoded.warnings[0].contains("GB18030"))
        #expect(ReportParser.parse(decoded.text).sections.map(\.heading) == ["总则", "结束"])
        Self.expectSound(bytes, "GB18030 with a stray byte")
    }

    /// `1`, `1.1`, `1.1.1` … 10,000 levels deep (100 MB of text): the markers the scanner can
    /// see nest as one chain; the deeper lines are the body of the deepest heading it takes.
    @Test func tenThousandNestedDecimalLevels() throws {
        var text = ""
        var marker = ""
        for depth in 1...10_000 {
            marker += depth == 1 ? "1" : ".1"
            text += marker + " 第\(depth)层\n"
        }
        let report = ReportParser.parse(text)
        #expect(report.sections.count >= 10)
        #expect(report.roots == [0])
        for section in report.sections {
            #expect(section.children == (section.index + 1 < report.sections.count ? [section.index + 1] : []))
            #expect(section.heading == "第\(section.depth)层")
            #expect(report.resolve(section.address) == .found(section.index))
        }
        #expect(report.sections.last?.ownRange.upperBound == text.utf8.count)
        #expect(FuzzOracle.treeProblems(report).isEmpty)
    }

    /// Every style nested in the next, the whole staircase repeated: depth stays the number of
    /// styles, and each repetition is a new top-level section.
    @Test func everyStyleNestedDeepRepeatedly() throws {
        let staircase = ["第一编 总", "第一章 章", "第一节 节", "第一条 条", "一、甲", "（一）乙", "1.丙", "（1）丁", "①戊"]
        var lines: [String] = []
        let repetitions = 2_000
        for repetition in 1...repetitions {
            let numeral = FuzzInputs.chineseNumeral(repetition)
            lines.append("第\(numeral)编 总\(repetition)")
            lines += staircase.dropFirst()
        }
        let text = lines.joined(separator: "\n") + "\n"
        let report = ReportParser.parse(text)
        #expect(report.roots.count == repetitions)
        #expect(report.sections.map(\.depth).max() == staircase.count)
        #expect(report.sections.count == repetitions * staircase.count)
        #expect(report.resolve("\(repetitions).1.1.1.1.1.1.1.1") == .found(report.sections.count - 1))
        #expect(FuzzOracle.treeProblems(report).isEmpty)
    }

    @Test func aHundredThousandChapters() throws {
        let count = 100_000
        let text = (1...count).map { "\(FuzzInputs.chineseNumeral($0))、第\($0)章" }.joined(separator: "\n") + "\n"
        let report = ReportParser.parse(text)
        #expect(report.roots.count == count)
        #expect(report.sections.allSatisfy { $0.depth == 1 && $0.heading == "第\($0.index + 1)章" })
        #expect(report.resolve("\(count)") == .found(count - 1))
        #expect(report.resolve("十万") == .found(count - 1))
        let results = try SearchIndex(report: report).search(SearchQuery("第99999章"))
        #expect(results.hits.map(\.section) == [99_998])
        #expect(FuzzOracle.treeProblems(report).isEmpty)
    }

    @Test func aFiveMegabyteLine() throws {
        let unit = "法治政府建设abc，"
        var line = "一、" + String(repeating: unit, count: 5 * 1024 * 1024 / unit.utf8.count) + "终点"
        line += "\n二、后记\n"
        let report = ReportParser.parse(line)
        #expect(report.sections.count == 2)
        #expect(report.sections[0].ownRange.count > 5_000_000)
        let index = SearchIndex(report: report)
        let end = try index.search(SearchQuery("终点"))
        #expect(end.hits.count == 1 && end.hits.first?.section == 0)
        let snippet = try #require(end.hits.first.map { report.snippet(for: $0) })
        #expect(snippet.text.count < 100 && snippet.text.contains("终点"))
        let everywhere = try index.search(SearchQuery("建设"))
        #expect(everywhere.totalCount == 5 * 1024 * 1024 / unit.utf8.count)
        #expect(everywhere.sections.map(\.section) == [0])
        #expect(FuzzOracle.treeProblems(report).isEmpty)
    }
}
