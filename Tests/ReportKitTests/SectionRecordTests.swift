import Testing
@testable import ReportKit

/// `Section` keeps one reference to the report's text and slices its marker and heading when
/// read: the record stays small (a large report has hundreds of thousands, zeroed and written
/// by the parser) and its equality is still that of the slices' text, never of the whole text.
@Suite struct SectionRecordTests {
    @Test func theRecordStaysSmall() {
        // 248 bytes with two stored slices and an optional parent; 200 without.
        #expect(MemoryLayout<Section>.stride <= 200)
    }

    @Test func slicesAreTheTextAtTheirRanges() {
        let text = "报告\n一、总则\n正文。\n（一）目的\n第一条　本法所称。\n附件1\n2026年实事\n"
        let report = ReportParser.parse(text)
        #expect(!report.sections.isEmpty)
        for section in report.sections {
            #expect(section.markerText == text[utf8Range: section.markerRange])
            #expect(section.headingText == text[utf8Range: section.headingRange])
            #expect(section.markerText.base.utf8.count == text.utf8.count)
        }
        #expect(report.sections.map(\.marker) == ["一、", "（一）", "第一条", "附件1"])
        #expect(report.sections.map(\.heading) == ["总则", "目的", "", "2026年实事"])
        #expect(report.sections.map(\.parent) == [nil, 0, 1, nil])
    }

    @Test func equalityIsOfTheSlicesNotOfTheWholeText() {
        let first = ReportParser.parse("报告\n一、总则\n正文甲。\n")
        // A separately built equal text: equal sections, equal hashes.
        let again = ReportParser.parse(String(decoding: Array("报告\n一、总则\n正文甲。\n".utf8), as: UTF8.self))
        #expect(first.sections == again.sections)
        #expect(first.sections.map(\.hashValue) == again.sections.map(\.hashValue))
        // Another body at the same ranges: the section's own fields are the same, so it is equal.
        let otherBody = ReportParser.parse("报告\n一、总则\n正文乙。\n")
        #expect(first.sections == otherBody.sections)
        // Another heading at the same ranges: not equal.
        let otherHeading = ReportParser.parse("报告\n一、分则\n正文甲。\n")
        #expect(first.sections[0].headingRange == otherHeading.sections[0].headingRange)
        #expect(first.sections != otherHeading.sections)
        let otherMarker = ReportParser.parse("报告\n二、总则\n正文甲。\n")
        #expect(first.sections[0].markerRange == otherMarker.sections[0].markerRange)
        #expect(first.sections[0] != otherMarker.sections[0])
    }

    @Test func aScanWithoutTextHasEmptySlicesUntilAttached() throws {
        let text = "报告\n一、总则\n正文。\n（一）目的\n"
        var copy = text
        copy.makeContiguousUTF8()
        let scanned = copy.utf8.withContiguousStorageIfAvailable { bytes in
            var scan = LineScan(text: nil, bytes: bytes)
            return scan.run()
        }
        var result = try #require(scanned)
        #expect(result.sections.map(\.markerText) == ["", ""])
        SectionTreeBuilder.attach(text: text, to: &result.sections)
        #expect(result.sections == ReportParser.parse(text).sections)
    }
}
