import Foundation
@testable import ReportKit
import Testing

/// A law's chapters are decided again from where their articles went (`GroupsFollowMembers`).
@Suite struct CompareGroupsTests {
    /// 第一章 with two articles, 第二章 with four, 第三章 with three (old); the new version
    /// swaps the two later chapters' places and retitles them, adds four articles and a chapter.
    static let old = ReportParser.parse("""
        中华人民共和国测试法
        第一章 总则
        第一条 甲。
        第二条 乙。
        第二章 职权
        第三条 丙。
        第四条 丁。
        第五条 戊。
        第六条 己。
        第三章 义务
        第七条 庚。
        第八条 辛。
        第九条 壬。

        """)
    static let new = ReportParser.parse("""
        中华人民共和国测试法
        第一章 总则
        第一条 甲。
        第二条 乙。
        第二章 安全防范
        第三条 庚。
        第四条 辛。
        第五条 新一。
        第六条 新二。
        第七条 新三。
        第八条 新四。
        第三章 调查处置
        第九条 丙。
        第十条 丁。
        第十一条 戊。
        第四章 保障
        第十二条 己。
        第十三条 壬。

        """)

    static func index(_ report: Report, _ marker: String) -> Int {
        report.sections.first { $0.marker == marker }!.index
    }

    static var articleTier: SectionAligner.Tier {
        var tier = SectionAligner.Tier()
        tier.old = old.sections.filter { $0.marker.hasSuffix("条") }.map(\.index)
        tier.new = new.sections.filter { $0.marker.hasSuffix("条") }.map(\.index)
        return tier
    }

    static func state(articles: [(String, String)], chapters: [(String, String)]) -> LinkState {
        var state = LinkState(oldCount: old.sections.count, newCount: new.sections.count)
        for (o, n) in articles { state.add(index(old, o), index(new, n), similarity: 1) }
        for (o, n) in chapters { state.add(index(old, o), index(new, n), similarity: 0.3) }
        return state
    }

    static func chapterLinks(_ state: LinkState) -> Set<String> {
        Set(old.sections.filter { $0.marker.hasSuffix("章") }.flatMap { chapter in
            state.oldLinks[chapter.index].map { "\(chapter.marker)→\(new.sections[$0.new].marker)" }
        })
    }

    /// Chapter links that the chapters' own text suggested but their articles contradict are
    /// replaced: 第二章's articles went to 第三章 and 第四章, 第三章's to 第二章 and 第四章.
    @Test func chaptersFollowTheirArticles() {
        var state = Self.state(
            articles: [("第一条", "第一条"), ("第二条", "第二条"), ("第三条", "第九条"), ("第四条", "第十条"), ("第五条", "第十一条"),
                       ("第六条", "第十二条"), ("第七条", "第三条"), ("第八条", "第四条"), ("第九条", "第十三条")],
            chapters: [("第一章", "第一章"), ("第二章", "第二章"), ("第三章", "第四章")])
        GroupsFollowMembers.relink(Self.old, Self.new, memberTier: Self.articleTier, into: &state)
        #expect(Self.chapterLinks(state) == ["第一章→第一章", "第二章→第三章", "第三章→第二章", "第二章→第四章"])
    }

    /// A chapter whose articles were all rewritten past recognition says nothing through them,
    /// so the link its text gave stays; one old article in a large new chapter is too small a
    /// share to link the chapters.
    @Test func chaptersWithoutArticleEvidenceKeepTheirLinks() {
        var state = Self.state(
            articles: [("第一条", "第一条"), ("第二条", "第二条"), ("第三条", "第九条"), ("第四条", "第十条"), ("第五条", "第十一条"),
                       ("第六条", "第三条")],
            chapters: [("第一章", "第一章"), ("第二章", "第三章"), ("第三章", "第四章")])
        GroupsFollowMembers.relink(Self.old, Self.new, memberTier: Self.articleTier, into: &state)
        #expect(Self.chapterLinks(state) == ["第一章→第一章", "第二章→第三章", "第三章→第四章"])
    }
}
