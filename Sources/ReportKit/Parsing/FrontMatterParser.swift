/// The header of a report: title lines and metadata rows at its top. Everything after the
/// header and before the first section is the preamble (subtitle, author, addressee, a notice's
/// own body when it wraps an attached document).
struct FrontMatter {
    var title: String = ""
    var metadata: [MetadataEntry] = []
    /// Byte offset where the preamble starts (just after the last header line).
    var headerEnd: Int = 0
}

enum FrontMatterParser {
    /// Headers are short; looking further only risks reading body text as a title.
    static let maximumHeaderLines = 40
    static let maximumTitleLength = 60

    /// `lines` are the first lines of the text with their byte ranges (newline excluded).
    static func parse(lines: [(text: String, range: Range<Int>)]) -> FrontMatter {
        var front = FrontMatter()
        var titleParts: [String] = []
        var titleClosed = false
        var previousWasTitle = false
        var sawMetadata = false
        for line in lines.prefix(maximumHeaderLines) {
            let trimmed = LayoutSpace.trimmed(line.text)
            if trimmed.isEmpty {
                if !titleParts.isEmpty { titleClosed = true }
                previousWasTitle = false
                continue
            }
            if let pairs = MetadataLine.pairs(in: trimmed), isMetadataRow(pairs, after: sawMetadata) {
                sawMetadata = true
                front.metadata.append(contentsOf: pairs.filter { !$0.value.isEmpty })
                if !titleParts.isEmpty { titleClosed = true }
                previousWasTitle = false
                front.headerEnd = line.range.upperBound
                continue
            }
            let canContinueTitle = titleParts.isEmpty
                || (previousWasTitle && !titleClosed && !endsWithDocumentType(titleParts.joined()))
            let titleIsCut = titleParts.last.map(endsWithConnective) ?? false
            if canContinueTitle, isTitleLike(trimmed) || (titleIsCut && continuesCutTitle(trimmed)),
               titleParts.joined().count + trimmed.count <= maximumTitleLength * 2 {
                titleParts.append(trimmed)
                previousWasTitle = true
                front.headerEnd = line.range.upperBound
                continue
            }
            break
        }
        front.title = collapseLetterSpacing(titleParts.joined())
        return front
    }

    /// A lone `各位代表：` is an address, not metadata; empty values count only beside other
    /// pairs or inside a block of metadata rows (`主 题 词：`).
    private static func isMetadataRow(_ pairs: [MetadataEntry], after sawMetadata: Bool) -> Bool {
        if pairs.count > 1 || sawMetadata { return true }
        return !(pairs.first?.value.isEmpty ?? true)
    }

    static func isTitleLike(_ line: String) -> Bool {
        guard line.count <= maximumTitleLength else { return false }
        if line.hasPrefix("——") || line.hasPrefix("--") { return false }
        if let last = line.unicodeScalars.last, "。；;，,：:！!？?".unicodeScalars.contains(last) { return false }
        if isDocumentNumber(line) || isDate(line) { return false }
        let scalars = Array(line.unicodeScalars.prefix(MarkerScanner.prefixLength))
        if MarkerScanner.match(scalars) != nil { return false }
        return line.unicodeScalars.contains { $0.isIdeograph || $0.properties.isAlphabetic }
    }

    /// A title line that ends in a conjunction or particle (`…预算执行情况和`, `关于…的`) was cut
    /// where the line ran out, as PDFs and wrapped headers do: no title ends there.
    static func endsWithConnective(_ line: String) -> Bool {
        guard let last = line.unicodeScalars.last(where: { !LayoutSpace.contains($0) }) else { return false }
        return "和与及暨的之对在或并、".unicodeScalars.contains(last)
    }

    /// What may follow a cut title line even though it would not start a title itself
    /// (`2026 年预算草案的报告` reads like a numbered line): anything short that is not a date,
    /// a document number or a sentence.
    static func continuesCutTitle(_ line: String) -> Bool {
        guard line.count <= maximumTitleLength, !isDate(line), !isDocumentNumber(line) else { return false }
        if let last = line.unicodeScalars.last, "。；;，,：:！!？?".unicodeScalars.contains(last) { return false }
        return line.unicodeScalars.contains { $0.isIdeograph }
    }

    /// Words that end the title of an official document. A title line ending in one is complete,
    /// so a short line under it (`国家统计局`) is the issuer, not more title.
    static let documentTypes = [
        "报告", "公报", "通知", "通报", "意见", "办法", "方案", "预案", "规定", "条例", "决定", "决议", "纲要",
        "规划", "计划", "函", "通告", "公告", "批复", "细则", "说明", "讲话", "要点", "总结", "白皮书", "指南",
        "制度", "章程", "守则", "标准", "法", "令",
    ]

    static func endsWithDocumentType(_ title: String) -> Bool {
        let collapsed = collapseLetterSpacing(title)
        return documentTypes.contains { collapsed.hasSuffix($0) }
    }

    /// `2019年1月24日`, `二〇〇五年六月十一日`, `2025-02-24`: a date line under a title or signature.
    static func isDate(_ line: String) -> Bool {
        let scalars = line.unicodeScalars.filter { !LayoutSpace.contains($0) }
        guard !scalars.isEmpty, scalars.count <= 16 else { return false }
        let dateScalars = "年月日-/.".unicodeScalars
        return scalars.allSatisfy {
            $0.decimalDigitValue != nil || ChineseNumeral.isNumeralScalar($0) || dateScalars.contains($0)
        }
    }

    /// `国发〔2019〕4号` and its bracket variants.
    static func isDocumentNumber(_ line: String) -> Bool {
        line.hasSuffix("号") && (line.contains("〔") || line.contains("[") || line.contains("［") || line.contains("【"))
    }

    /// `国 家 粮 食 应 急 预 案` → `国家粮食应急预案`: spaces between two ideographs are layout.
    static func collapseLetterSpacing(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var view = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if LayoutSpace.contains(scalar) {
                let before = scalars[..<index].last { !LayoutSpace.contains($0) }
                let after = scalars[(index + 1)...].first { !LayoutSpace.contains($0) }
                if before?.isIdeograph == true, after?.isIdeograph == true { continue }
            }
            view.append(scalar)
        }
        return String(view)
    }
}
