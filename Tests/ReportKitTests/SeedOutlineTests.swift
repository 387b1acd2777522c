import Foundation
import ReportTestSupport
import Testing
@testable import ReportKit

@Suite struct SeedOutlineTests {
    static func seedReport() throws -> Report {
        ReportParser.parse(try TestPaths.text(TestPaths.seed))
    }

    @Test func titleAndMetadata() throws {
        let report = try Self.seedReport()
        #expect(report.title == "杭州市钱塘区人民政府关于钱塘区2024年法治政府建设年度报告")
        #expect(report.metadata == [
            MetadataEntry(key: "发布日期", value: "2025-02-24 09:44"),
            MetadataEntry(key: "信息来源", value: "钱塘区政府办公室"),
        ])
    }

    @Test func fourChaptersWithTheirItems() throws {
        let report = try Self.seedReport()
        let chapters = report.roots.map { report.sections[$0] }
        #expect(chapters.map { $0.marker + $0.heading } == [
            "一、主要举措和突出成效", "二、存在的不足和原因",
            "三、党政主要负责人履行推进法治建设第一责任人职责情况", "四、2025年主要工作安排",
        ])
        #expect(chapters.map(\.children.count) == [6, 2, 3, 3])
        let item = report.sections[chapters[0].children[1]]
        #expect(item.marker == "(二)")
        #expect(item.heading == "创新改革举措,优化营商环境")
        #expect(item.address == "1.2")
        #expect(item.line == 6)
        #expect(report.ownText(of: item).hasPrefix("(二)创新改革举措"))
        #expect(report.slice(item.headingRange) == "创新改革举措,优化营商环境")
        #expect(report.slice(item.bodyRange).hasPrefix("打造全省首个"))
    }

    @Test func preambleIsFrontMatter() throws {
        let report = try Self.seedReport()
        #expect(report.frontText.hasSuffix("现将有关情况报告如下:\n"))
        #expect(report.slice(report.preambleStart..<report.frontRange.upperBound).hasPrefix("2024年,钱塘区"))
    }

    @Test func addressesResolve() throws {
        let report = try Self.seedReport()
        let cases: [(String, String?)] = [
            ("3.2", "强化述职述法"), ("三(二)", "强化述职述法"), ("三、（二）", "强化述职述法"),
            ("三（二）", "强化述职述法"), ("四（三）", "聚焦效能进阶,推动法治政府建设新突破"),
            ("4.3", "聚焦效能进阶,推动法治政府建设新突破"), ("述职述法", "强化述职述法"),
            ("二", "存在的不足和原因"), ("５.1", nil), ("3.9", nil), ("无此标题", nil),
        ]
        for (address, heading) in cases {
            let resolution = report.resolve(address)
            if let heading {
                guard case .found(let index) = resolution else {
                    Issue.record("\(address) did not resolve: \(resolution)")
                    continue
                }
                #expect(report.sections[index].heading == heading, "\(address)")
            } else {
                #expect(resolution == .notFound, "\(address)")
            }
        }
        guard case .ambiguous(let candidates) = report.resolve("法治") else {
            Issue.record("法治 should be ambiguous")
            return
        }
        #expect(candidates.count > 1)
        #expect(report.describeFailure(of: "法治", .ambiguous(candidates))?.contains("several") == true)
    }
}

@Suite struct EncodedSeedTests {
    /// The same report in other encodings and line endings gives the same tree.
    @Test func utf16AndCRLFCopiesGiveTheSameTree() throws {
        let bytes = [UInt8](try Data(contentsOf: TestPaths.seed))
        let reference = ReportParser.parse(try TextDecoder.decode(bytes).text)
        let text = String(decoding: bytes, as: UTF8.self)
        var utf16: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 { utf16 += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let crlf = [UInt8](text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        for copy in [utf16, crlf] {
            let report = ReportParser.parse(try TextDecoder.decode(copy).text)
            #expect(OutlineExport.json(report) == OutlineExport.json(reference))
            #expect(report.sections.map(\.ownRange) == reference.sections.map(\.ownRange))
        }
    }
}
