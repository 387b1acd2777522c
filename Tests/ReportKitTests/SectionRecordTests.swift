import ReportTestSupport
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
        #expect(report.sections.filter { $0.parent == nil }.map(\.index) == report.roots)
        for section in report.sections {
            #expect(section.children.allSatisfy { report.sections[$0].parent == section.index })
        }
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
        // Another marker text at the same range, everything else the same: not equal.
        func section(in text: String) -> Section {
            Section(
                index: 0, parent: nil, children: [], depth: 1, kind: .section, text: text, markerRange: 0..<6,
                style: .chineseComma, ordinal: 1, line: 1, address: "1",
                ownRange: 0..<text.utf8.count, subtreeRange: 0..<text.utf8.count, headingRange: 6..<12,
                bodyRange: 13..<text.utf8.count)
        }
        #expect(section(in: "一、总则\n正文") != section(in: "壹、总则\n正文"))
        #expect(section(in: "一、总则\n正文") == section(in: "一、总则\n别文"))
    }

    @Test func aScanWithoutTextHasEmptySlicesUntilAttached() throws {
        let text = "报告\n一、总则\n正文。\n（一）目的\n"
        var copy = text
        copy.makeContiguousUTF8()
        let scanned = copy.utf8.withContiguousStorageIfAvailable { bytes in
            var scan = LineScan<SectionTreeBuilder>(text: nil, bytes: bytes)
            return scan.run()
        }
        var result = try #require(scanned)
        #expect(result.sections.map(\.markerText) == ["", ""])
        SectionTreeBuilder.attach(text: text, to: &result.sections)
        #expect(result.sections == ReportParser.parse(text).sections)
    }
}

/// `SectionTreeBuilder.finish` closes the ranges in one backward pass; the plain three passes
/// (own ranges forward, trailing text, subtree ends carried up backward) are the reference.
@Suite struct SectionTreeFinishTests {
    @Test func oneBackwardPassClosesRangesAsThreePassesDo() {
        var generator = SplitMix64(seed: 0x5EC7_10F1)
        for _ in 0..<300 {
            var builder = SectionTreeBuilder(text: nil)
            var open: [Int] = []
            var resumed: [(owner: Int, holder: Int, start: Int)] = []
            var offset = Int(generator.next() % 50)
            let count = Int(generator.next() % 40)
            for _ in 0..<count {
                // A random pre-order tree: the parent is one of the open ancestors, or none.
                let depth = open.isEmpty ? 0 : Int(generator.next() % UInt64(open.count + 1))
                open.removeLast(open.count - depth)
                let line = offset
                let heading = line + Int(generator.next() % 4)
                let body = heading + Int(generator.next() % 6)
                let index = builder.append(
                    parent: open.last, kind: .section, markerRange: line..<heading, style: .arabicDot,
                    ordinal: 1, line: 1, start: line, headingRange: heading..<heading, bodyStart: body)
                // Sections may start at the same offset (empty own text).
                var next = body + Int(generator.next() % 8)
                if let owner = open.last, generator.next() % 5 == 0 {
                    let start = body + Int(generator.next() % 3)
                    builder.resume(owner, after: index, at: start)
                    resumed.append((owner, index, start))
                    next = max(next, start)
                }
                open.append(index)
                offset = next
            }
            let byteCount = offset + Int(generator.next() % 5)
            var expected = builder.sections
            Self.threePasses(&expected, trailing: resumed, byteCount: byteCount)
            let (sections, _) = builder.finish(byteCount: byteCount)
            #expect(sections.map(\.ownRange) == expected.map(\.ownRange))
            #expect(sections.map(\.subtreeRange) == expected.map(\.subtreeRange))
            #expect(sections.map(\.bodyRange) == expected.map(\.bodyRange))
            #expect(sections.map(\.trailingRange) == expected.map(\.trailingRange))
        }
    }

    static func threePasses(_ sections: inout [Section], trailing: [(owner: Int, holder: Int, start: Int)], byteCount: Int) {
        for index in sections.indices {
            let start = sections[index].ownRange.lowerBound
            let end = index + 1 < sections.count ? sections[index + 1].ownRange.lowerBound : byteCount
            sections[index].ownRange = start..<end
            sections[index].subtreeRange = start..<end
            sections[index].bodyRange = min(sections[index].bodyRange.lowerBound, end)..<end
        }
        for (owner, holder, start) in trailing {
            let end = sections[holder].ownRange.upperBound
            sections[owner].trailingRange = start..<end
            sections[holder].bodyRange = min(sections[holder].bodyRange.lowerBound, start)..<start
        }
        for index in sections.indices.reversed() {
            guard let parent = sections[index].parent else { continue }
            let end = sections[index].subtreeRange.upperBound
            if end > sections[parent].subtreeRange.upperBound {
                sections[parent].subtreeRange = sections[parent].subtreeRange.lowerBound..<end
            }
        }
    }
}
