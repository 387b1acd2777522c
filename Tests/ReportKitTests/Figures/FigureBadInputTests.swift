import Foundation
import ReportTestSupport
import Testing
@testable import ReportKit

/// Hostile and broken input: bounded work, no crash, no absurd value.
@Suite struct FigureBadInputTests {
    static func extract(_ text: String) -> FigureExtraction {
        FigureExtractor.extract(from: ReportParser.parse(text))
    }

    @Test func aLineOfDigitsIsReportedAsUnparsed() {
        let digits = String(repeating: "1234567890", count: 10_000)
        let extraction = Self.extract("资金" + digits + "元。\n")
        #expect(extraction.figures.isEmpty)
        #expect(extraction.unparsed.count == 1)
        #expect(extraction.unparsed.first?.reason == .tooLarge)
        #expect(extraction.unparsed.first?.range.count == 100_000)
    }

    @Test func numeralsBeyondTenToTheSixteenthAreUnparsed() {
        let extraction = Self.extract("资金十亿亿元，又一万亿亿元。")
        #expect(extraction.figures.isEmpty)
        #expect(extraction.unparsed.count == 2)
        let ok = Self.extract("资金一亿亿元。")
        #expect(ok.figures.first?.value == Decimal(ChineseNumeralValue.limit))
    }

    @Test func largestReadableArabicValues() {
        #expect(Self.extract("资金9999999999999999元。").figures.first?.value == Decimal(string: "9999999999999999"))
        let tooMany = Self.extract("资金99999999999999999元。")
        #expect(tooMany.figures.isEmpty && tooMany.unparsed.count == 1)
        // Leading zeros are no magnitude.
        #expect(Self.extract("资金00000000000000000012元。").figures.first?.value == 12)
    }

    @Test func fullWidthDigitRuns() {
        let extraction = Self.extract("编号１２３４５６７８９０，收入１２３４５６７８９０元。")
        #expect(extraction.figures.map(\.value) == [1_234_567_890])
        #expect(extraction.figures.first?.text == "１２３４５６７８９０元")
        let long = Self.extract(String(repeating: "１", count: 50_000) + "件")
        #expect(long.figures.isEmpty && long.unparsed.count == 1)
    }

    @Test func privateUseDecimalPointsFromPDFs() throws {
        let extraction = Self.extract("收入增长4\u{1001B0}7%，支出12\u{F0A7}5亿元。版本1\u{1001B0}2\u{1001B0}3件。")
        #expect(extraction.figures.map(\.value) == [Decimal(string: "4.7")!, Decimal(string: "1250000000")!])
        #expect(extraction.figures.first?.text == "4\u{1001B0}7%")
    }

    @Test func controlCharactersAndOddSeparatorsDoNotCrash() {
        var generator = SplitMix64(seed: 1616)
        let alphabet: [Unicode.Scalar] = Array("0123456789.,%万亿元件个百分点—-至约余多以上十百千零一二两\n \u{3000}“”《》（）()[]第年月日\u{1001B0}\u{0C}\u{1B}".unicodeScalars)
        for _ in 0..<300 {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...400, using: &generator) {
                view.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
            }
            let text = String(view)
            let report = ReportParser.parse(text)
            let extraction = FigureExtractor.extract(from: report)
            for figure in extraction.figures {
                #expect(report.slice(figure.range) == figure.text)
                #expect(abs(figure.value) <= Decimal(string: "1e30")!)
            }
        }
    }

    @Test func aHugeLineWithManyFiguresStaysLinear() {
        // 20,000 figures on one line without punctuation: each is read from bounded context,
        // so sentences and subjects stay short however long the line is.
        let text = String(repeating: "办理1件", count: 20_000)
        let extraction = Self.extract(text)
        #expect(extraction.figures.count == 20_000)
        #expect(extraction.figures.allSatisfy { $0.subject.count <= FigureSubject.maximumLength })
        #expect(extraction.figures.allSatisfy { $0.sentence.count <= 2 * FigureCandidate.sentenceLimit + 10 })
    }
}
