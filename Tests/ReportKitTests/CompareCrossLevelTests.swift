import Foundation
import ReportKit
import ReportTestSupport
import Testing

/// A chapter that a revision makes a 节 of another chapter, in laws that have 节 on both sides
/// (`CrossLevelHeadings`).
@Suite struct CompareCrossLevelTests {
    let articles = RevisionFixtures.lawArticles

    func law(_ outline: [(String, [Int])]) -> Report {
        var text = "中华人民共和国测试法\n"
        var number = 0
        for (heading, bodies) in outline {
            text += heading + "\n"
            for body in bodies {
                number += 1
                text += "第\(RevisionFixtures.numeral(number))条 \(articles[body])\n"
            }
        }
        return ReportParser.parse(text)
    }

    /// (old address, new address) of the aligned chapters and 节.
    func structure(_ old: Report, _ new: Report) -> [(String?, String?)] {
        SectionAligner.align(old, new).pairs.compactMap { pair in
            func name(_ report: Report, _ index: Int?) -> String?? {
                guard let index else { return .some(nil) }
                let markers = report.path(to: index).map { report.sections[$0].marker }
                guard let last = markers.last, last.hasSuffix("章") || last.hasSuffix("节") else { return nil }
                return .some(markers.joined())
            }
            guard let oldName = name(old, pair.old), let newName = name(new, pair.new) else { return nil }
            return (oldName, newName)
        }
    }

    @Test func chapterDemotedToSectionOfTheNext() {
        let old = law([
            ("第一章 总则", [0, 1]),
            ("第二章 行政复议范围", [5, 6, 7]),
            ("第三章 行政复议申请", []),
            ("第一节 申请的提出", [8, 10]),
            ("第二节 行政复议管辖", [11, 12, 13]),
            ("第四章 附则", [40, 42]),
        ])
        let new = law([
            ("第一章 总则", [0, 1]),
            ("第二章 行政复议申请", []),
            ("第一节 行政复议范围", [5, 6, 7]),
            ("第二节 申请的提出", [8, 10]),
            ("第三节 行政复议管辖", [11, 12, 13]),
            ("第三章 附则", [40, 42]),
        ])
        let pairs = structure(old, new)
        #expect(pairs.contains { $0 == ("第二章", "第二章第一节") })
        #expect(!pairs.contains { $0 == (nil, "第二章第一节") })
        #expect(pairs.contains { $0 == ("第三章第一节", "第二章第二节") })
        // Read backwards, the 节 becomes a chapter again.
        let reversed = structure(new, old)
        #expect(reversed.contains { $0 == ("第二章第一节", "第二章") })
        #expect(!reversed.contains { $0 == ("第二章第一节", nil) })
    }

    /// A new 节 that only shares its heading with an old chapter, whose articles went
    /// elsewhere, stays new: its one aligned article came from another part.
    @Test func headingAloneIsNotEnough() {
        let old = law([
            ("第一章 总则", [0, 1]),
            ("第二章 行政复议范围", [5, 6, 7]),
            ("第三章 行政复议申请", []),
            ("第一节 申请的提出", [8, 10]),
            ("第四章 附则", [40, 42]),
        ])
        let new = law([
            ("第一章 总则", [0, 1, 5, 6, 7]),
            ("第二章 行政复议申请", []),
            ("第一节 行政复议范围", [40, 20, 21]),
            ("第二节 申请的提出", [8, 10]),
            ("第三章 附则", [42]),
        ])
        let pairs = structure(old, new)
        #expect(!pairs.contains { $0 == ("第二章", "第二章第一节") })
        #expect(pairs.contains { $0 == (nil, "第二章第一节") })
    }
}
