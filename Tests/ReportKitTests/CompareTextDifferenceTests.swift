import ReportKit
import Testing

@Suite struct CompareTextDifferenceTests {
    @Test func changedNumbersAreCalledOutWithTheirUnit() {
        let difference = TextDifference(old: "全年办理行政复议案件281件，同比增长12.5%。", new: "全年办理行政复议案件350件，同比增长9.8%。")
        #expect(difference.numberChanges == [
            .init(old: "281件", new: "350件"),
            .init(old: "12.5%", new: "9.8%"),
        ])
        #expect(difference.inlineText() == "全年办理行政复议案件[-281-]{+350+}件，同比增长[-12.5%-]{+9.8%+}。")
    }

    @Test func charactersNotLines() {
        let difference = TextDifference(old: "认为具体行政行为侵犯其合法权益", new: "认为行政机关的行政行为侵犯其合法权益")
        #expect(difference.inlineText() == "认为[-具体-]{+行政机关的+}行政行为侵犯其合法权益")
        #expect(difference.numberChanges.isEmpty)
    }

    @Test func hardWrapsAndWidthsAreNotChanges() {
        let difference = TextDifference(old: "依照本法\n申请行政复议:", new: "依照本法申请行政复议：")
        #expect(difference.isEmpty)
    }

    @Test func insertionsAndDeletionsOnly() {
        let inserted = TextDifference(old: "", new: "新增条款")
        #expect(inserted.segments == [.init(kind: .inserted, text: "新增条款")])
        let deleted = TextDifference(old: "删除条款", new: "")
        #expect(deleted.segments == [.init(kind: .deleted, text: "删除条款")])
    }

    @Test func unrelatedLongTextsAreBounded() {
        let old = String(repeating: "甲乙丙丁", count: 5000)
        let new = String(repeating: "戊己庚辛", count: 5000)
        let difference = TextDifference(old: old, new: new)
        #expect(difference.segments == [.init(kind: .deleted, text: old), .init(kind: .inserted, text: new)])
    }
}

@Suite struct CompareTextDifferenceLimitTests {
    /// One enormous paragraph with a change in the middle: prefix and suffix are kept, and the
    /// change is found without searching the whole text.
    @Test func aSmallChangeInAnEnormousText() {
        let filler = String(repeating: "依法行政", count: 250_000)
        let difference = TextDifference(old: filler + "办理281件" + filler, new: filler + "办理350件" + filler)
        #expect(difference.numberChanges == [.init(old: "281件", new: "350件")])
        #expect(difference.segments.map(\.kind) == [.equal, .deleted, .inserted, .equal])
    }
}
