import Foundation
import Testing

/// Each real PDF, saved page and Word document of the corpus, opened through the CLI, against
/// its hand-checked outline.
@Suite struct FormatCorpusTests {
    struct Node: Decodable {
        let marker: String
        let heading: String?
        let children: [Node]?
    }

    struct Expected: Decodable {
        let title: String
        let chapters: [Node]
    }

    struct Outline: Decodable {
        let title: String
        let sections: [Node]
    }

    static let corpus = CommandRunner.repositoryRoot.appendingPathComponent("Tests/Corpus")

    static func normalized(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }
    }

    static func outline(of path: String) throws -> Outline {
        let result = try CommandRunner.run(["outline", "--json", path])
        #expect(result.status == 0, "\(path): \(result.stderr)")
        return try JSONDecoder().decode(Outline.self, from: Data(result.stdout.utf8))
    }

    /// Markers and headings of every expected node, in order; children compared where the
    /// expected file lists them.
    static func compare(_ actual: [Node], _ expected: [Node], in document: String) {
        #expect(actual.map { normalized($0.marker) } == expected.map { normalized($0.marker) }, "\(document): markers")
        for (section, node) in zip(actual, expected) {
            if let heading = node.heading {
                #expect(normalized(section.heading ?? "") == normalized(heading), "\(document): \(node.marker)")
            }
            if let children = node.children { compare(section.children ?? [], children, in: document) }
        }
    }

    @Test(arguments: ["07_zhijiao_gaige_fangan2019", "09_zongbao_qu_yijian2019", "11_geshui_zhuanxiang_kouchu2018", "12_liangshi_yingji_yuan2005"])
    func savedPageGivesTheOutlineAndTextOfItsTextVersion(_ name: String) throws {
        let page = Self.corpus.appendingPathComponent("html/\(name).html").path
        let text = Self.corpus.appendingPathComponent("docs/\(name).txt").path
        let fromPage = try CommandRunner.run(["outline", "--json", page])
        let fromText = try CommandRunner.run(["outline", "--json", text])
        #expect(fromPage.status == 0, "\(fromPage.stderr)")
        #expect(fromPage.stdout == fromText.stdout)
        let exported = try CommandRunner.run(["export", page, "--format", "text"])
        #expect(exported.stdout == (try String(contentsOfFile: text, encoding: .utf8)))

        let expected = try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: Self.corpus.appendingPathComponent("expected/\(name).json")))
        let outline = try Self.outline(of: page)
        #expect(Self.normalized(outline.title) == Self.normalized(expected.title))
        Self.compare(outline.sections.filter { _ in true }, expected.chapters, in: name)
    }

    @Test(arguments: ["pdf/04_xuancheng_yusuan_baogao2025", "pdf/07_xian_tjgb2025", "docx/09_gongwuyuan_kaoshi_dagang2022"])
    func publishedFileGivesItsOutline(_ name: String) throws {
        let file = Self.corpus.appendingPathComponent(name + (name.hasPrefix("pdf") ? ".pdf" : ".docx")).path
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: Self.corpus.appendingPathComponent(name + ".json")))
        let outline = try Self.outline(of: file)
        Self.compare(outline.sections, expected.chapters, in: name)
        // Which lines make the title (one set over two lines, a "大纲1：" label before it) is the
        // parser's call, not the importer's; the importer must deliver the title's text whole.
        let title = Self.normalized(outline.title)
        let wanted = Self.normalized(expected.title)
        #expect(!title.isEmpty)
        if name.hasPrefix("pdf") {
            #expect(title == wanted)
        } else {
            #expect(wanted.hasPrefix(title) || title.hasSuffix(wanted), "\(title) vs \(wanted)")
        }
    }

    struct ExportNode: Decodable {
        let text: String
        let children: [ExportNode]?
    }

    struct Export: Decodable {
        let front: String
        let sections: [ExportNode]
    }

    /// The model stays honest: front matter and section texts, in order, are exactly the
    /// extracted text that `export --format text` prints.
    @Test(arguments: ["pdf/04_xuancheng_yusuan_baogao2025.pdf", "pdf/07_xian_tjgb2025.pdf", "docx/09_gongwuyuan_kaoshi_dagang2022.docx", "html/12_liangshi_yingji_yuan2005.html"])
    func sectionsPartitionTheExtractedText(_ name: String) throws {
        let file = Self.corpus.appendingPathComponent(name).path
        let json = try CommandRunner.run(["export", file, "--format", "json"])
        let text = try CommandRunner.run(["export", file, "--format", "text"])
        let export = try JSONDecoder().decode(Export.self, from: Data(json.stdout.utf8))
        func flatten(_ nodes: [ExportNode]) -> String { nodes.map { $0.text + flatten($0.children ?? []) }.joined() }
        #expect(!text.stdout.isEmpty)
        #expect(export.front + flatten(export.sections) == text.stdout)
    }

    @Test func pdfReflowLeavesNoPageNumbersOrHardWraps() throws {
        let file = Self.corpus.appendingPathComponent("pdf/04_xuancheng_yusuan_baogao2025.pdf").path
        let result = try CommandRunner.run(["export", file, "--format", "text"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(!lines.contains { $0.range(of: #"^[-—]\s*\d+\s*[-—]$"#, options: .regularExpression) != nil })
        // The paragraph that runs over the break between pages 1 and 2 is whole again.
        #expect(lines.contains { $0.contains("完善市重点税源专班工作机制") })
        // 15 pages of hard-wrapped lines (344 in pdftotext's output) become about 90 paragraphs.
        #expect(lines.count < 120)
    }

    @Test func searchAndShowNameThePageOfAPDFHit() throws {
        let file = Self.corpus.appendingPathComponent("pdf/04_xuancheng_yusuan_baogao2025.pdf").path
        let search = try CommandRunner.run(["search", "公物仓", file])
        #expect(search.status == 0)
        #expect(search.stdout.contains("p.2"), "\(search.stdout)")
        let show = try CommandRunner.run(["show", "1.1", file, "--pages"])
        #expect(show.stdout.hasPrefix("p.1\t（一）"), "\(show.stdout)")
        #expect(show.stdout.contains("\np.2\t"), "\(show.stdout)")
    }

    @Test func formatIsDetectedByContentNotName() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("format-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let disguised = directory.appendingPathComponent("report.txt")
        try FileManager.default.copyItem(at: Self.corpus.appendingPathComponent("pdf/07_xian_tjgb2025.pdf"), to: disguised)
        let outline = try Self.outline(of: disguised.path)
        #expect(outline.sections.first.map { Self.normalized($0.marker) } == "一、")
        let forcedText = try CommandRunner.run(["outline", disguised.path, "--format", "text"])
        #expect(forcedText.status != 0)
        #expect(forcedText.stderr.contains("binary") || forcedText.stderr.contains("not a text"), "\(forcedText.stderr)")
    }
}
