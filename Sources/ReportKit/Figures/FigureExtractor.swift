import FoundationEssentials

/// Finds the figures of a report: every number with a unit that states a quantity, with its
/// normalised value, kind, qualifier, subject, sentence and position.
///
/// Total and bounded: any text gives a list (perhaps empty) in time linear in its length;
/// numbers that cannot be read (100,000 digits, numerals beyond 10^16) are listed as unparsed.
public enum FigureExtractor {
    public static func extract(from report: Report) -> FigureExtraction {
        var reader = FigureReader(report: report)
        FigureParagraphs.split(report.text) { paragraph in reader.read(paragraph) }
        return FigureExtraction(figures: reader.figures, unparsed: reader.unparsed)
    }
}

/// The state of one pass over a report.
struct FigureReader {
    let report: Report
    let markerRanges: [Range<Int>]
    var figures: [Figure] = []
    var unparsed: [UnparsedNumber] = []

    init(report: Report) {
        self.report = report
        let utf8 = report.text.utf8
        // Section markers (1.1, （一）) are the report's numbering, never figures.
        markerRanges = report.sections.map { section in
            let start = utf8.distance(from: utf8.startIndex, to: section.markerText.startIndex)
            return start..<(start + section.markerText.utf8.count)
        }
    }

    mutating func read(_ paragraph: FigureParagraph) {
        let scalars = paragraph.scalars
        let names = FigureNames(scalars)
        var lineStart = 0
        var clauseFloor = 0
        var sentenceFigures: [(subject: String, sentenceStart: Int)] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" { lineStart = index + 1 }
            guard let number = scanNumber(scalars, at: index) else {
                index += 1
                continue
            }
            if let failure = number.failure {
                if failure == .tooLarge { recordUnparsed(paragraph, number, failure) }
                index = max(number.end, index + 1)
                continue
            }
            let candidate = FigureCandidate(
                scalars: scalars, number: number, lineStart: lineStart, clauseFloor: clauseFloor,
                names: names)
            guard let reading = candidate.read(), !isMarker(paragraph.offsets[number.start]) else {
                index = max(number.end, index + 1)
                continue
            }
            let subject = chooseSubject(reading, previous: sentenceFigures)
            sentenceFigures = sentenceFigures.filter { $0.sentenceStart == reading.sentence.lowerBound }
            sentenceFigures.append((subject, reading.sentence.lowerBound))
            figures.append(makeFigure(paragraph, reading, subject: subject))
            clauseFloor = reading.end
            index = reading.end
        }
    }

    /// The sentence without hard line breaks and page feeds, copied as bytes.
    private static func unwrapped(_ text: Substring) -> String {
        let bytes = text.utf8.filter { $0 != UInt8(ascii: "\n") && $0 != 0x0C }
        return String(decoding: bytes, as: UTF8.self).trimmingSpaces()
    }

    private func chooseSubject(_ reading: FigureReading, previous: [(subject: String, sentenceStart: Int)]) -> String {
        if !reading.subjectAfter.isEmpty { return reading.subjectAfter }
        if !reading.subjectBefore.isEmpty { return reading.subjectBefore }
        // 增长4.7% after 收入200.1亿元: the change is of the subject just named.
        if let last = previous.last, last.sentenceStart == reading.sentence.lowerBound { return last.subject }
        return reading.subjectFallback
    }

    private func scanNumber(_ scalars: [Unicode.Scalar], at index: Int) -> ScannedNumber? {
        let scalar = scalars[index]
        let previous: Unicode.Scalar? = index > 0 ? scalars[index - 1] : nil
        if scalar == "百", let spelled = NumberScanner.scanSpelledPercent(scalars, from: index) { return spelled }
        if NumberScanner.arabicDigit(scalar) != nil {
            return NumberScanner.scanArabic(scalars, from: index)
        }
        if scalar == "-" || scalar == "−" || scalar == "－", index + 1 < scalars.count,
           NumberScanner.arabicDigit(scalars[index + 1]) != nil,
           previous.map({ NumberScanner.arabicDigit($0) == nil && !FigureExclusions.isLatinLetter($0) && $0 != "—" && $0 != "-" }) ?? true {
            return NumberScanner.scanArabic(scalars, from: index)
        }
        if NumberScanner.startsChineseNumber(scalars, at: index),
           previous.map({ !ChineseNumeralValue.isNumeral($0) }) ?? true {
            return NumberScanner.scanChinese(scalars, from: index)
        }
        return nil
    }

    private func isMarker(_ offset: Int) -> Bool {
        let low = markerRanges.partitioningIndex(where: { $0.upperBound > offset })
        return low < markerRanges.count && markerRanges[low].contains(offset)
    }

    private mutating func recordUnparsed(_ paragraph: FigureParagraph, _ number: ScannedNumber, _ reason: UnparsedNumber.Reason) {
        let start = paragraph.offsets[number.start]
        let end = paragraph.offsets[number.end]
        unparsed.append(UnparsedNumber(range: start..<end, line: report.lines.line(at: start), reason: reason))
    }

    private func makeFigure(_ paragraph: FigureParagraph, _ reading: FigureReading, subject: String) -> Figure {
        let start = paragraph.offsets[reading.start]
        let end = paragraph.offsets[reading.end]
        let sectionIndex = report.section(containing: start)
        let sentenceStart = paragraph.offsets[reading.sentence.lowerBound]
        let sentenceEnd = paragraph.offsets[reading.sentence.upperBound]
        return Figure(
            sectionIndex: sectionIndex,
            address: sectionIndex.map { report.sections[$0].address } ?? "",
            range: start..<end,
            line: report.lines.line(at: start),
            text: String(report.slice(start..<end)),
            value: reading.value,
            upperValue: reading.upperValue,
            unit: reading.unit.base,
            writtenUnit: reading.unit.written,
            unitCategory: reading.unit.category,
            kind: reading.kind,
            direction: reading.kind == .change || reading.kind == .target ? reading.direction : nil,
            qualifier: reading.qualifier,
            subject: subject,
            sentence: Self.unwrapped(report.slice(sentenceStart..<sentenceEnd)),
            sentenceRange: sentenceStart..<sentenceEnd)
    }
}
