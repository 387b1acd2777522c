import Foundation
import ReportTestSupport
import Testing
@testable import ReportKit

/// Each real document of the corpus against its hand-checked outline.
@Suite struct CorpusOutlineTests {
    struct ExpectedNode: Decodable {
        let marker: String
        let heading: String?
        let line: Int
        let children: [ExpectedNode]?
        let articles: [ExpectedNode]?
    }

    struct ExpectedAppendix: Decodable {
        let marker: String
        let title: String
        let line: Int
    }

    struct Expected: Decodable {
        let title: String
        let metadata: [String: String]?
        let chapters: [ExpectedNode]
        let appendices: [ExpectedAppendix]?
    }

    static let documents = [
        "01_guowuyuan_gwr2024", "02_guangdong_gwr2026", "07_zhijiao_gaige_fangan2019",
        "09_zongbao_qu_yijian2019", "11_geshui_zhuanxiang_kouchu2018", "12_liangshi_yingji_yuan2005",
    ]

    static func load(_ name: String) throws -> (Report, Expected) {
        let text = try TestPaths.text(TestPaths.corpus.appendingPathComponent("docs/\(name).txt"))
        let data = try Data(contentsOf: TestPaths.corpus.appendingPathComponent("expected/\(name).json"))
        return (ReportParser.parse(text), try JSONDecoder().decode(Expected.self, from: data))
    }

    static func normalized(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }
    }

    @Test(arguments: documents)
    func titleAndMetadata(_ name: String) throws {
        let (report, expected) = try Self.load(name)
        #expect(Self.normalized(report.title) == Self.normalized(expected.title))
        if let metadata = expected.metadata {
            let actual = Dictionary(report.metadata.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            #expect(actual == metadata)
        }
    }

    @Test(arguments: documents)
    func chaptersAndChildren(_ name: String) throws {
        let (report, expected) = try Self.load(name)
        let chapters = report.roots.map { report.sections[$0] }.filter { $0.kind == .section }
        #expect(chapters.map(\.marker) == expected.chapters.map(\.marker), "\(name): chapter markers")
        for (section, node) in zip(chapters, expected.chapters) {
            compare(report, section, node, document: name)
        }
    }

    @Test(arguments: documents)
    func appendicesAreTopLevelAndSeparate(_ name: String) throws {
        let (report, expected) = try Self.load(name)
        let appendices = report.roots.map { report.sections[$0] }.filter { $0.kind == .appendix }
        let wanted = expected.appendices ?? []
        #expect(appendices.map(\.marker) == wanted.map(\.marker))
        for (section, appendix) in zip(appendices, wanted) {
            #expect(Self.normalized(section.heading) == Self.normalized(appendix.title))
            #expect(section.line == appendix.line)
        }
    }

    private func compare(_ report: Report, _ section: Section, _ node: ExpectedNode, document: String) {
        #expect(Self.normalized(section.marker) == Self.normalized(node.marker), "\(document) line \(node.line)")
        if let heading = node.heading {
            #expect(Self.normalized(section.heading) == Self.normalized(heading), "\(document) line \(node.line)")
        }
        #expect(section.line == node.line, "\(document): \(node.marker) \(node.heading ?? "")")
        let expectedChildren = node.children ?? node.articles ?? []
        let children = section.children.map { report.sections[$0] }
        guard !expectedChildren.isEmpty || node.children != nil else { return }
        #expect(
            children.map { Self.normalized($0.marker) } == expectedChildren.map { Self.normalized($0.marker) },
            "\(document): children of \(node.marker) \(node.heading ?? "")")
        for (child, expectedChild) in zip(children, expectedChildren) {
            compare(report, child, expectedChild, document: document)
        }
    }
}
