import Foundation
import Testing

@Suite struct ShowCommandTests {
    static let addresses = ["3.2", "三(二)", "三、（二）", "三（二）", "述职述法"]

    @Test(arguments: addresses)
    func showsTheSectionText(_ address: String) throws {
        let result = try CommandRunner.run(["show", address])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "(二)强化述职述法。严格落实党政主要负责人履行推进法治建设第一责任人职责。认真落实行政负责人出庭应诉制度,7名区领导出庭应诉8次。\n")
    }

    @Test func showIncludesSubsections() throws {
        let result = try CommandRunner.run(["show", "2", CommandRunner.seedPath])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first == "二、存在的不足和原因")
        #expect(lines[2].hasPrefix("(二)基层法治力量"))
    }

    @Test func unknownAddress() throws {
        let result = try CommandRunner.run(["show", "9.9"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("has 4 chapters; “9.9” is not one of them"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        let keyword = try CommandRunner.run(["show", "无此标题"])
        #expect(keyword.status == 1)
        #expect(keyword.stderr.contains("no section matches “无此标题”"))
    }

    @Test func ambiguousAddressListsCandidates() throws {
        let result = try CommandRunner.run(["show", "法治"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("several"))
        #expect(result.stderr.contains("1.1"))
    }
}

@Suite struct ExportCommandTests {
    @Test func jsonFrontAndTextsRebuildTheDocument() throws {
        for path in [CommandRunner.seedPath, CommandRunner.corpusPath + "/12_liangshi_yingji_yuan2005.txt"] {
            let result = try CommandRunner.run(["export", path, "--format", "json"])
            #expect(result.status == 0)
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
            var rebuilt = object["front"] as? String ?? ""
            func walk(_ sections: [[String: Any]]) {
                for section in sections {
                    rebuilt += section["text"] as? String ?? ""
                    walk(section["children"] as? [[String: Any]] ?? [])
                }
            }
            walk(object["sections"] as? [[String: Any]] ?? [])
            let original = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            #expect(rebuilt == original, "\(path)")
        }
    }

    @Test func markdownHeadings() throws {
        let result = try CommandRunner.run(["export", "--format", "markdown"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "# 杭州市钱塘区人民政府关于钱塘区2024年法治政府建设年度报告")
        #expect(lines.contains("## 一、主要举措和突出成效"))
        #expect(lines.contains("### (二)创新改革举措,优化营商环境"))
        #expect(lines.contains { $0.hasPrefix("打造全省首个") })
    }

    @Test func unknownFormatIsRejected() throws {
        let result = try CommandRunner.run(["export", "--format", "pdf"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("pdf"))
    }
}
