import Foundation
import ReportKit
import Testing
@testable import ReportImport

@Suite struct HTMLImporterTests {
    static func imported(_ html: String) throws -> ImportedText {
        try HTMLImporter().importReport(ImportInput(bytes: Array(html.utf8), path: nil, encoding: nil))
    }

    @Test func blocksTablesAndChrome() throws {
        let html = """
            <!DOCTYPE html><html><head><title>某市人民政府网站</title><style>p{}</style></head><body>
            <div class="top-nav"><a href="/">首页</a><a href="/a">政务公开</a></div>
            <div class="breadcrumb">当前位置：首页 &gt; 政策</div>
            <h1>关于印发实施方案的通知</h1>
            <p>各区人民政府：</p><p>一、总体要求<br>正文&nbsp;第一段。</p>
            <table><tr><td>指标</td> <td>数值</td></tr>
            <tr><td>收入</td><td>200.1</td></tr></table>
            <script>var x = "一、不是正文";</script>
            <div>【打印】【关闭】</div><div>字号：大 中 小</div>
            <div>相关链接</div><div><a href="1">一、另一份文件</a></div><div><a href="2">二、第二份</a></div><div><a href="3">三、第三份</a></div>
            <footer>版权所有 某市人民政府</footer>
            </body></html>
            """
        let result = try Self.imported(html)
        #expect(result.text == "关于印发实施方案的通知\n各区人民政府：\n一、总体要求\n正文 第一段。\n指标\t数值\n收入\t200.1\n")
        #expect(result.headingHints == [0: 1])
    }

    @Test func declaredCharsetThatIsWrongIsOverruledByTheBytes() throws {
        let html = "<html><head><meta charset=\"gb2312\"></head><body><p>一、总体要求</p></body></html>"
        let result = try Self.imported(html)
        #expect(result.text == "一、总体要求\n")
        #expect(result.warnings.contains { $0.contains("gb2312") })
    }

    @Test func gbkPageIsDecoded() throws {
        // 第一章　总则 in GBK.
        let title: [UInt8] = [0xB5, 0xDA, 0xD2, 0xBB, 0xD5, 0xC2, 0xA1, 0xA1, 0xD7, 0xDC, 0xD4, 0xF2]
        let head = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\"></head><body><p>".utf8)
        let gbk = head + title + Array("</p></body></html>".utf8)
        let result = try HTMLImporter().importReport(ImportInput(bytes: gbk, path: nil, encoding: nil))
        #expect(result.text == "第一章　总则\n")
    }

    @Test func nestedOneHundredThousandDeepIsBoundedAndDoesNotCrash() throws {
        // libxml2 stops at depth 256 unless told to relax its limits; nothing may be lost.
        let html = "<html><body><p>一、前言</p>" + String(repeating: "<div>", count: 100_000) + "深处"
            + String(repeating: "</div>", count: 100_000) + "<p>二、结尾</p></body></html>"
        let result = try Self.imported(html)
        #expect(result.text == "一、前言\n深处\n二、结尾\n")
    }

    @Test func fragmentIsDetectedAsHTMLAndPlainTextIsNot() {
        let fragment = "<div class=\"wrap\"> \n <table><tbody><tr><td><p>一、总则</p></td></tr></tbody></table><br></div>"
        #expect(FormatDetection.detect(prefix: Array(fragment.utf8)) == .html)
        #expect(FormatDetection.detect(prefix: Array("一、总则\n<注>正文里的尖括号</注>\n".utf8)) == .text)
        #expect(FormatDetection.detect(prefix: Array("<html><body>x</body></html>".utf8)) == .html)
        #expect(FormatDetection.detect(prefix: Array("%PDF-1.7\n".utf8)) == .pdf)
    }

    @Test(arguments: ["【打印】【关闭】", "字号：大 中 小", "扫一扫在手机打开当前页", "[打印本页] [关闭窗口]"])
    func toolbarLines(_ line: String) {
        #expect(HTMLBoilerplate.isToolbarLine(line))
    }

    @Test(arguments: ["大力推进改革", "关闭小煤矿", "打印机采购"])
    func textThatMerelyStartsLikeAToolbar(_ line: String) {
        #expect(!HTMLBoilerplate.isToolbarLine(line))
    }
}

@Suite struct HTMLHiddenElementTests {
    @Test func hiddenElementsAreNotText() throws {
        let html = "<html><body><p>一、正文</p><div style=\"DISPLAY: none\">隐藏</div><div style=\"visibility:hidden\">也隐藏</div><div hidden>还有</div><p style=\"color:red\">二、可见</p></body></html>"
        let result = try HTMLImporter().importReport(ImportInput(bytes: Array(html.utf8), path: nil, encoding: nil))
        #expect(result.text == "一、正文\n二、可见\n")
    }
}
