import Foundation

/// Hostile documents written to a fresh temporary directory per test.
struct HostileDocuments {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rb-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ bytes: some Sequence<UInt8>) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func write(_ name: String, text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// `一、法治政府建设abc，…` up to 5 MB on one line, ending in a marker word.
    static let bigLineUnit = "法治政府建设abc，"
    static let bigLineEnd = "终点END"
    static func fiveMegabyteLine() -> String {
        "一、" + String(repeating: bigLineUnit, count: 5 * 1024 * 1024 / bigLineUnit.utf8.count) + bigLineEnd + "\n"
    }

    /// `1`, `1.1`, `1.1.1` … `count` levels, one per line (about 100 MB for 10,000).
    static func nestedDecimals(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * (count + 12))
        var marker: [UInt8] = []
        for depth in 1...count {
            marker += depth == 1 ? [0x31] : [0x2E, 0x31]
            bytes += marker
            bytes += Array(" 第\(depth)层\n".utf8)
        }
        return bytes
    }

    /// Every numbering style nested in the next, the staircase repeated `count` times.
    static func nestedStyles(_ count: Int) -> String {
        let steps = ["第一章 章", "第一节 节", "第一条 条", "一、甲", "（一）乙", "1.丙", "（1）丁", "①戊"]
        var lines: [String] = []
        for repetition in 1...count {
            lines.append("第\(chineseNumeral(repetition))编 总\(repetition)")
            lines += steps
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `一、第1章` … `十万、第100000章`.
    static func chapters(_ count: Int) -> String {
        (1...count).map { "\(chineseNumeral($0))、第\($0)章" }.joined(separator: "\n") + "\n"
    }

    /// Escape sequences a document might carry to take over a terminal, one kind per section.
    static let terminalAttacks = [
        "一、窗口标题\u{1B}]2;PWNED-TITLE\u{7}之后",
        "二、图标标题\u{1B}]0;PWNED-ZERO\u{1B}\\之后",
        "三、剪贴板\u{1B}]52;c;ZXZpbCBjb21tYW5k\u{7}之后",
        "四、超链接\u{1B}]8;;https://evil.example/\u{1B}\\点我\u{1B}]8;;\u{1B}\\之后",
        "五、清屏\u{1B}[2J\u{1B}[H\u{1B}[31m红色\u{1B}[0m之后",
        "六、C1控制\u{9B}31m\u{9D}2;C1-TITLE\u{9C}之后",
        "七、其他控制\u{7}\u{8}\u{7F}\u{0B}\u{0C}之后",
        "八、方向\u{202E}evil\u{202C}之后",
    ]

    static func terminalAttackText() -> String {
        terminalAttacks.map { $0 + "\n正文" + $0.dropFirst(2) }.joined(separator: "\n") + "\n"
    }

    static func chineseNumeral(_ value: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        func below10000(_ n: Int, zeroFirst: Bool) -> String {
            var text = ""
            var zero = zeroFirst
            for (unit, size) in [("千", 1000), ("百", 100), ("十", 10), ("", 1)] {
                let digit = n / size % 10
                if digit == 0 {
                    zero = zero || !text.isEmpty
                    continue
                }
                if zero { text += "零" }
                zero = false
                text += digits[digit] + unit
            }
            return text
        }
        let high = value / 10000
        let low = value % 10000
        var text = high > 0 ? below10000(high, zeroFirst: false) + "万" : ""
        if low > 0 { text += below10000(low, zeroFirst: high > 0 && low < 1000) }
        if text.hasPrefix("一十") { text.removeFirst() }
        return text
    }
}
