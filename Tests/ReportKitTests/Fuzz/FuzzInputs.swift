import ReportTestSupport
import Foundation

/// Inputs for the property pass: texts shaped like reports (so the parser goes deep into its
/// numbering logic) and raw bytes (so the decoder sees every kind of damage). Each input comes
/// from its own seed, so any one of them can be made again from the seed in a failure message.
enum FuzzInputs {
    enum Kind: String, CaseIterable, Sendable, CustomStringConvertible {
        /// Report-like text, encoded in UTF-8.
        case reportText
        /// Raw bytes: random, or a report-like text encoded one way and damaged.
        case rawBytes
        /// Real reports (the seed and the corpus) cut, shuffled and spliced line by line.
        case realReports

        var description: String { rawValue }
    }

    static func make(_ kind: Kind, seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        switch kind {
        case .reportText: return Array(reportText(using: &generator).utf8)
        case .rawBytes: return rawBytes(using: &generator)
        case .realReports: return realReport(using: &generator)
        }
    }

    // MARK: - Real reports, rearranged

    /// The lines of the seed and corpus documents, loaded once.
    static let realDocuments: [[Substring]] = {
        let corpus = (try? FileManager.default.contentsOfDirectory(at: TestPaths.corpus.appendingPathComponent("docs"), includingPropertiesForKeys: nil)) ?? []
        return ([TestPaths.seed] + corpus.sorted { $0.path < $1.path }).compactMap { url in
            (try? TestPaths.text(url)).map { $0.split(separator: "\n", omittingEmptySubsequences: false) }
        }
    }()

    static func realReport(using generator: inout SplitMix64) -> [UInt8] {
        guard !realDocuments.isEmpty else { return [] }
        var lines = Array(realDocuments.randomElement(using: &generator)!)
        // A window of the document, so the parser starts and stops anywhere.
        let start = Int.random(in: 0..<lines.count, using: &generator)
        let end = Int.random(in: start...lines.count, using: &generator)
        if Bool.random(using: &generator) { lines = Array(lines[start..<end]) }
        for _ in 0..<Int.random(in: 0...6, using: &generator) where !lines.isEmpty {
            let at = Int.random(in: 0..<lines.count, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: lines.remove(at: at)
            case 1: lines.insert(lines[Int.random(in: 0..<lines.count, using: &generator)], at: at)
            case 2: lines.swapAt(at, Int.random(in: 0..<lines.count, using: &generator))
            case 3: lines.insert(Substring(realDocuments.randomElement(using: &generator)!.randomElement(using: &generator)!), at: at)
            case 4: lines[at] = Substring(oddities.randomElement(using: &generator)! + lines[at])
            default: lines[at] = Substring(String(lines[at].prefix(Int.random(in: 0...8, using: &generator))))
            }
        }
        var bytes = Array(lines.joined(separator: "\n").utf8)
        if Int.random(in: 0..<4, using: &generator) == 0 {
            bytes = encoded(String(decoding: bytes, as: UTF8.self), using: &generator)
            damage(&bytes, using: &generator)
        }
        return bytes
    }

    // MARK: - Report-like text

    static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "二十", "九十九", "一百", "一百零一", "一千", "一万", "二〇二四", "〇", "零", "两"]

    /// Whitespace a real document may put around markers, and characters that like to break
    /// things: zero-width, combining, bidi, controls, surrogate-range neighbours, emoji.
    static let spaces = ["", " ", "  ", "\u{3000}", "\t", "\u{A0}", "\u{200B}", "\u{FEFF}"]
    static let oddities = [
        "\u{1B}]2;title\u{7}", "\u{1B}[31m", "\u{9B}", "\u{202E}", "\u{2028}", "\r", "\r\n",
        "\u{301}", "e\u{301}", "\u{FFFD}", "\u{10FFFF}", "👨‍👩‍👧", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "\u{E0001}", "ｉ", "Ａ", "１", "（", "）", "。", "、", "．", ".", "#",
    ]

    static func reportText(using generator: inout SplitMix64) -> String {
        var lines: [String] = []
        if Bool.random(using: &generator) { lines.append(["标题报告", "关于2024年工作的通知", "", "目录"].randomElement(using: &generator)!) }
        if Bool.random(using: &generator) { lines.append("发布日期：2025-02-24 09:44　信息来源：办公室") }
        // Counters per style, so that many markers continue a sequence instead of being body text.
        var counters = [Int](repeating: 0, count: 14)
        var decimal: [Int] = []
        let lineCount = Int.random(in: 0...(Int.random(in: 0..<8, using: &generator) == 0 ? 400 : 60), using: &generator)
        for _ in 0..<lineCount {
            let style = Int.random(in: 0..<18, using: &generator)
            // Usually the next number, sometimes a restart, a skip or a repeat.
            var ordinal = 1
            if style < counters.count {
                switch Int.random(in: 0..<10, using: &generator) {
                case 0: ordinal = 1
                case 1: ordinal = counters[style] + 2
                case 2: ordinal = max(1, counters[style])
                default: ordinal = counters[style] + 1
                }
                counters[style] = ordinal
            }
            let chinese = chineseNumeral(ordinal)
            let space = spaces.randomElement(using: &generator)!
            let heading = phrase(using: &generator)
            var line: String
            switch style {
            case 0: line = "\(space)\(chinese)、\(heading)"
            case 1: line = "\(space)（\(chinese)）\(heading)"
            case 2: line = "(\(chinese))\(heading)"
            case 3: line = "\(space)\(ordinal).\(heading)"
            case 4: line = "\(ordinal)．\(heading)"
            case 5: line = "（\(ordinal)）\(heading)"
            case 6: line = ordinal <= 20 ? String(Character(Unicode.Scalar(0x245F + UInt32(ordinal))!)) + heading : "①\(heading)"
            case 7: line = "第\(chinese)章\(space)\(heading)"
            case 8: line = "第\(chinese)节\(space)\(heading)"
            case 9: line = "第\(chinese)条\(space)\(heading)"
            case 10: line = "第\(chinese)编 \(heading)"
            case 11: line = String(repeating: "#", count: Int.random(in: 1...7, using: &generator)) + " \(heading)"
            case 12: line = ["附件\(ordinal)", "附件：\(heading)", "附录", "附件"].randomElement(using: &generator)!
            case 13:
                // Decimal numbering: deeper, a sibling, or back up a level.
                switch Int.random(in: 0..<3, using: &generator) {
                case 0 where decimal.count < 16: decimal.append(1)
                case 1 where decimal.count > 1: decimal.removeLast(); decimal[decimal.count - 1] += 1
                default: if decimal.isEmpty { decimal = [1] } else { decimal[decimal.count - 1] += 1 }
                }
                line = decimal.map(String.init).joined(separator: ".") + [" ", "\u{3000}", ". "].randomElement(using: &generator)! + heading
            case 14: line = ["目录", "一、\(heading)…………3", "2.5", "18.64 20.1", "一是加强领导。", "——回升向好。", "第", "（", "1.", "一、"].randomElement(using: &generator)!
            default: line = phrase(using: &generator) + "。" + phrase(using: &generator)
            }
            if Int.random(in: 0..<6, using: &generator) == 0 {
                let position = Int.random(in: 0...line.unicodeScalars.count, using: &generator)
                var scalars = Array(line.unicodeScalars)
                scalars.insert(contentsOf: oddities.randomElement(using: &generator)!.unicodeScalars, at: position)
                line = String(String.UnicodeScalarView(scalars))
            }
            lines.append(line)
        }
        let separator = ["\n", "\n", "\n", "\n\n", "\r\n", "\r", "\u{2029}"].randomElement(using: &generator)!
        return lines.joined(separator: separator) + (Bool.random(using: &generator) ? "\n" : "")
    }

    static func phrase(using generator: inout SplitMix64) -> String {
        let words = ["法治", "政府", "建设", "信用修复", "98.97%", "2024年", "abc", "ABC", "ｆｕｌｌ", "，", "、", " ", "（一）", "1.", "第三条", "附件", "。", "\u{3000}"]
        return (0..<Int.random(in: 0...6, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined()
    }

    /// `一百零一`-style numerals, written independently of the parser's reader.
    static func chineseNumeral(_ value: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard value > 0 else { return "零" }
        func below10000(_ n: Int, leadingZero: Bool) -> String {
            var text = ""
            var pendingZero = leadingZero
            for (unit, size) in [("千", 1000), ("百", 100), ("十", 10), ("", 1)] {
                let digit = n / size % 10
                if digit == 0 {
                    if !text.isEmpty || leadingZero { pendingZero = true }
                    continue
                }
                if pendingZero, !text.isEmpty || leadingZero { text += "零" }
                pendingZero = false
                text += digits[digit] + unit
            }
            return text
        }
        let high = value / 10000
        let low = value % 10000
        var text = high > 0 ? below10000(high, leadingZero: false) + "万" : ""
        if low > 0 { text += below10000(low, leadingZero: high > 0 && low < 1000) }
        if text.hasPrefix("一十") { text.removeFirst() }
        return text
    }

    // MARK: - Raw bytes

    static func rawBytes(using generator: inout SplitMix64) -> [UInt8] {
        switch Int.random(in: 0..<4, using: &generator) {
        case 0:
            // Pure noise, short or long, sometimes without NUL so it reaches the converters.
            let lowest: UInt8 = Bool.random(using: &generator) ? 1 : 0
            let count = Int.random(in: 0...(Bool.random(using: &generator) ? 64 : 4096), using: &generator)
            return (0..<count).map { _ in UInt8.random(in: lowest...255, using: &generator) }
        default:
            var bytes = encoded(reportText(using: &generator), using: &generator)
            damage(&bytes, using: &generator)
            return bytes
        }
    }

    /// The text in UTF-8, GB18030 or UTF-16, with or without a byte order mark.
    static func encoded(_ text: String, using generator: inout SplitMix64) -> [UInt8] {
        switch Int.random(in: 0..<6, using: &generator) {
        case 0: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case 1: return iconv(text, to: "GB18030") ?? Array(text.utf8)
        case 2, 3:
            let bigEndian = Bool.random(using: &generator)
            let units = (Bool.random(using: &generator) ? [0xFEFF] : []) + Array(text.utf16)
            return units.flatMap { unit in bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        default: return Array(text.utf8)
        }
    }

    /// Flipped, inserted, deleted bytes and truncation: the damage of copying and transcoding.
    static func damage(_ bytes: inout [UInt8], using generator: inout SplitMix64) {
        let nasty: [UInt8] = [0x00, 0x80, 0x81, 0xBF, 0xC0, 0xC3, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF8, 0xFE, 0xFF, 0x0D, 0x0A, 0x1B, 0x9B]
        for _ in 0..<Int.random(in: 0...4, using: &generator) {
            switch Int.random(in: 0..<4, using: &generator) {
            case 0 where !bytes.isEmpty:
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = nasty.randomElement(using: &generator)!
            case 1:
                bytes.insert(nasty.randomElement(using: &generator)!, at: Int.random(in: 0...bytes.count, using: &generator))
            case 2 where !bytes.isEmpty:
                bytes.remove(at: Int.random(in: 0..<bytes.count, using: &generator))
            case 3 where !bytes.isEmpty:
                bytes.removeLast(Int.random(in: 0...min(3, bytes.count), using: &generator))
            default:
                break
            }
        }
    }

    /// glibc's converter, so GB18030 inputs do not come from the decoder under test.
    static func iconv(_ text: String, to encoding: String) -> [UInt8]? {
        DecodingFixtures.iconvEncode(text, to: encoding)
    }
}
