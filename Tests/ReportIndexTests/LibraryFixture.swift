import Foundation
@testable import ReportIndex
import ReportKit

/// A small generated library in a temporary directory: reports built from the corpus'
/// sentences with numbered chapters and items, some full-width, hard-wrapped or letter-spaced,
/// so that folding matters, plus a binary file and an empty one.
struct LibraryFixture {
    let root: String
    let indexPath: String
    private(set) var random: SplitMix

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repository.appendingPathComponent("Tests/Corpus/docs").path
    static let seed = repository.appendingPathComponent("seeds").path

    static let sentences: [String] = {
        var texts: [String] = []
        for directory in [corpus, seed] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasSuffix(".txt") {
                if let text = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) { texts.append(text) }
            }
        }
        var sentences: [String] = []
        for text in texts {
            for piece in text.split(whereSeparator: { $0 == "。" || $0 == "\n" }) where piece.count > 6 && piece.count < 120 {
                sentences.append(String(piece) + "。")
            }
        }
        precondition(sentences.count > 100, "the corpus is missing")
        return sentences
    }()

    init(reports: Int, seed: UInt64 = 15) throws {
        root = NSTemporaryDirectory() + "report-index-\(UUID().uuidString)"
        indexPath = root + "/cache/index.sqlite"
        random = SplitMix(seed: seed)
        for folder in ["lib/2023", "lib/2024", "lib/2024/区县"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        for number in 0..<reports {
            let folder = ["lib/2023", "lib/2024", "lib/2024/区县"][number % 3]
            try write(makeReport(number), to: "\(folder)/report-\(number).txt")
        }
        try Data([0, 1, 2, 3, 0x50, 0x4B]).write(to: URL(fileURLWithPath: root + "/lib/2023/scan.bin"))
        try Data().write(to: URL(fileURLWithPath: root + "/lib/2024/empty.txt"))
    }

    var library: String { root + "/lib" }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    func write(_ text: String, to relative: String) throws {
        try text.write(toFile: root + "/" + relative, atomically: false, encoding: .utf8)
    }

    mutating func makeReport(_ number: Int) -> String {
        var lines = ["第\(number)号关于法治政府建设情况的报告", "发布日期：2024-0\(number % 9 + 1)-1\(number % 10) 信息来源：第\(number % 4)区人民政府"]
        lines.append(sentence())
        for chapter in 1...random.int(in: 1...5) {
            lines.append(ChineseNumber.string(chapter) + "、" + sentence())
            for item in 1...random.int(in: 1...4) {
                var line = "（\(ChineseNumber.string(item))）" + sentence() + sentence()
                switch random.int(in: 0...5) {
                case 0: line = line.map { Self.fullWidth($0) }.map(String.init).joined()
                case 1: line.insert("\n", at: line.index(line.startIndex, offsetBy: line.count / 2))
                case 2: line = line.map(String.init).joined(separator: " ")
                default: break
                }
                lines.append(line)
                if random.int(in: 0...1) == 0 { lines.append("\(item).\(sentence())") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    mutating func sentence() -> String {
        Self.sentences[random.int(in: 0...(Self.sentences.count - 1))]
    }

    /// A query drawn from the library's own text: 1–4 characters, sometimes two terms.
    mutating func query(from texts: [String]) -> String {
        let text = texts[random.int(in: 0...(texts.count - 1))]
        let characters = Array(text.filter { !$0.isWhitespace })
        func term() -> String {
            let length = random.int(in: 1...4)
            let start = random.int(in: 0...max(0, characters.count - length))
            return String(characters[start..<min(characters.count, start + length)])
        }
        return random.int(in: 0...3) == 0 ? term() + " " + term() : term()
    }

    private static func fullWidth(_ character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
            scalar.value >= 0x21, scalar.value <= 0x7E, let wide = Unicode.Scalar(scalar.value + 0xFEE0)
        else { return character }
        return Character(wide)
    }
}

struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}

enum ChineseNumber {
    static func string(_ value: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if value < 10 { return digits[value] }
        if value < 20 { return "十" + (value % 10 == 0 ? "" : digits[value % 10]) }
        return digits[value / 10] + "十" + (value % 10 == 0 ? "" : digits[value % 10])
    }
}

/// Results reduced to what `search` prints, for comparing the indexed and index-free paths.
struct PrintedHit: Hashable, CustomStringConvertible {
    let file: String
    let line: Int
    let address: String
    let heading: String
    let snippet: String
    let highlight: String

    var description: String { "\(file):\(line): \(address): \(snippet)" }

    static func all(_ results: LibrarySearchResults) -> [PrintedHit] {
        results.files.flatMap { file in
            file.sections.flatMap { section in
                section.hits.map {
                    PrintedHit(
                        file: file.file.displayPath, line: $0.line, address: section.address, heading: section.heading,
                        snippet: $0.snippet.text, highlight: String($0.snippet.text[$0.snippet.highlight]))
                }
            }
        }
    }
}
