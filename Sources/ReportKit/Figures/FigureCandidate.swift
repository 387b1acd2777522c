import FoundationEssentials

/// A number that has passed as a figure, with everything the table needs.
struct FigureReading {
    /// Scalar indices of the figure as written (qualifiers included).
    let start: Int
    let end: Int
    let value: Decimal
    let upperValue: Decimal?
    let unit: ReadUnit
    let qualifier: String?
    let kind: FigureKind
    let direction: FigureDirection?
    let subjectBefore: String
    let subjectAfter: String
    let subjectFallback: String
    let sentence: Range<Int>
}

/// One number in its paragraph: decides whether it is a figure and reads it.
struct FigureCandidate {
    let scalars: [Unicode.Scalar]
    let number: ScannedNumber
    let lineStart: Int
    /// The end of the previous figure in the paragraph: the next clause starts no earlier.
    let clauseFloor: Int
    let names: FigureNames

    static let connectors: Set<Unicode.Scalar> = ["—", "–", "-", "~", "～", "〜", "至", "到", "－"]
    static let contextLimit = 60
    static let sentenceLimit = 300
    static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "！", "？", "!", "?": true
        default: false
        }
    }
    /// Count units that follow a one-digit Chinese numeral in a statement of quantity
    /// (`两个百分点`, `三家`), rather than in a slogan (`两个确立`, `三次产业`, `四个意识`).
    static let singleDigitUnits: Set<String> = ["名", "位", "家", "所", "件", "起", "座", "批", "场", "户", "台", "部", "个月", "人"]

    func read() -> FigureReading? {
        if names.contains(number.start) { return nil }
        if FigureExclusions.excludedByContext(scalars, number: number, lineStart: lineStart) { return nil }
        guard let firstValue = number.value else { return nil }
        var unit = FigureUnitTable.read(scalars, at: number.end, allowMultiplier: true)
        var end = number.end + (unit?.length ?? 0)
        if FigureExclusions.isCalendar(scalars, number: number) { return nil }
        if unit?.base == "年", FigureExclusions.next(scalars, end).map({ $0.0 == "代" }) ?? false { return nil }

        var upperValue: Decimal?
        if let range = readRange(after: end, firstUnit: unit) {
            unit = range.unit
            upperValue = range.upper
            end = range.end
        }
        if number.isSpelledPercent {
            unit = ReadUnit(base: "%", category: .percent, exponent: 0, length: 0, written: "百分之", infixQualifier: nil)
        }
        let clauseStart = findClauseStart(before: number.start)
        let rawClause = compact(clauseStart, number.start)
        if unit == nil, number.script == .arabic, isIndexValue(rawClause) {
            unit = ReadUnit(base: "", category: .none, exponent: 0, length: 0, written: "", infixQualifier: nil)
        }
        // 上千万家庭, 两万: a Chinese numeral ending in 万 or 亿 is a quantity without a unit word.
        if unit == nil, number.script == .chinese, !number.isSingleChineseDigit,
           scalars[number.end - 1] == "万" || scalars[number.end - 1] == "亿" {
            unit = ReadUnit(base: "", category: .none, exponent: 0, length: 0, written: "", infixQualifier: nil)
        }
        guard let unit else { return nil }
        if !acceptsChineseNumeral(unit) { return nil }

        let value = scaled(firstValue, unit.exponent)
        let upper = upperValue.map { scaled($0, unit.exponent) }

        var start = number.start
        var qualifier: String?
        if let (word, wordStart) = FigureQualifier.prefix(in: scalars, before: number.start, notBefore: max(clauseStart, lineStart)) {
            qualifier = word
            start = wordStart
        }
        if qualifier == nil { qualifier = unit.infixQualifier }
        if let (word, wordEnd) = FigureQualifier.suffix(in: scalars, at: end) {
            if qualifier == nil { qualifier = word }
            end = wordEnd
        }
        if qualifier == nil, number.isVague { qualifier = String(scalars[number.start]) }
        if qualifier == nil, upper != nil { qualifier = "至" }

        let clause = compact(clauseStart, start)
        let sentence = sentenceRange(around: start, end)
        var direction = FigureKindRules.direction(before: clause)
        if direction != nil, value < 0 { direction = direction == .up ? .down : .up }
        let kind = FigureKindRules.kind(
            unit: unit.category, direction: direction, clause: clause,
            sentenceBefore: Array(scalars[sentence.lowerBound..<start]))
        let before = FigureSubject.before(clause)
        let introducesNoun = unit.category == .count && !FigureUnitTable.verbalMeasures.contains(unit.base)
        // A verb alone before the number (增发1万亿元国债): the noun after it is the subject.
        let verbOnly = before.isEmpty || (before.count <= 2 && [.currency, .physical, .none].contains(unit.category))
        // 1100多万学生: a bare multiplier counts the noun that follows (unless 的 makes it an attribute).
        let countsNoun = unit.category == .none && !(tail(from: end).first == "的")
        let after = (introducesNoun || verbOnly || countsNoun) ? FigureSubject.after(tail(from: end)) : ""
        return FigureReading(
            start: start, end: end, value: value, upperValue: upper, unit: unit, qualifier: qualifier,
            kind: kind, direction: direction, subjectBefore: before, subjectAfter: after,
            subjectFallback: FigureSubject.before(compact(findClauseStart(before: max(clauseStart - 1, sentence.lowerBound)), max(clauseStart - 1, sentence.lowerBound))),
            sentence: sentence)
    }

    private func scaled(_ value: Decimal, _ exponent: Int) -> Decimal {
        exponent == 0 ? value : value * Decimal(sign: .plus, exponent: exponent, significand: 1)
    }

    /// `3—5年`, `10%至15%`, `3-5万元`: a second number of the same unit after a connector.
    private func readRange(after end: Int, firstUnit: ReadUnit?) -> (unit: ReadUnit, upper: Decimal, end: Int)? {
        guard end + 1 < scalars.count, Self.connectors.contains(scalars[end]) else { return nil }
        let secondStart = end + 1
        let second: ScannedNumber
        switch number.script {
        case .arabic:
            guard NumberScanner.arabicDigit(scalars[secondStart]) != nil else { return nil }
            second = NumberScanner.scanArabic(scalars, from: secondStart)
        case .chinese:
            guard NumberScanner.startsChineseNumber(scalars, at: secondStart) else { return nil }
            second = NumberScanner.scanChinese(scalars, from: secondStart)
        }
        guard second.failure == nil, let upper = second.value,
              let secondUnit = FigureUnitTable.read(scalars, at: second.end, allowMultiplier: true) else { return nil }
        if let firstUnit, firstUnit.base != secondUnit.base || firstUnit.exponent != secondUnit.exponent { return nil }
        if secondUnit.base == "年", second.isPlainInteger, second.digitCount == 4 { return nil }
        return (secondUnit, upper, second.end + secondUnit.length)
    }

    private func acceptsChineseNumeral(_ unit: ReadUnit) -> Bool {
        guard number.script == .chinese, number.isSingleChineseDigit else { return true }
        if unit.category == .multiple || unit.category == .percentagePoint { return true }
        if number.value == 1 { return false }
        return unit.exponent > 0 || Self.singleDigitUnits.contains(unit.base) || unit.category == .currency
    }

    /// Index values have no unit: `居民消费价格指数为102.3`.
    private func isIndexValue(_ clause: [Unicode.Scalar]) -> Bool {
        guard number.value != nil, !number.isPlainInteger || number.digitCount <= 3 else { return false }
        var text = String(String.UnicodeScalarView(clause))
        for link in ["为", "是", "达到", "达"] where text.hasSuffix(link) { text.removeLast(link.count) }
        return text.hasSuffix("指数") || text.hasSuffix("系数") || text.hasSuffix("指数值")
    }

    private func findClauseStart(before index: Int) -> Int {
        let floor = max(clauseFloor, index - Self.contextLimit, 0)
        var cursor = index - 1
        while cursor >= floor {
            if FigureSubject.clauseBreaks.contains(scalars[cursor]) { return cursor + 1 }
            cursor -= 1
        }
        return floor
    }

    /// The scalars between two indices without spaces, line breaks and footnote marks (`[2]`).
    private func compact(_ start: Int, _ end: Int) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        var index = start
        while index < end {
            let scalar = scalars[index]
            if scalar == "[" || scalar == "［" {
                var close = index + 1
                while close < end, close - index <= 4, NumberScanner.arabicDigit(scalars[close]) != nil { close += 1 }
                if close < end, close > index + 1, scalars[close] == "]" || scalars[close] == "］" {
                    index = close + 1
                    continue
                }
            }
            if !(scalar == " " || scalar == "\n" || scalar == "\u{3000}" || scalar == "\t" || scalar == "\u{A0}") {
                result.append(scalar)
            }
            index += 1
        }
        return result
    }

    /// The words after a count up to the end of its clause or the next number.
    private func tail(from start: Int) -> [Unicode.Scalar] {
        var end = start
        while end < scalars.count, end - start < Self.contextLimit {
            let scalar = scalars[end]
            if FigureSubject.clauseBreaks.contains(scalar) || scalar == "、" || NumberScanner.arabicDigit(scalar) != nil
                || scalar == "（" || scalar == "(" { break }
            end += 1
        }
        return compact(start, end)
    }

    private func sentenceRange(around start: Int, _ end: Int) -> Range<Int> {
        var lower = start
        while lower > 0, start - lower < Self.sentenceLimit, !Self.isSentenceEnd(scalars[lower - 1]) { lower -= 1 }
        var upper = end
        while upper < scalars.count, upper - end < Self.sentenceLimit {
            let scalar = scalars[upper]
            upper += 1
            if Self.isSentenceEnd(scalar) { break }
        }
        return lower..<upper
    }
}
