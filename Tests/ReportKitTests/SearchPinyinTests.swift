import Testing
@testable import ReportKit

@Suite struct SearchPinyinTests {
    static let text = """
        前言
        # 一、信用
        推行企业信用修复“一件事”。银行
        行业发展。
        # 二、其他
        重庆和重要，English words here。信用
        修复在这里换行。
        # 三、音乐
        音乐和快乐。绿色发展，略有不同。

        """

    private func hits(_ query: String, pinyin: PinyinMatching = .automatic, in text: String = text) throws -> [String] {
        let report = SearchFixture.report(text)
        let results = try SearchIndex(report: report).search(SearchQuery(query, pinyin: pinyin))
        return SearchFixture.hitTexts(report, results)
    }

    @Test func fullPinyinAndInitialsBothFindTheWords() throws {
        #expect(try hits("xinyongxiufu") == ["信用修复", "信用\n修复"])
        #expect(try hits("xyxf") == ["信用修复", "信用\n修复"])
        #expect(try hits("XinYong") == ["信用", "信用", "信用"])
    }

    @Test func initialsAndSyllablesMix() throws {
        #expect(try hits("xinyxf") == ["信用修复", "信用\n修复"])
        // zh/ch/sh count as initials as well as their first letter
        #expect(try hits("zhqh") == ["重庆和"])
        #expect(try hits("chqh") == ["重庆和"])
        #expect(try hits("cqh") == ["重庆和"])
    }

    @Test func heteronymsMatchEveryReading() throws {
        // 行 háng in 银行/行业, 乐 yuè in 音乐 and lè in 快乐, 重 chóng in 重庆 and zhòng in 重要
        #expect(try hits("yinhang") == ["银行"])
        #expect(try hits("hangye") == ["行业"])
        #expect(try hits("yinyue") == ["音乐", "音乐"])
        #expect(try hits("kuaile") == ["快乐"])
        #expect(try hits("chongqing") == ["重庆"])
        #expect(try hits("zhongyao") == ["重要"])
    }

    @Test func umlautIsTypedAsVOrU() throws {
        #expect(try hits("lvse") == ["绿色"])
        #expect(try hits("lve") == ["略"])
        #expect(try hits("lueyou") == ["略有"])
    }

    @Test func theLastSyllableMayBeUnfinished() throws {
        #expect(try hits("xinyongxi") == ["信用修", "信用\n修"])
    }

    @Test func automaticOnlyWhenNothingMatchesLiterally() throws {
        #expect(try hits("here") == ["here"])
        #expect(try hits("here", pinyin: .always).contains("here"))
        #expect(try hits("xyxf", pinyin: .never) == [])
        // a term with other characters never reads as pinyin
        #expect(try hits("xy1") == [])
    }

    @Test func pinyinTermsCombineWithChineseTerms() throws {
        let combined = try hits("信用 xf")
        // section 一 (its heading and body) and section 二; section 三 has no 信用
        #expect(combined == ["信用", "信用", "修复", "信用", "修复"], "\(combined)")
        #expect(try hits("音乐 fz") == ["音乐", "音乐", "发展"])
    }

    @Test func hitsDoNotOverlapAndStayInsideASection() throws {
        let found = try hits("yy", in: "# a\n音乐音乐\n# b\n乐\n")
        #expect(found == ["音乐", "音乐"])
        #expect(try hits("yueyue", in: "# a\n乐\n# b\n乐\n") == [])
    }

    @Test func nonHanTextAndLongQueriesAreHandled() throws {
        let text = "# a\n" + String(repeating: "是是是是是是是是", count: 50) + "\n"
        let found = try hits(String(repeating: "s", count: 40), in: text)
        #expect(found.count == 10)
        #expect(found.allSatisfy { $0.count == 40 })
        #expect(try hits(String(repeating: "shi", count: 30) + "q", in: text) == [])
    }

    @Test func matcherRejectsQueriesThatAreNotLetters() {
        #expect(PinyinMatcher(query: Array("xy z".utf8)) == nil)
        #expect(PinyinMatcher(query: Array("".utf8)) == nil)
        #expect(PinyinMatcher(query: Array("信用".utf8)) == nil)
        #expect(PinyinMatcher(query: Array("Xy".utf8))?.query == Array("xy".utf8))
        #expect(PinyinMatcher(query: [UInt8](repeating: UInt8(ascii: "a"), count: PinyinMatcher.maximumLength)) != nil)
        #expect(PinyinMatcher(query: [UInt8](repeating: UInt8(ascii: "a"), count: 100_000)) == nil)
    }

    @Test func readingsCoverTheCommonCharacters() {
        let readings = HanReadings.shared
        func spellings(_ character: Unicode.Scalar) -> Set<String> {
            Set(readings.readings(of: character.value).map { String(decoding: readings.syllable($0), as: UTF8.self) })
        }
        #expect(spellings("行").isSuperset(of: ["xing", "hang"]))
        #expect(spellings("绿").isSuperset(of: ["lv", "lu"]))
        #expect(spellings("𠀀") == ["he"])  // outside the flat range
        #expect(spellings("a").isEmpty)
        // every character of the bundled report's Chinese text has a reading
        let text = String(decoding: BundledReport.bytes, as: UTF8.self)
        let missing = Set(text.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) && spellings($0).isEmpty })
        #expect(missing.isEmpty, "\(missing)")
    }
}

extension SearchPinyinTests {
    /// Found by the fuzz pass: a query longer than what the text offers at its very end.
    @Test func matchingRunsOffTheEndOfTheText() throws {
        #expect(try hits("xyz", in: "信用") == [])
        #expect(try hits("xinyongxiufu", in: "# a\n信用") == [])
    }
}

@Suite struct SourceLineAddressTests {
    @Test func linesAreReadFromLAddresses() {
        #expect(SourceLineAddress.line(in: "L120") == 120)
        #expect(SourceLineAddress.line(in: "l7") == 7)
        #expect(SourceLineAddress.line(in: "Ｌ１２") == 12)
        #expect(SourceLineAddress.line(in: "L") == nil)
        #expect(SourceLineAddress.line(in: "L1a") == nil)
        #expect(SourceLineAddress.line(in: "3.2") == nil)
        #expect(SourceLineAddress.line(in: "L99999999999999999999") == nil)
    }

    @Test func resolveFindsTheSectionHoldingTheLine() {
        let report = ReportParser.parse(String(decoding: BundledReport.bytes, as: UTF8.self))
        guard case .found(let index) = report.resolve("L20") else {
            Issue.record("L20 not found")
            return
        }
        #expect(report.sections[index].address == "4.2")
        #expect(report.resolve("L1") == .notFound)  // the title, in the front matter
        #expect(report.resolve("L9999") == .notFound)
    }
}

extension SearchPinyinTests {
    /// Typing a query letter by letter narrows the previous pinyin matches down; the results
    /// must be exactly those of a fresh search, at every step.
    @Test func refiningGivesTheSameHitsAsAFreshSearch() throws {
        let text = String(decoding: BundledReport.bytes, as: UTF8.self) + "\n" + Self.text
        let index = SearchIndex(report: ReportParser.parse(text))
        for typed in ["xinyongxiufu", "zhongyao", "fzzf", "chongqing", "xyxf", "shsh"] {
            var previous: SearchResults?
            for length in 1...typed.count {
                let query = SearchQuery(String(typed.prefix(length)), pinyin: .always)
                let refined = try index.search(query, refining: previous)
                let fresh = try index.search(query)
                #expect(refined.hits.map(\.range) == fresh.hits.map(\.range), "\(query.text)")
                previous = refined
            }
            #expect(previous.map { !$0.hits.isEmpty } == true || typed == "shsh", "\(typed)")
        }
    }
}
