import Foundation
import ReportKit
import Testing

/// Alignment tables for what the second look at a tier decides: copies of a template are not
/// pieces, weak pieces standing between pieces of one source are.
@Suite struct CompareRefinementTests {
    let articles = Array(RevisionFixtures.lawArticles.prefix(12))
    let isArticle: (Section) -> Bool = { $0.marker.hasSuffix("条") }

    /// Text that shares nothing with a law: the start of a work report task.
    var unrelated: String { String(RevisionFixtures.tasks[0].body.prefix(160)) }

    /// A revised article in its place and, far away, a new article written from the same
    /// template (a 简易程序 rule copying the 普通程序 one): the copy is new, not a piece of a split.
    @Test func templateCopiedFarAwayInPlace() {
        let old = RevisionFixtures.law(articles)
        var revised = articles
        revised[4] = articles[4].replacingOccurrences(of: "公民、法人或者其他组织", with: "当事人")
        revised.append("适用简易程序的，" + articles[4].replacingOccurrences(of: "十五日", with: "五日"))
        let new = RevisionFixtures.law(revised)
        let table = SectionAligner.align(old, new).table(old, new, where: isArticle)
        #expect(table.contains { $0 == ("第五条", "第五条", .modified) })
        #expect(table.contains { $0 == (nil, "第十三条", .new) })
        #expect(!table.contains { $0.2 == .split })
    }

    /// The same when the numbers shifted, so that no marker tells the successor from the copy:
    /// the one that takes more of the old text is the successor.
    @Test func templateCopiedFarAwayAfterRenumbering() {
        let old = RevisionFixtures.law(articles)
        var revised = articles
        revised[4] = articles[4] + "行政复议机关应当告知其权利。"
        revised.append("适用简易程序审理的案件，" + String(articles[4].prefix(articles[4].count * 2 / 3)) + unrelated.prefix(20))
        revised.insert(unrelated, at: 0)
        let new = RevisionFixtures.law(revised)
        let table = SectionAligner.align(old, new).table(old, new, where: isArticle)
        #expect(table.contains { $0 == ("第五条", "第六条", .modified) })
        #expect(table.contains { $0 == (nil, "第十四条", .new) })
        #expect(!table.contains { $0.2 == .split })
    }

    /// An article split in three whose middle piece was mostly rewritten: it shares too little
    /// with the old article to be found on its own, but it stands between the other two pieces.
    @Test func weakPieceBetweenPiecesOfOneSource() {
        let joined = articles[3] + articles[4] + articles[7]
        let old = RevisionFixtures.law(Array(articles[0..<3]) + [joined] + [articles[5], articles[6], articles[8], articles[9]])
        let rewritten = String(articles[4].prefix(articles[4].count / 3)) + unrelated.prefix(80)
        let new = RevisionFixtures.law(
            Array(articles[0..<3]) + [articles[3], rewritten, articles[7]] + [articles[5], articles[6], articles[8], articles[9]])
        let table = SectionAligner.align(old, new).table(old, new, where: isArticle)
        #expect(table.contains { $0 == ("第四条", "第四条", .split) })
        #expect(table.contains { $0 == ("第四条", "第五条", .split) })
        #expect(table.contains { $0 == ("第四条", "第六条", .split) })
        #expect(!table.contains { $0.2 == .new || $0.2 == .removed })
    }

    /// One rule written out twice, for two authorities, in neighbouring articles: both take
    /// the same part of the old article, and both are its successors.
    @Test func neighbouringRepeatsAreBothPieces() {
        let old = RevisionFixtures.law(articles)
        var revised = Array(articles[0..<4])
        revised.append("县级以上地方各级人民政府管辖下列案件：" + articles[4])
        revised.append("国务院部门管辖下列案件：" + articles[4])
        revised += articles[5...]
        let new = RevisionFixtures.law(revised)
        let table = SectionAligner.align(old, new).table(old, new, where: isArticle)
        #expect(table.contains { $0 == ("第五条", "第五条", .split) })
        #expect(table.contains { $0 == ("第五条", "第六条", .split) })
        #expect(!table.contains { $0.2 == .new || $0.2 == .removed })
    }

    /// New articles written on an old article's opening formula (经…批准，可以…) around new
    /// powers, next to its successor: the formula is the lesser part of each, so they are new
    /// articles, not pieces of a split (反间谍法 2014 第十五条 → 2023 第二十八–三十条). An article
    /// inserted in front renumbers them, so that no marker decides.
    @Test func formulaReusedByNeighboursIsNotASplit() {
        let formula = "主管部门调查违法行为，经设区的市级以上主管部门负责人批准，"
        let seizure = formula + "可以对涉嫌用于违法行为的场所、设施或者财物依法查封、扣押；不得查封、扣押与违法行为无关的财物。"
        let old = RevisionFixtures.law(Array(articles[0..<4]) + [seizure] + Array(articles[5..<10]))
        let records = formula + "可以向有关单位调取会计账簿、银行流水和电子数据，有关单位应当在七日内如实提供，不得隐匿或者销毁。"
        let testing = formula + "可以委托具有资质的检验机构对涉案物品进行检验、检测和鉴定，所需费用列入部门预算，不得向当事人收取。"
        let new = RevisionFixtures.law([unrelated] + Array(articles[0..<4]) + [records, testing, seizure] + Array(articles[5..<10]))
        let table = SectionAligner.align(old, new).table(old, new, where: isArticle)
        #expect(table.contains { $0 == ("第五条", "第八条", .moved) })
        #expect(table.contains { $0 == (nil, "第六条", .new) })
        #expect(table.contains { $0 == (nil, "第七条", .new) })
        #expect(!table.contains { $0.2 == .split })
    }
}
