import Foundation
import ReportTestSupport
import Testing
@testable import ReportKit

/// The ranges of a parsed report partition its text: front matter plus every section's own text,
/// in order, is the text again; subtrees nest; addresses resolve back to their sections.
@Suite struct LosslessTests {
    static func checkInvariants(_ report: Report, _ label: String) {
        var rebuilt = String(report.frontText)
        var cursor = report.frontRange.upperBound
        for section in report.sections {
            #expect(section.ownRange.lowerBound == cursor, "\(label): gap before \(section.address)")
            cursor = section.ownRange.upperBound
            rebuilt += report.ownText(of: section)
            #expect(section.subtreeRange.lowerBound == section.ownRange.lowerBound)
            #expect(section.subtreeRange.upperBound >= section.ownRange.upperBound)
            #expect(section.ownRange.contains(section.headingRange.lowerBound) || section.headingRange.isEmpty)
            if let parent = section.parent {
                let outer = report.sections[parent].subtreeRange
                #expect(outer.lowerBound <= section.subtreeRange.lowerBound && section.subtreeRange.upperBound <= outer.upperBound,
                        "\(label): \(section.address) escapes its parent")
                #expect(section.depth == report.sections[parent].depth + 1)
            }
            #expect(report.resolve(section.address) == .found(section.index), "\(label): \(section.address)")
        }
        #expect(cursor == report.text.utf8.count, "\(label): text after the last section")
        #expect(rebuilt == report.text, "\(label): front + own texts differ from the text")
    }

    @Test func seedAndCorpus() throws {
        Self.checkInvariants(ReportParser.parse(try TestPaths.text(TestPaths.seed)), "seed")
        for name in CorpusOutlineTests.documents {
            let text = try TestPaths.text(TestPaths.corpus.appendingPathComponent("docs/\(name).txt"))
            Self.checkInvariants(ReportParser.parse(text), name)
        }
    }

    @Test(arguments: 0..<200)
    func generatedReportLikeTexts(_ seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        let text = ReportTextGenerator.make(using: &generator)
        Self.checkInvariants(ReportParser.parse(text), "generated #\(seed)")
    }

    @Test(arguments: 0..<200)
    func randomScalarsNeverTrap(_ seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed) &+ 10_000)
        let alphabet: [Unicode.Scalar] = Array("一二三十百（）()、.．1２9第章条附件：: \u{3000}\t\n\r。#①目录\u{200B}\u{FEFF}\u{0}\u{1B}é".unicodeScalars)
        var view = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...400, using: &generator) {
            if Bool.random(using: &generator) {
                view.append(alphabet.randomElement(using: &generator)!)
            } else {
                view.append(Unicode.Scalar(UInt32.random(in: 0...0x2FFFF, using: &generator)) ?? "x")
            }
        }
        let text = String(view)
        Self.checkInvariants(ReportParser.parse(text), "random #\(seed)")
    }
}


/// Texts shaped like reports: markers of every style, sometimes out of sequence, with body
/// lines, blank lines, tables of contents, appendices and odd whitespace.
enum ReportTextGenerator {
    static func make(using generator: inout SplitMix64) -> String {
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "二十三", "一百零五"]
        let body = ["推进法治政府建设。", "2024年全年办理案件281件。", "一是加强领导。", "——经济总体回升向好。",
                    "2.5", "18.64 20.1", "信用修复成功率98.97%。", ""]
        var lines: [String] = ["标题报告", "发布日期:2025-02-24 信息来源:办公室"]
        for _ in 0..<Int.random(in: 0...60, using: &generator) {
            let n = Int.random(in: 0..<numerals.count, using: &generator)
            let d = Int.random(in: 1...12, using: &generator)
            let space = ["", " ", "\u{3000}", "\t", "\u{200B}"].randomElement(using: &generator)!
            let line: String
            switch Int.random(in: 0..<14, using: &generator) {
            case 0: line = "\(space)\(numerals[n])、标题\(n)"
            case 1: line = "\(space)（\(numerals[n])）小标题。正文\(d)"
            case 2: line = "(\(numerals[n]))小标题"
            case 3: line = "\(d).条目\(d)。正文"
            case 4: line = "\(space)（\(d)）项目"
            case 5: line = "第\(numerals[n])章\u{3000}章名"
            case 6: line = "第\(numerals[n])条\u{3000}条文。"
            case 7: line = "\(d)\u{3000}节\(d)"
            case 8: line = "\(d).\(Int.random(in: 1...4, using: &generator))\u{3000}小节"
            case 9: line = ["目录", "附件\(d)", "附件：名词解释", "# 标题", "## 小节"].randomElement(using: &generator)!
            case 10: line = "①圈码"
            default: line = body.randomElement(using: &generator)!
            }
            lines.append(line)
        }
        let separator = ["\n", "\n", "\n\n"].randomElement(using: &generator)!
        return lines.joined(separator: separator) + (Bool.random(using: &generator) ? "\n" : "")
    }
}
