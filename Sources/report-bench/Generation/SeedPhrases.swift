import ReportKit

/// The raw material of generated reports, cut from the bundled report: its title and metadata
/// lines, its chapter headings, its item headings and its body sentences.
struct SeedPhrases {
    let title: String
    let metadata: String
    let preamble: String
    let chapterHeadings: [String]
    /// First sentence of each `(一)` line, such as `聚力法治统筹,强化履职担当。`.
    let subItemHeadings: [String]
    /// Every other sentence of the numbered lines, with its closing `。` or `；`.
    let sentences: [String]

    static let bundled = SeedPhrases(text: String(decoding: BundledReport.bytes, as: UTF8.self))

    init(text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        precondition(lines.count > 4, "the bundled report is too short to generate from")
        title = lines[0]
        metadata = lines[1]
        preamble = lines[2]
        var chapterHeadings: [String] = []
        var subItemHeadings: [String] = []
        var sentences: [String] = []
        for line in lines.dropFirst(3) {
            if let comma = line.firstIndex(of: "、"), line[..<comma].allSatisfy(Self.isNumeral) {
                chapterHeadings.append(String(line[line.index(after: comma)...]))
            } else if let close = line.firstIndex(where: { $0 == ")" || $0 == "）" }) {
                let parts = Self.sentences(in: line[line.index(after: close)...])
                guard let first = parts.first else { continue }
                subItemHeadings.append(first)
                sentences += parts.dropFirst()
            } else {
                sentences += Self.sentences(in: line[...])
            }
        }
        precondition(!chapterHeadings.isEmpty && !subItemHeadings.isEmpty && !sentences.isEmpty)
        self.chapterHeadings = chapterHeadings
        self.subItemHeadings = subItemHeadings
        self.sentences = sentences
    }

    private static func isNumeral(_ character: Character) -> Bool {
        "〇一二三四五六七八九十百千万".contains(character)
    }

    /// Sentences ending in `。` or `；`; a trailing piece without either is dropped, since
    /// the generator glues sentences back together and needs each to end a clause.
    private static func sentences(in line: Substring) -> [String] {
        var result: [String] = []
        var current = ""
        for character in line {
            current.append(character)
            if character == "。" || character == "；" {
                let trimmed = current.drop { $0 == " " || $0 == "\u{3000}" }
                if trimmed.count > 1 { result.append(String(trimmed)) }
                current = ""
            }
        }
        return result
    }
}
