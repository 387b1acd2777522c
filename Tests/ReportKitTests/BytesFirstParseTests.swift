import Foundation
import ReportTestSupport
import Testing
@testable import ReportKit

/// `BytesFirstParse` runs the parser's scan over a file's bytes before the text exists: it must
/// give exactly the report `ReportParser.parse` gives for that text, and refuse a text whose
/// bytes are not the file's. `PieceLookup` must name the pieces `searchPieces` lists.
@Suite struct BytesFirstParseTests {
    /// Texts of every shape the parser treats apart: the corpus and the seed (long reports, a
    /// law), unmarked part headings (the two-pass scan), amendments (quoted wording), appendices,
    /// lone markers, glued numbers, and random report-like text with hostile characters.
    static func texts() throws -> [(String, String)] {
        var texts: [(String, String)] = []
        let folders = ["docs", "pairs"].map { TestPaths.corpus.appendingPathComponent($0) }
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".txt") {
                texts.append((name, try TestPaths.text(folder.appendingPathComponent(name))))
            }
        }
        texts.append(("seed", try TestPaths.text(TestPaths.seed)))
        let shapes = UnseenPatternTests.unmarkedParts + UnseenPatternTests.amendments + UnseenPatternTests.pdfLike
            + UnseenPatternTests.legalUnits + UnseenPatternTests.gluedNumbers
        texts += shapes.enumerated().map { ("shape \($0.offset)", $0.element.0) }
        texts.append(("appendix", "通知\n一、总则\n正文。\n附件1\n2026年省十件民生实事\n一、甲\n（一）乙\n附件：实施方案\n"))
        var generator = SplitMix64(seed: 0xB17E5F1257)
        for number in 0..<150 {
            texts.append(("random \(number)", FuzzInputs.reportText(using: &generator)))
        }
        return texts
    }

    static func mapped(_ bytes: some Collection<UInt8>) throws -> MappedFile {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("bytes-first-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).txt")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        // The mapping outlives the file's name.
        return try #require(MappedFile(path: url.path))
    }

    /// Where a slice starts and ends in its text, in bytes: equal slices of equal texts are at
    /// the same place, which `==` on substrings (canonical equivalence) would not show.
    static func place(_ slice: Substring) -> Range<Int> {
        let base = slice.base.utf8
        return base.distance(from: base.startIndex, to: slice.startIndex)..<base.distance(from: base.startIndex, to: slice.endIndex)
    }

    @Test func theScanOfTheBytesIsTheParseOfTheText() throws {
        var compared = 0
        for (label, text) in try Self.texts() where !text.utf8.isEmpty {
            let expected = ReportParser.parse(text)
            let scan = BytesFirstParse(file: try Self.mapped(Array(text.utf8)))
            let report = try #require(scan.report(of: text), "\(label)")
            #expect(report.sections == expected.sections, "\(label)")
            #expect(report.sections.map { Self.place($0.markerText) } == expected.sections.map { Self.place($0.markerText) }, "\(label)")
            #expect(report.sections.map { Self.place($0.headingText) } == expected.sections.map { Self.place($0.headingText) }, "\(label)")
            #expect(report.roots == expected.roots, "\(label)")
            #expect(report.title == expected.title && report.metadata == expected.metadata, "\(label)")
            #expect(report.frontRange == expected.frontRange && report.preambleStart == expected.preambleStart, "\(label)")
            #expect(report.warnings == expected.warnings, "\(label)")
            #expect(report.lines.starts == expected.lines.starts && report.text == expected.text, "\(label)")
            #expect(OutlineExport.json(report, includeText: true) == OutlineExport.json(expected, includeText: true), "\(label)")
            compared += 1
        }
        #expect(compared > 150)
    }

    @Test func aTextWhoseBytesAreNotTheFilesIsRefused() throws {
        let text = "报告\n一、总则\n正文。\n二、分则\n正文。\n"
        let crlf = Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        #expect(BytesFirstParse(file: try Self.mapped(crlf)).report(of: text) == nil)
        let bom = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        #expect(BytesFirstParse(file: try Self.mapped(bom)).report(of: text) == nil)
        let scan = BytesFirstParse(file: try Self.mapped(Array(text.utf8)))
        #expect(scan.report(of: text + "尾") == nil)
        #expect(scan.report(of: text.replacingOccurrences(of: "二", with: "三"))?.sections.count == nil)
        let report = try #require(scan.report(of: text))
        #expect(report.sections.map(\.address) == ["1", "2"])
        // Its sections were handed over; a second text gets nothing.
        #expect(scan.report(of: text) == nil)
    }

    /// A scan started on another thread gives the same report as one run in place, and a
    /// cancelled one gives none.
    @Test func aScanStartedAheadIsTheParseAndCanBeGivenUp() throws {
        for (label, text) in try Self.texts().prefix(40) where !text.utf8.isEmpty && !text.utf8.contains(0x0D) {
            let file = try Self.mapped(Array(text.utf8))
            let report = try #require(BytesFirstParse.started(file: file).report(of: text), "\(label)")
            let expected = ReportParser.parse(text)
            #expect(report.sections == expected.sections && report.roots == expected.roots, "\(label)")
            #expect(OutlineExport.json(report, includeText: true) == OutlineExport.json(expected, includeText: true), "\(label)")
            let cancelled = BytesFirstParse.started(file: file)
            cancelled.cancel()
            #expect(cancelled.report(of: text) == nil, "\(label)")
        }
        // A file that cannot decode to itself is not scanned: even its own bytes as a text get
        // no report from it.
        let crlf = Array("一、甲\r\n".utf8)
        #expect(BytesFirstParse.started(file: try Self.mapped(crlf)).report(of: String(decoding: crlf, as: UTF8.self)) == nil)
    }

    /// The look for the needles before scanning: a missing one skips the scan, which the
    /// caller can then start after all; present ones let it run.
    @Test func aScanWhoseNeedlesAreMissingIsSkippedUntilAsked() throws {
        let text = "报告\n一、信用修复\n正文。\n二、营商环境\n正文。\n"
        let file = try Self.mapped(Array(text.utf8))
        let present = BytesFirstParse.started(file: file, whenAllOccur: [Array("信用修复".utf8), Array("营商".utf8)])
        #expect(present.scanningIfSkipped() === present)
        #expect(try #require(present.report(of: text)).sections.map(\.address) == ["1", "2"])
        let missing = BytesFirstParse.started(file: file, whenAllOccur: [Array("信用修复".utf8), Array("龘".utf8)])
        let restarted = missing.scanningIfSkipped()
        #expect(restarted !== missing)
        #expect(try #require(restarted.report(of: text)).sections.map(\.address) == ["1", "2"])
        #expect(BytesFirstParse.started(file: file, whenAllOccur: [Array("龘".utf8)]).report(of: text) == nil)
    }

    /// `occurs` looks a stretch at a time; it must agree with a plain search wherever the needle
    /// lies, across the stretches' boundaries too.
    @Test func theLookForANeedleAgreesWithAPlainSearch() throws {
        var generator = SplitMix64(seed: 0x0CC0125)
        let alphabet = Array("信用修复营商环境".utf8)
        for round in 0..<40 {
            let length = round < 20 ? Int(generator.next() % 2000) : (256 << 10) + Int(generator.next() % 4096)
            var bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let needle = Array("龘龘".utf8)
            if round % 2 == 0, bytes.count > needle.count {
                // Often right across the first boundary.
                let boundary = min(bytes.count - needle.count, (256 << 10) - Int(generator.next() % 6))
                let at = round % 4 == 0 ? max(0, boundary) : Int(generator.next() % UInt64(bytes.count - needle.count))
                bytes.replaceSubrange(at..<at + needle.count, with: needle)
            }
            let plain = bytes.count >= needle.count && (0...(bytes.count - needle.count)).contains { Array(bytes[$0..<$0 + needle.count]) == needle }
            let found = bytes.withUnsafeBufferPointer { BytesFirstParse.occurs(needle, in: $0) }
            #expect(found == plain, "round \(round)")
            let sample = Array(bytes.prefix(9))
            if sample.count == 9 { #expect(bytes.withUnsafeBufferPointer { BytesFirstParse.occurs(sample, in: $0) }) }
        }
    }

    /// A report of tens of thousands of nested sections, attached after the scan, compared slice
    /// by slice with the parse of the text.
    @Test func aLargeReportIsAttachedLikeTheParse() throws {
        var text = "关于大量条目的报告\n"
        for chapter in 1...30 {
            text += "\(NumberingTolerance.numeral(chapter))、第\(chapter)部分\n"
            for item in 1...25 {
                text += "（\(NumberingTolerance.numeral(item))）事项\(item)。正文\n"
                for point in 1...30 { text += "\(point).要点\(point)内容，正文。\n" }
            }
        }
        let expected = ReportParser.parse(text)
        #expect(expected.sections.count > 1 << 14)
        let report = try #require(BytesFirstParse(file: try Self.mapped(Array(text.utf8))).report(of: text))
        #expect(report.sections == expected.sections)
        #expect(report.sections.map { Self.place($0.markerText) } == expected.sections.map { Self.place($0.markerText) })
        #expect(report.sections.map { Self.place($0.headingText) } == expected.sections.map { Self.place($0.headingText) })
    }

    @Test func onlyFilesWithoutCarriageReturnsOrAByteOrderMarkAreScannedAhead() throws {
        #expect(BytesFirstParse.mayDecodeToItself(try Self.mapped(Array("一、甲\n正文\n".utf8))))
        #expect(!BytesFirstParse.mayDecodeToItself(try Self.mapped(Array("一、甲\r\n正文\r\n".utf8))))
        #expect(!BytesFirstParse.mayDecodeToItself(try Self.mapped(Array("一、甲\r正文".utf8))))
        #expect(!BytesFirstParse.mayDecodeToItself(try Self.mapped([0xEF, 0xBB, 0xBF] + Array("一、甲\n".utf8))))
    }

    @Test func theLookupNamesThePiecesSearchListsThem() throws {
        var generator = SplitMix64(seed: 0x91ECE5)
        for (label, text) in try Self.texts() {
            let report = ReportParser.parse(text)
            let pieces = report.searchPieces
            let lookup = PieceLookup(report: report)
            #expect(pieces.indices.map(lookup.piece(at:)) == pieces, "\(label)")
            let starts = pieces.map(\.range.lowerBound)
            let end = text.utf8.count
            var offsets = Set([0, max(0, end - 1)] + pieces.map(\.range.lowerBound))
            for _ in 0..<64 where end > 0 { offsets.insert(Int.random(in: 0..<end, using: &generator)) }
            for offset in offsets.sorted() where offset < max(end, 1) {
                #expect(lookup.position(holding: offset) == starts.partitioningIndex(where: { $0 > offset }) - 1, "\(label) at \(offset)")
            }
        }
    }
}
