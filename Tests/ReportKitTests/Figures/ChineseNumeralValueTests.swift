import ReportTestSupport
import Testing
@testable import ReportKit

@Suite struct ChineseNumeralValueTests {
    static let table: [(String, Int)] = [
        ("〇", 0), ("零", 0), ("一", 1), ("两", 2), ("九", 9), ("十", 10), ("十一", 11), ("十九", 19),
        ("二十", 20), ("二十一", 21), ("一十五", 15), ("九十九", 99), ("一百", 100), ("一百零五", 105),
        ("一百一十", 110), ("一百一十五", 115), ("两百", 200), ("九百九十九", 999), ("一千", 1000),
        ("一千零一", 1001), ("一千零一十", 1010), ("一千零十", 1010), ("一千零一十一", 1011),
        ("一千一百", 1100), ("三千余", -1), ("两千零二十四", 2024), ("九千九百九十九", 9999),
        ("一万", 10_000), ("两万", 20_000), ("一万零五", 10_005), ("一万零五百", 10_500),
        ("一万五千", 15_000), ("十万", 100_000), ("十二万三千四百五十六", 123_456),
        ("一百万", 1_000_000), ("一千万", 10_000_000), ("一千零五万", 10_050_000),
        ("一亿", 100_000_000), ("三亿零五百万", 305_000_000), ("三亿五千万", 350_000_000),
        ("十亿", 1_000_000_000), ("一百亿", 10_000_000_000), ("一万亿", 1_000_000_000_000),
        ("一万二千亿", 1_200_000_000_000), ("一亿零一", 100_000_001), ("一亿亿", 10_000_000_000_000_000),
        ("二〇二四", 2024), ("一九四九", 1949), ("壹佰", 100), ("叁仟", 3000),
    ]

    @Test func readsTheTable() {
        for (text, expected) in Self.table {
            let reading = ChineseNumeralValue.read(text)
            if expected < 0 {
                #expect(reading == .invalid, "\(text)")
            } else {
                #expect(reading == .value(expected), "\(text)")
            }
        }
    }

    @Test func rejectsMalformedNumerals() {
        // Idioms, plan names and colloquial shortenings are not read as values.
        for text in ["十四五", "一五一十", "百", "千万万", "一千零百", "十零", "一百五", "一万五", "五五五十", "两〇二四", "亿零"] {
            #expect(ChineseNumeralValue.read(text) == .invalid, "\(text)")
        }
    }

    @Test func reportsValuesBeyondTenToTheSixteenthAsTooLarge() {
        for text in ["十亿亿", "一万亿亿", "九千九百九十九万亿亿", "一二三四五六七八九〇一二三四五六七八"] {
            #expect(ChineseNumeralValue.read(text) == .tooLarge, "\(text)")
        }
        #expect(ChineseNumeralValue.read("一亿亿") == .value(ChineseNumeralValue.limit))
    }

    @Test func writingThenReadingGivesTheNumber() {
        var generator = SplitMix64(seed: 16)
        var samples: [Int] = Array(0...2_000) + [9_999, 10_000, 10_001, 100_000_000, 100_000_001, ChineseNumeralValue.limit]
        for _ in 0..<20_000 {
            // Spread over every magnitude, with many zeros inside (the hard cases for 零).
            let digits = Int.random(in: 1...16, using: &generator)
            var number = 0
            for _ in 0..<digits {
                number = number * 10 + (Int.random(in: 0...2, using: &generator) == 0 ? 0 : Int.random(in: 0...9, using: &generator))
            }
            samples.append(number)
        }
        for number in samples {
            let written = ChineseNumeralWriting.write(number)
            #expect(ChineseNumeralValue.read(written) == .value(number), "\(number) written \(written)")
        }
    }

    @Test func writerProducesTheUsualForms() {
        #expect(ChineseNumeralWriting.write(105) == "一百零五")
        #expect(ChineseNumeralWriting.write(1010) == "一千零一十")
        #expect(ChineseNumeralWriting.write(305_000_000) == "三亿零五百万")
        #expect(ChineseNumeralWriting.write(11) == "十一")
        #expect(ChineseNumeralWriting.write(1_000_000_000_000) == "一万亿")
    }
}
