import Foundation
import ReportKit
import Testing
@testable import ReportImport

@Suite struct DocxImporterTests {
    static func text(_ bytes: [UInt8]) throws(ImportFailure) -> String {
        try DocxImporter().importReport(ImportInput(bytes: bytes, path: nil, encoding: nil)).text
    }

    @Test func chineseCountingWithEnumerationCommaAndParenthesisedSublevels() throws {
        let numbering = WordPackage.numbering([[
            ("chineseCounting", "%1、", 1), ("chineseCounting", "（%2）", 1), ("decimal", "%3.", 1),
        ]])
        let body = [
            WordPackage.paragraph("总体要求", numId: 1, ilvl: 0),
            WordPackage.paragraph("指导思想", numId: 1, ilvl: 1),
            WordPackage.paragraph("基本原则", numId: 1, ilvl: 1),
            WordPackage.paragraph("坚持改革", numId: 1, ilvl: 2),
            WordPackage.paragraph("坚持创新", numId: 1, ilvl: 2),
            WordPackage.paragraph("主要任务", numId: 1, ilvl: 0),
            WordPackage.paragraph("完善制度", numId: 1, ilvl: 1),
            WordPackage.paragraph("正文段落不编号。"),
        ].joined()
        let text = try Self.text(WordPackage.docx(document: WordPackage.document(body: body), numbering: numbering))
        #expect(text == "一、总体要求\n（一）指导思想\n（二）基本原则\n1.坚持改革\n2.坚持创新\n二、主要任务\n（一）完善制度\n正文段落不编号。\n")
    }

    @Test func multiLevelDecimalAndStartValues() throws {
        let numbering = WordPackage.numbering([[("decimal", "%1", 3), ("decimal", "%1.%2", 1), ("decimal", "%1.%2.%3", 1)]])
        let body = [
            WordPackage.paragraph("应急响应", numId: 1, ilvl: 0),
            WordPackage.paragraph("响应级别", numId: 1, ilvl: 1),
            WordPackage.paragraph("一级响应", numId: 1, ilvl: 2),
            WordPackage.paragraph("响应措施", numId: 1, ilvl: 1),
            WordPackage.paragraph("后期处置", numId: 1, ilvl: 0),
        ].joined()
        let text = try Self.text(WordPackage.docx(document: WordPackage.document(body: body), numbering: numbering))
        #expect(text == "3\u{3000}应急响应\n3.1\u{3000}响应级别\n3.1.1\u{3000}一级响应\n3.2\u{3000}响应措施\n4\u{3000}后期处置\n")
    }

    @Test func chapterNumberingAndCountingPastTen() throws {
        let numbering = WordPackage.numbering([[("chineseCounting", "第%1章", 1)], [("chineseCounting", "%1、", 9)]])
        let body = [WordPackage.paragraph("总则", numId: 1)] + (0..<4).map { WordPackage.paragraph("第\($0)项", numId: 2) }
        let text = try Self.text(WordPackage.docx(document: WordPackage.document(body: body.joined()), numbering: numbering))
        #expect(text == "第一章\u{3000}总则\n九、第0项\n十、第1项\n十一、第2项\n十二、第3项\n")
    }

    @Test func headingStyleCarriesNumberingAndAHint() throws {
        let numbering = WordPackage.numbering([[("chineseCounting", "%1、", 1)]])
        let styles = """
            <?xml version="1.0"?><w:styles \(WordPackage.namespace)><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 1"/>\
            <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>
            """
        let body = WordPackage.paragraph("总体要求", style: "2") + WordPackage.paragraph("正文。") + WordPackage.paragraph("主要任务", style: "2")
        let imported = try DocxImporter().importReport(ImportInput(
            bytes: WordPackage.docx(document: WordPackage.document(body: body), numbering: numbering, styles: styles), path: nil, encoding: nil))
        #expect(imported.text == "一、总体要求\n正文。\n二、主要任务\n")
        #expect(imported.headingHints == [0: 1, 2: 1])
    }

    @Test func tableRowsBecomeTabJoinedLines() throws {
        let cell = { (text: String) in "<w:tc>\(WordPackage.paragraph(text))</w:tc>" }
        let table = "<w:tbl><w:tr>\(cell("指标"))\(cell("数值"))</w:tr><w:tr>\(cell("收入"))\(cell("200.1"))</w:tr></w:tbl>"
        let text = try Self.text(WordPackage.docx(document: WordPackage.document(body: WordPackage.paragraph("表1") + table)))
        #expect(text == "表1\n指标\t数值\n收入\t200.1\n")
    }

    @Test(arguments: [
        (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (21, "chineseCounting", "二十一"),
        (105, "chineseCountingThousand", "一百零五"), (110, "chineseCountingThousand", "一百一十"),
        (3, "decimalEnclosedCircle", "③"), (4, "upperRoman", "IV"), (28, "lowerLetter", "bb"),
        (3, "ideographTraditional", "丙"), (12, "decimalFullWidth", "１２"), (2, "chineseLegalSimplified", "贰"),
    ])
    func numberFormats(_ value: Int, _ format: String, _ rendered: String) {
        #expect(WordNumberFormat.render(value, format: format) == rendered)
    }

    @Test func missingDocumentPartIsOneClearLine() throws {
        let bytes = try WordPackage.zip([("[Content_Types].xml", Data(WordPackage.contentTypes.utf8))])
        #expect(FormatDetection.detect(prefix: bytes) == .docx)
        #expect(throws: ImportFailure.self) { try Self.text(bytes) }
        do {
            _ = try Self.text(bytes)
        } catch {
            #expect(error.reason.contains("no word/document.xml"))
        }
    }

    @Test func zipBombIsStoppedByRatio() throws {
        // 64 MB of one repeated byte deflates about 1000×.
        let zeros = Data(repeating: UInt8(ascii: " "), count: 64 << 20)
        let bytes = try WordPackage.zip([("[Content_Types].xml", Data(WordPackage.contentTypes.utf8)), ("word/document.xml", zeros)])
        #expect(bytes.count < 1 << 20)
        do {
            _ = try Self.text(bytes)
            Issue.record("a ZIP bomb was unpacked")
        } catch {
            #expect(error.reason.contains("ZIP bomb"), "\(error.reason)")
        }
    }

    @Test func damagedZipAndDamagedXMLAreOneLine() throws {
        var bytes = try WordPackage.docx(document: WordPackage.document(body: WordPackage.paragraph("正文")))
        let truncated = Array(bytes.prefix(bytes.count / 2))
        #expect(throws: ImportFailure.self) { try Self.text(truncated) }
        bytes = try WordPackage.docx(document: "<w:document><w:body><w:p>")
        do {
            _ = try Self.text(bytes)
            Issue.record("damaged XML was accepted")
        } catch {
            #expect(error.reason.contains("damaged"))
        }
    }

    @Test func contentControlsInnerTablesAndSkippedRunsReadAsOnThePage() throws {
        let p = { (text: String) in WordPackage.paragraph(text) }
        let body = "<w:sdt><w:sdtPr/><w:sdtContent>" + p("控件内") + "<w:sdt><w:sdtContent>" + p("嵌套控件") + "</w:sdtContent></w:sdt>"
            + "</w:sdtContent><w:sdtContent>" + p("第二内容") + "</w:sdtContent></w:sdt>"
            + "<w:tbl><w:tr><w:tc>" + p("左") + "</w:tc><w:tc><w:tbl><w:tr><w:tc>" + p("内1") + "</w:tc><w:tc/><w:tc>" + p("内2")
            + "</w:tc></w:tr></w:tbl>" + p("后") + "</w:tc><w:tc/></w:tr></w:tbl>"
            + "<w:p><w:r><w:del><w:t>删</w:t></w:del><w:instrText>PAGE</w:instrText><w:t>留&amp;</w:t><w:noBreakHyphen/>"
            + "<w:drawing><w:t>图</w:t></w:drawing></w:r><w:hyperlink><w:r><w:t>链</w:t></w:r></w:hyperlink></w:p>"
            + "<w:customXml>" + p("不在正文") + "</w:customXml>"
        let text = try Self.text(WordPackage.docx(document: WordPackage.document(body: body)))
        #expect(text == "控件内\n嵌套控件\n左\t内1 内2 后\n留&-链\n")
    }

    @Test func damageAfterGoodParagraphsIsStillOneLine() throws {
        let good = String(repeating: WordPackage.paragraph("正文"), count: 1000)
        let bytes = try WordPackage.docx(document: WordPackage.document(body: good + "<w:p><w:r></w:p>"))
        do {
            _ = try Self.text(bytes)
            Issue.record("damaged XML was accepted")
        } catch {
            #expect(error.reason.contains("damaged"))
            #expect(!error.reason.contains("\n"))
        }
    }

    @Test func nestingHundredThousandLevelsDeepIsRefusedNotRecursed() throws {
        let depth = 100_000
        // Numbered levels, so the part does not deflate like a ZIP bomb and trip that guard instead.
        let nested = (0..<depth).map { "<w:r w:n=\"\($0 &* 7919 % 100_003)\">" }.joined() + "<w:t>深</w:t>" + String(repeating: "</w:r>", count: depth)
        let bytes = try WordPackage.docx(document: WordPackage.document(body: "<w:p>" + nested + "</w:p>"))
        do {
            let text = try Self.text(bytes)
            // Were the parser's depth limit lifted, the text would still come out whole.
            #expect(text == "深\n")
        } catch {
            #expect(error.reason.contains("damaged"))
        }
    }

    /// A stored (uncompressed) part has no deflate stream to notice damage; only the CRC does.
    @Test func aChangedByteInAStoredPartFailsTheChecksum() throws {
        let document = WordPackage.document(body: WordPackage.paragraph("checksum-probe"))
        var bytes = try WordPackage.docx(document: document, compression: .none)
        #expect(try Self.text(bytes) == "checksum-probe\n")
        let probe = Array("checksum-probe".utf8)
        let at = try #require((0...(bytes.count - probe.count)).first { Array(bytes[$0..<$0 + probe.count]) == probe })
        bytes[at] = UInt8(ascii: "C")
        do {
            _ = try Self.text(bytes)
            Issue.record("a part with a wrong checksum was accepted")
        } catch {
            #expect(error.reason.contains("checksum"), "\(error.reason)")
        }
    }

    /// Damage near the start of a part that inflates to many chunks: the parser gives up while
    /// the part is still inflating on the other thread, which must stop rather than wait for
    /// room that never comes, and the failure is still the one line about damage.
    @Test func damageEarlyInAManyChunkPartStopsTheInflating() throws {
        var state: UInt32 = 7
        let filler = (0..<60_000).map { index -> String in
            state = state &* 1_664_525 &+ 1_013_904_223
            return WordPackage.paragraph("第\(index)段" + String(Character(Unicode.Scalar(0x4E00 + (state >> 8) % 2000)!)))
        }.joined()
        let document = WordPackage.document(body: "<w:p><w:r></w:p>" + filler)
        #expect(document.utf8.count > 8 * DocxArchive.chunkSize)
        let bytes = try WordPackage.docx(document: document)
        do {
            _ = try Self.text(bytes)
            Issue.record("damaged XML was accepted")
        } catch {
            #expect(error.reason.contains("word/document.xml is damaged"), "\(error.reason)")
        }
    }

    /// A part much larger than one inflated chunk reaches the parser in many pieces; elements
    /// and multi-byte characters cut between pieces come out whole.
    @Test func aLargePartStreamedInChunksReadsWhole() throws {
        // Varied ideographs, so the part deflates like text and not like a ZIP bomb.
        var state: UInt32 = 13
        func next() -> UInt32 {
            state = state &* 1_664_525 &+ 1_013_904_223
            return state >> 8
        }
        let lines = (0..<30_000).map { index in
            "第\(index)段" + String((0..<12).map { _ in Character(Unicode.Scalar(0x4E00 + next() % 2000)!) })
        }
        let document = WordPackage.document(body: lines.map { WordPackage.paragraph($0) }.joined())
        #expect(document.utf8.count > 3 << 20)
        let text = try Self.text(WordPackage.docx(document: document))
        #expect(text == lines.joined(separator: "\n") + "\n")
    }
}
