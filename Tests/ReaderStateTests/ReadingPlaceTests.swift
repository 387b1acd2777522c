import Testing
import ReportKit
@testable import ReaderState

@Suite struct ReadingPlaceTests {
    /// Fragments the place is put at the start of: headings, mid-body, front matter.
    static let fragments = ["(二)强化述职述法", "认真落实行政负责人出庭应诉制度", "信用修复成功率98.97%", "发布日期", "杭州市钱塘区", "为区域发展提供坚实法治保障。"]

    @Test(arguments: fragments)
    func sameDocumentResolvesExactly(_ fragment: String) throws {
        let report = SeedReport.report
        let offset = SeedReport.offset(of: fragment)
        let place = ReadingPlace(in: report, offset: offset)
        let resolved = try #require(place.resolve(in: report))
        #expect(resolved.isExact)
        #expect(resolved.offset == offset)
        #expect(resolved.sectionIndex == report.section(containing: offset))
        #expect(place.contextAfter.hasPrefix(String(fragment.prefix(ReadingPlace.contextLength))))
    }

    @Test func endOfDocument() throws {
        let report = SeedReport.report
        let place = ReadingPlace(in: report, offset: report.text.utf8.count + 50)
        #expect(place.contextAfter.isEmpty)
        #expect(place.documentOffset == report.text.utf8.count)
        let resolved = try #require(place.resolve(in: report))
        #expect(resolved == ResolvedPlace(sectionIndex: report.sections.count - 1, offset: report.text.utf8.count, isExact: true))
    }

    @Test func offsetInsideACharacterStepsBackToItsStart() {
        let report = SeedReport.report
        let start = SeedReport.offset(of: "述职述法")
        let place = ReadingPlace(in: report, offset: start + 1)
        #expect(place.documentOffset == start)
        #expect(place.contextAfter.hasPrefix("述职述法"))
    }

    @Test func sectionPlaceKeepsItsSectionEvenInsideASubsection() throws {
        let report = SeedReport.report
        let chapter = SeedReport.index(of: "3")
        let inSubsection = SeedReport.offset(of: "认真落实行政负责人") - report.sections[chapter].ownRange.lowerBound
        let place = ReadingPlace(in: report, sectionIndex: chapter, offsetInSection: inSubsection)
        #expect(place.sectionAddress == "3")
        #expect(place.sectionTitle == "三、党政主要负责人履行推进法治建设第一责任人职责情况")
        let resolved = try #require(place.resolve(in: report))
        #expect(resolved.sectionIndex == chapter)
        #expect(resolved.isExact)
    }

    @Test func snippetIsTheRestOfTheLine() {
        let report = SeedReport.report
        let section = SeedReport.index(of: "3.2")
        let heading = ReadingPlace(in: report, sectionIndex: section)
        let line = report.ownText(of: report.sections[section]).prefix { $0 != "\n" }
        #expect(heading.snippet == String(line.prefix(ReadingPlace.contextLength)))
        #expect(heading.snippet.hasPrefix("(二)强化述职述法。"))
        #expect(heading.sectionDescription == "3.2 (二)强化述职述法")
        // At the end of a line nothing follows on it, so the snippet is what led up to the place.
        let lineEnd = ReadingPlace(in: report, offset: SeedReport.offset(of: "\n(三)抓实重点工作"))
        #expect(lineEnd.snippet == String(line.suffix(ReadingPlace.contextLength)))
        #expect(lineEnd.snippet.hasSuffix("7名区领导出庭应诉8次。"))
    }

    // MARK: edited documents

    /// Text inserted in an earlier section shifts absolute offsets but not the place within its
    /// section, so address and offset still hold; inserted in the same section, the place is
    /// found by its context.
    @Test(arguments: [
        ("现将有关情况报告如下:", "现将有关情况报告如下:(本段为修订时新增的说明文字。)", true),
        ("全年区政府常务会议学法9次。", "全年区政府常务会议学法9次,专题学法4次。", true),
        ("(二)强化述职述法。", "(二)强化述职述法。年内新增一项述法评议制度。", false),
    ])
    func textInsertedBeforeTheMarkMovesIt(_ original: String, _ replacement: String, _ exact: Bool) throws {
        let fragment = "认真落实行政负责人出庭应诉制度"
        let place = ReadingPlace(in: SeedReport.report, offset: SeedReport.offset(of: fragment))
        let edited = SeedReport.text.replacingOccurrences(of: original, with: replacement)
        #expect(edited != SeedReport.text)
        let report = ReportParser.parse(edited)
        let resolved = try #require(place.resolve(in: report))
        #expect(resolved.isExact == exact)
        #expect(resolved.offset == SeedReport.offset(of: fragment, in: edited))
        #expect(resolved.sectionIndex.map { report.sections[$0].address } == "3.2")
    }

    @Test func editRightBeforeTheMarkStillFindsTheTextAfterIt() throws {
        let fragment = "认真落实行政负责人出庭应诉制度"
        let place = ReadingPlace(in: SeedReport.report, offset: SeedReport.offset(of: fragment))
        let edited = SeedReport.text.replacingOccurrences(of: "第一责任人职责。认真", with: "第一责任人职责,并逐级签订责任书。认真")
        let resolved = try #require(place.resolve(in: ReportParser.parse(edited)))
        #expect(resolved.offset == SeedReport.offset(of: fragment, in: edited))
        #expect(!resolved.isExact)
    }

    @Test func deletedTextDropsThePlace() {
        let place = ReadingPlace(in: SeedReport.report, offset: SeedReport.offset(of: "认真落实行政负责人"))
        let edited = SeedReport.text.replacingOccurrences(
            of: "(二)强化述职述法。严格落实党政主要负责人履行推进法治建设第一责任人职责。认真落实行政负责人出庭应诉制度,7名区领导出庭应诉8次。\n",
            with: "")
        #expect(edited != SeedReport.text)
        #expect(place.resolve(in: ReportParser.parse(edited)) == nil)
    }

    static let numbered = """
        关于测试工作的报告
        一、总体情况
        今年工作稳步推进,各项指标完成良好。
        二、具体措施
        (一)健全制度。制定了十项制度,明确了责任分工。
        (二)加强督查。全年开展专项督查十二次,发现问题四十个,已全部整改到位。
        (三)强化保障。落实经费保障。

        """

    @Test func renumberedSectionIsFoundUnderItsNewAddress() throws {
        let original = ReportParser.parse(Self.numbered)
        let place = ReadingPlace(in: original, offset: SeedReport.offset(of: "全年开展专项督查", in: Self.numbered))
        #expect(place.sectionAddress == "2.2")
        let editedText = Self.numbered.replacingOccurrences(
            of: "二、具体措施", with: "二、新增部分\n这是修订时加入的一章。\n三、具体措施")
        let edited = ReportParser.parse(editedText)
        let resolved = try #require(place.resolve(in: edited))
        let section = try #require(resolved.sectionIndex.map { edited.sections[$0] })
        #expect(section.address == "3.2")
        #expect(section.heading.hasPrefix("加强督查"))
        #expect(resolved.offset == SeedReport.offset(of: "全年开展专项督查", in: editedText))
    }

    @Test func repeatedTextPrefersTheOccurrenceNearTheOldPlace() throws {
        let sentence = "本条所称的重复段落在两处完全相同,用于检验重新定位时会选择离原位置最近的那一处而不是第一处。"
        let text = "一、甲\n\(sentence)\n二、乙\n\(sentence)\n三、丙\n结束。\n"
        let original = ReportParser.parse(text)
        let middle = sentence.prefix(20).utf8.count
        let second = SeedReport.offset(of: "二、乙\n", in: text) + "二、乙\n".utf8.count + middle
        let place = ReadingPlace(in: original, offset: second)
        #expect(place.sectionAddress == "2")
        let editedText = text.replacingOccurrences(of: "二、乙\n", with: "二、乙\n新增一句。\n")
        let resolved = try #require(place.resolve(in: ReportParser.parse(editedText)))
        #expect(!resolved.isExact)
        #expect(resolved.offset == second + "新增一句。\n".utf8.count)
    }

    @Test func placesSurviveAJSONRoundTrip() throws {
        let place = ReadingPlace(in: SeedReport.report, offset: SeedReport.offset(of: "认真落实"))
        let state = {
            var state = DocumentState(identity: DocumentIdentity(report: SeedReport.report))
            state.readingPosition = place
            return state
        }()
        let decoded = try StateCoding.decode(try StateCoding.encode(state))
        #expect(decoded.readingPosition == place)
        #expect(decoded.readingPosition?.resolve(in: SeedReport.report)?.isExact == true)
    }
}
