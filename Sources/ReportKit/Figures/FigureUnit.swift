import FoundationEssentials

/// A unit read after a number: an optional multiplier (`万`, `亿`, `万亿`) and a base unit.
struct ReadUnit {
    /// The base unit without multiplier, as reported (`元`, `人`, `百分点`, `%`).
    let base: String
    let category: FigureUnitCategory
    /// Powers of ten the multiplier stands for: 4 for 万, 8 for 亿, 12 for 万亿.
    let exponent: Int
    /// Scalars consumed after the number (spaces of letter-spaced PDF text included).
    let length: Int
    /// The unit as written, without the spaces.
    let written: String
    /// `余`/`多` between number and unit (`780余件次`, `1100多万`).
    let infixQualifier: String?
}

/// The units of Chinese official reports. Longest match wins, so `千瓦时` is energy rather than
/// 千 × 瓦时, and `个百分点` is a percentage point rather than 个.
enum FigureUnitTable {
    struct Entry {
        let written: String
        let base: String
        let category: FigureUnitCategory
    }

    static let multipliers: [(String, Int)] = [
        ("万亿", 12), ("千亿", 11), ("百亿", 10), ("亿", 8), ("千万", 7), ("百万", 6), ("十万", 5), ("万", 4),
    ]

    static let entries: [Entry] = {
        var entries: [Entry] = []
        func add(_ category: FigureUnitCategory, _ words: [String], base: String? = nil) {
            for word in words { entries.append(Entry(written: word, base: base ?? word, category: category)) }
        }
        add(.percentagePoint, ["个百分点", "百分点"], base: "百分点")
        add(.percent, ["%", "％"], base: "%")
        add(.percent, ["‰"])
        add(.multiple, ["倍"])
        add(.currency, ["元", "美元", "欧元", "日元", "港元", "港币", "英镑", "澳门元"])
        add(.currency, ["元人民币"], base: "元")
        add(.currency, ["块钱"], base: "元")
        add(.people, ["人次", "人"])
        add(.duration, ["个工作日", "工作日", "个小时", "个季度", "个星期", "个月", "小时", "分钟", "秒钟", "秒", "天", "周年", "年", "岁", "周"])
        add(.physical, [
            "微克/立方米", "毫克/立方米", "立方米/秒", "公里/小时", "千米/小时",
            "平方公里", "平方千米", "平方米", "立方米", "公顷", "亩",
            "公里", "千米", "厘米", "毫米", "米", "海里",
            "千瓦时", "度电", "千瓦", "兆瓦", "吉瓦", "瓦",
            "吨标准煤", "吨", "千克", "公斤", "克", "斤",
            "毫升", "升", "标准箱", "标箱", "摄氏度", "℃", "分贝", "兆帕",
            "kWh", "kW", "MW", "GW", "km", "kg", "TEU", "Gbps", "Mbps",
        ])
        // Measure words of counts; verbal ones (次, 件次) count events.
        add(.count, [
            "件次", "户次", "台次", "架次", "班次", "车次", "艘次", "场次", "批次", "家次", "项次", "期次",
            "件", "次", "个", "项", "家", "所", "起", "条", "份", "名", "位", "户", "座", "处", "台", "辆",
            "架", "艘", "套", "批", "场", "部", "篇", "本", "册", "种", "类", "块", "张", "只", "头", "棵",
            "株", "间", "栋", "幢", "宗", "笔", "例", "对", "支", "队", "门", "枚", "颗", "根", "匹", "口",
            "盏", "片", "轮", "组", "集", "首", "幅", "卷", "期", "节", "段", "列", "趟", "床", "张床",
        ])
        return entries.sorted { $0.written.unicodeScalars.count > $1.written.unicodeScalars.count }
    }()

    /// Measure words that introduce the thing counted (`3起趋利性执法行为`), as opposed to verbal
    /// ones that count repetitions of the action before them (`学法9次`).
    static let verbalMeasures: Set<String> = ["次", "人次", "件次", "户次", "台次", "架次", "班次", "车次", "艘次", "场次", "批次", "家次", "项次"]

    /// Characters after a measure word that make it the start of a noun instead.
    static let nounStarts: [String: Set<Unicode.Scalar>] = [
        "家": ["庭", "乡", "属", "长", "具", "电", "园", "政", "务"],
        "人": ["民", "才", "员", "物", "士", "大", "格", "工", "身", "选"],
        "名": ["单", "称", "义", "录", "额"],
        "部": ["门", "分", "署", "件", "委"],
        "台": ["账", "阶", "风"],
        "户": ["籍", "型", "外", "口"],
        "元": ["旦", "素", "件", "宵"],
        "条": ["件", "例", "款", "约"],
        "场": ["所", "景", "地", "馆"],
        "所": ["得", "有", "属", "在", "谓"],
        "次": ["日", "序", "要", "年"],
        "个": ["人", "体", "性", "案", "别"],
        "项": ["目"],
        "起": ["来", "步", "草", "诉", "点"],
        "期": ["间", "限", "待", "货"],
        "类": ["型", "别", "似"],
        "种": ["植", "子", "类", "养", "业"],
        "支": ["持", "出", "付", "撑", "部"],
        "对": ["于", "外", "象", "接", "标", "口"],
        "处": ["理", "置", "罚", "于", "长"],
        "批": ["准", "复", "评"],
        "年": ["度", "轻", "龄", "鉴", "代", "检"],
    ]

    /// Reads a unit starting at `start`, skipping single spaces (letter-spaced PDF text) and line
    /// breaks the caller has already judged to be hard wraps.
    static func read(_ scalars: [Unicode.Scalar], at start: Int, allowMultiplier: Bool) -> ReadUnit? {
        // A compact window: up to 10 non-space scalars and where each ends.
        var compact: [Unicode.Scalar] = []
        var ends: [Int] = []
        var index = start
        var spaces = 0
        while index < scalars.count, compact.count < 10 {
            let scalar = scalars[index]
            if scalar == " " || scalar == "\n" || scalar == "\u{A0}" {
                spaces += 1
                // One space between characters (letter spacing); two or an ideographic space ends.
                if spaces > 1 { break }
                index += 1
                continue
            }
            spaces = 0
            compact.append(scalar)
            index += 1
            ends.append(index)
        }
        var position = 0
        var infix: String?
        if position < compact.count, compact[position] == "余" || compact[position] == "多" {
            infix = String(compact[position])
            position += 1
        }
        var exponent = 0
        var multiplierWritten = ""
        if allowMultiplier {
            for (word, power) in multipliers where matches(word, compact, at: position) {
                // 千瓦 and 千米 are units, not 千 × 瓦; only the listed multipliers apply.
                exponent = power
                multiplierWritten = word
                position += word.unicodeScalars.count
                break
            }
            // 780余件次 and 1100多万: the qualifier may also follow the multiplier (3万余人).
            if infix == nil, exponent > 0, position < compact.count, compact[position] == "余" || compact[position] == "多" {
                infix = String(compact[position])
                position += 1
            }
        }
        for entry in entries where matches(entry.written, compact, at: position) {
            let count = entry.written.unicodeScalars.count
            let used = position + count
            // 上千万家庭, 3部门: the measure word is the first character of a noun.
            if used < compact.count, let nouns = nounStarts[entry.written], nouns.contains(compact[used]) { continue }
            return ReadUnit(
                base: entry.base, category: entry.category, exponent: exponent, length: ends[used - 1] - start,
                written: multiplierWritten + entry.written, infixQualifier: infix)
        }
        if exponent > 0 {
            return ReadUnit(
                base: "", category: .none, exponent: exponent, length: ends[position - 1] - start,
                written: multiplierWritten, infixQualifier: infix)
        }
        return nil
    }

    private static func matches(_ word: String, _ compact: [Unicode.Scalar], at position: Int) -> Bool {
        var index = position
        for scalar in word.unicodeScalars {
            guard index < compact.count, compact[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    /// The base unit a user means by `--unit 亿元` or `万人`: multiplier dropped, synonyms folded.
    static func normalize(_ unit: String) -> String {
        let scalars = Array(unit.trimmingSpaces().unicodeScalars)
        guard !scalars.isEmpty else { return "" }
        if let read = read(scalars, at: 0, allowMultiplier: true), read.length == scalars.count {
            return read.base
        }
        return unit
    }
}
