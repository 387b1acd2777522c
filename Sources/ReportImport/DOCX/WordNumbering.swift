import CLibXML2

/// Word's automatic numbering (`word/numbering.xml`): the labels Word draws in front of
/// numbered paragraphs, which are not in the paragraphs' text.
struct WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = "%1."
        var suffix = "tab"
        var legal = false
    }

    private var abstractLevels: [String: [Int: Level]] = [:]
    /// numId → abstractNumId, and per level the overrides a `w:num` makes.
    private var instances: [String: (abstract: String, starts: [Int: Int], levels: [Int: Level])] = [:]
    /// Counters per list (the abstract list, or the instance when it restarts numbering).
    private var counters: [String: [Int: Int]] = [:]

    init(part: XMLPart?) {
        guard let root = part?.root else { return }
        for abstract in XMLPart.children(root, named: "abstractNum") {
            guard let id = XMLPart.attribute(abstract, "abstractNumId") else { continue }
            var levels: [Int: Level] = [:]
            for level in XMLPart.children(abstract, named: "lvl") {
                guard let index = XMLPart.attribute(level, "ilvl").flatMap(Int.init) else { continue }
                levels[index] = Self.level(level)
            }
            abstractLevels[id] = levels
        }
        for num in XMLPart.children(root, named: "num") {
            guard let id = XMLPart.attribute(num, "numId"),
                let abstract = XMLPart.child(num, named: "abstractNumId").flatMap({ XMLPart.attribute($0, "val") })
            else { continue }
            var starts: [Int: Int] = [:]
            var levels: [Int: Level] = [:]
            for override in XMLPart.children(num, named: "lvlOverride") {
                guard let index = XMLPart.attribute(override, "ilvl").flatMap(Int.init) else { continue }
                if let start = XMLPart.child(override, named: "startOverride").flatMap({ XMLPart.attribute($0, "val") }).flatMap(Int.init) {
                    starts[index] = start
                }
                if let level = XMLPart.child(override, named: "lvl") { levels[index] = Self.level(level) }
            }
            instances[id] = (abstract, starts, levels)
        }
    }

    private static func level(_ node: xmlNodePtr) -> Level {
        var level = Level()
        if let start = XMLPart.child(node, named: "start").flatMap({ XMLPart.attribute($0, "val") }).flatMap(Int.init) { level.start = start }
        if let format = XMLPart.child(node, named: "numFmt").flatMap({ XMLPart.attribute($0, "val") }) { level.format = format }
        if let text = XMLPart.child(node, named: "lvlText").flatMap({ XMLPart.attribute($0, "val") }) { level.text = text }
        if let suffix = XMLPart.child(node, named: "suff").flatMap({ XMLPart.attribute($0, "val") }) { level.suffix = suffix }
        if let legal = XMLPart.child(node, named: "isLgl") { level.legal = XMLPart.attribute(legal, "val").map { $0 != "0" && $0 != "false" } ?? true }
        return level
    }

    /// The label of the next paragraph in list `numId` at level `ilvl`, with the separator
    /// Word puts after it; nil for no numbering (`numId` 0 or unknown).
    mutating func nextLabel(numId: String, ilvl: Int) -> String? {
        guard numId != "0", let instance = instances[numId], let abstract = abstractLevels[instance.abstract] else { return nil }
        func level(_ index: Int) -> Level { instance.levels[index] ?? abstract[index] ?? Level() }
        func start(_ index: Int) -> Int { instance.starts[index] ?? level(index).start }
        let key = instance.starts.isEmpty && instance.levels.isEmpty ? "a" + instance.abstract : "n" + numId
        var counter = counters[key] ?? [:]
        counter[ilvl] = (counter[ilvl] ?? start(ilvl) - 1) + 1
        for deeper in counter.keys where deeper > ilvl { counter[deeper] = nil }
        counters[key] = counter

        let current = level(ilvl)
        if current.format == "bullet" { return nil }
        var label = ""
        var characters = Array(current.text)[...]
        while let character = characters.first {
            characters = characters.dropFirst()
            if character == "%", let digit = characters.first?.wholeNumberValue, digit >= 1 {
                characters = characters.dropFirst()
                let index = digit - 1
                let value = counter[index] ?? start(index)
                let format = current.legal && index < ilvl ? "decimal" : level(index).format
                label += WordNumberFormat.render(value, format: format)
            } else {
                label.append(character)
            }
        }
        if label.isEmpty { return nil }
        switch current.suffix {
        case "nothing": return label
        default:
            // A tab after the label would read as a table cell; a label that ends in its own
            // punctuation (一、 （一） 1.) needs nothing, others (第一章, 1.1) get an ideographic space.
            return "、）).．:：".contains(label.last!) ? label : label + "\u{3000}"
        }
    }
}
