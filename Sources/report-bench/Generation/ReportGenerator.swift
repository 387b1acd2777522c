import Foundation

/// Writes a long report in the shape of the bundled one: chapters `一、` (numbered as far as
/// the size takes them, past 一万 at 100 MB), sub-items `（一）` with a heading sentence and a
/// body, items `1.`, and now and then an unnumbered paragraph, all from the seed's sentences.
///
/// The sequence depends only on the fixed seed, never on the size, so a smaller report is a
/// prefix of a larger one: the 10 MB and 100 MB inputs differ in length alone, which is what a
/// scaling comparison needs.
struct ReportGenerator {
    struct Statistics: Codable {
        var bytes = 0
        var lines = 0
        var chapters = 0
        /// `（一）` lines.
        var subItems = 0
        /// `1.` lines.
        var items = 0
        var paragraphs = 0
        /// Occurrences of `keyword` and lines holding it (`grep -c` counts the latter).
        var keywordOccurrences = 0
        var keywordLines = 0
        var keyword = ""
        var lastChapterMarker = ""
    }

    static let keyword = "信用修复"
    static let seed: UInt64 = 0x5EED_2024_0000_0005
    private static let flushSize = 1 << 20

    private let phrases: SeedPhrases
    private let targetBytes: Int
    /// Sentences without the keyword, and those with it, drawn one time in
    /// `keywordSentenceOdds`: the seed, about one topic, has it in one sentence of 32, a
    /// collection of many reports far less often.
    private let plainSentences: [String]
    private let keywordSentences: [String]
    private static let keywordSentenceOdds = 400
    private var random: SplitMix64
    private let title: String
    private let metadata: String
    private var buffer: [UInt8] = []
    private(set) var statistics = Statistics()

    /// - Parameters: `seed`, `title`, `metadata` and `extraSentences` (more body sentences, from
    ///   the corpus) vary the reports of a generated library; the defaults give the single report.
    init(
        phrases: SeedPhrases = .bundled, targetBytes: Int, seed: UInt64 = Self.seed,
        title: String = "杭州市钱塘区人民政府关于钱塘区法治政府建设历年工作情况的汇编报告",
        metadata: String? = nil, extraSentences: [String] = []
    ) {
        self.phrases = phrases
        self.targetBytes = targetBytes
        random = SplitMix64(seed: seed)
        self.title = title
        self.metadata = metadata ?? phrases.metadata
        plainSentences = phrases.sentences.filter { !$0.contains(Self.keyword) } + extraSentences.filter { !$0.contains(Self.keyword) }
        keywordSentences = phrases.sentences.filter { $0.contains(Self.keyword) }
        precondition(!plainSentences.isEmpty && !keywordSentences.isEmpty, "the seed lacks \(Self.keyword)")
        statistics.keyword = Self.keyword
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    /// Generates the whole report, handing the bytes to `sink` in pieces of about a megabyte.
    /// Stops at the first line end at or past the target size.
    mutating func run(sink: ([UInt8]) throws -> Void) rethrows {
        for line in [title, metadata, phrases.preamble] {
            emit(line, keywordCount: Self.occurrences(of: Self.keyword, in: line))
        }
        var chapter = 0
        while !isFull {
            chapter += 1
            let marker = ChineseNumeralWriter.string(chapter) + "、"
            statistics.chapters += 1
            statistics.lastChapterMarker = marker
            emit(marker + random.element(of: phrases.chapterHeadings), keywordCount: 0)
            writeChapterBody()
            try flushIfLarge(sink: sink)
        }
        if !buffer.isEmpty { try sink(buffer) }
        buffer.removeAll()
    }

    private var isFull: Bool { statistics.bytes >= targetBytes }

    private mutating func writeChapterBody() {
        for subItem in 1...random.int(in: 2...8) where !isFull {
            statistics.subItems += 1
            let heading = random.element(of: phrases.subItemHeadings)
            emitSentences(prefix: "（" + ChineseNumeralWriter.string(subItem) + "）" + heading, count: 1...4)
            guard random.chance(0.6) else { continue }
            for item in 1...random.int(in: 1...6) where !isFull {
                statistics.items += 1
                emitSentences(prefix: "\(item).", count: 1...3)
                if random.chance(0.15), !isFull {
                    statistics.paragraphs += 1
                    emitSentences(prefix: "", count: 2...5)
                }
            }
        }
    }

    private mutating func emitSentences(prefix: String, count: ClosedRange<Int>) {
        var line = prefix
        var keywordCount = 0
        for _ in 0..<random.int(in: count) {
            if random.int(in: 1...Self.keywordSentenceOdds) == 1 {
                let sentence = random.element(of: keywordSentences)
                line += sentence
                keywordCount += Self.occurrences(of: Self.keyword, in: sentence)
            } else {
                line += random.element(of: plainSentences)
            }
        }
        emit(line, keywordCount: keywordCount)
    }

    private mutating func emit(_ line: String, keywordCount: Int) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        statistics.bytes += line.utf8.count + 1
        statistics.lines += 1
        statistics.keywordOccurrences += keywordCount
        if keywordCount > 0 { statistics.keywordLines += 1 }
    }

    private mutating func flushIfLarge(sink: ([UInt8]) throws -> Void) rethrows {
        guard buffer.count >= Self.flushSize else { return }
        try sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private static func occurrences(of needle: String, in text: String) -> Int {
        var count = 0
        var rest = Substring(text)
        while let found = rest.range(of: needle) {
            count += 1
            rest = rest[found.upperBound...]
        }
        return count
    }
}
