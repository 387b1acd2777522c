import Foundation
import ReportKit
import ReportTestSupport

/// A law as chapters, optional 节 and articles, each remembering which sections of the old
/// version it came from, so that a revision built from it carries its true alignment.
struct LawDraft {
    struct Article {
        var text: String
        /// Old article ids (their place in the old law, from 0); empty for a new article.
        var sources: [Int]
        /// What the revision did to it, for reading a harness failure.
        var history: [String] = []
    }

    struct Group {
        /// The 节 heading; nil for articles standing directly under the chapter.
        var heading: String?
        /// Old 节 id; nil for a new 节 (and for the chapter's own run of articles).
        var source: Int?
        var articles: [Article]
        /// Old chapter id of a chapter demoted to this 节 (第二章 行政复议范围 → 第二章第一节).
        var chapterSource: Int? = nil
    }

    struct Chapter {
        var heading: String
        var source: Int?
        var groups: [Group]
    }

    var title: String
    var chapters: [Chapter]

    var articleCount: Int { chapters.reduce(0) { $0 + $1.groups.reduce(0) { $0 + $1.articles.count } } }

    /// The law as its own old version: every section is its own source.
    static func base(_ report: Report, title: String, excluding held: Set<String> = []) -> LawDraft {
        var chapters: [Chapter] = []
        var articleID = 0
        var groupID = 0
        for section in report.sections {
            let marker = section.marker
            if marker.hasSuffix("章") && marker.hasPrefix("第") {
                chapters.append(Chapter(heading: section.heading, source: chapters.count, groups: [Group(heading: nil, source: nil, articles: [])]))
            } else if marker.hasSuffix("节") && marker.hasPrefix("第"), !chapters.isEmpty {
                chapters[chapters.count - 1].groups.append(Group(heading: section.heading, source: groupID, articles: []))
                groupID += 1
            } else if marker.hasSuffix("条") && marker.hasPrefix("第"), !chapters.isEmpty, !held.contains(marker) {
                let text = String(report.subtreeText(of: section).dropFirst(section.marker.count))
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                let last = chapters[chapters.count - 1].groups.count - 1
                chapters[chapters.count - 1].groups[last].articles.append(Article(text: text, sources: [articleID]))
                articleID += 1
            }
        }
        for index in chapters.indices {
            chapters[index].groups.removeAll { $0.heading == nil && $0.articles.isEmpty }
        }
        return LawDraft(title: title, chapters: chapters)
    }

    /// The text, numbered as laws number: chapters and articles through the law, 节 within
    /// their chapter. Citations `第N条` of old articles are rewritten to their new numbers when
    /// `renumbering` maps them, as an amendment does.
    func render(renumbering: [String: String] = [:]) -> String {
        var out = title + "\n"
        var article = 0
        for (chapterOffset, chapter) in chapters.enumerated() {
            out += "第\(RevisionFixtures.numeral(chapterOffset + 1))章 \(chapter.heading)\n"
            var jie = 0
            for group in chapter.groups {
                if let heading = group.heading {
                    jie += 1
                    out += "第\(RevisionFixtures.numeral(jie))节 \(heading)\n"
                }
                for item in group.articles {
                    article += 1
                    out += "第\(RevisionFixtures.numeral(article))条 \(Self.renumbered(item.text, renumbering))\n"
                }
            }
        }
        return out
    }

    private static func renumbered(_ text: String, _ map: [String: String]) -> String {
        guard !map.isEmpty else { return text }
        let scalars = Array(text)
        var out = ""
        var index = 0
        while index < scalars.count {
            if scalars[index] == "第", let end = (index + 1..<min(scalars.count, index + 9)).first(where: { scalars[$0] == "条" }) {
                let citation = String(scalars[index...end])
                if let replacement = map[citation] {
                    out += replacement
                    index = end + 1
                    continue
                }
            }
            out.append(scalars[index])
            index += 1
        }
        return out
    }

    /// Old article number → new article number, for the article that carries each old one first.
    func citationMap() -> [String: String] {
        var map: [String: String] = [:]
        var number = 0
        for chapter in chapters {
            for group in chapter.groups {
                for article in group.articles {
                    number += 1
                    if let first = article.sources.first {
                        let old = "第\(RevisionFixtures.numeral(first + 1))条"
                        if map[old] == nil { map[old] = "第\(RevisionFixtures.numeral(number))条" }
                    }
                }
            }
        }
        return map
    }

    /// The true pairs of `self` as the revision of `old` (the base draft), at every level:
    /// articles by marker, chapters by marker, 节 by chapter and 节 marker.
    ///
    /// `flow` are the pairs of the containers (chapter, 节, and the chapter above a 节) of each
    /// linked pair of articles: the public alignment maps a chapter to where its articles went
    /// (第四章 → 第三章 and 第四章第一节), so such links are tolerated, neither required nor wrong.
    func gold(against old: LawDraft) -> (articles: Set<LawPair>, structure: Set<LawPair>, flow: Set<LawPair>) {
        var articles = Set<LawPair>()
        var structure = Set<LawPair>()
        var seenArticles = Set<Int>()
        var seenChapters = Set<Int>()
        var seenGroups = Set<Int>()
        var number = 0
        for (chapterOffset, chapter) in chapters.enumerated() {
            let chapterID = "第\(RevisionFixtures.numeral(chapterOffset + 1))章"
            structure.insert(LawPair(old: chapter.source.map { "第\(RevisionFixtures.numeral($0 + 1))章" }, new: chapterID))
            if let source = chapter.source { seenChapters.insert(source) }
            var jie = 0
            for group in chapter.groups {
                if group.heading != nil {
                    jie += 1
                    let oldName = group.source.flatMap(old.groupID) ?? group.chapterSource.map { "第\(RevisionFixtures.numeral($0 + 1))章" }
                    structure.insert(LawPair(old: oldName, new: chapterID + "第\(RevisionFixtures.numeral(jie))节"))
                    if let source = group.source { seenGroups.insert(source) }
                    if let source = group.chapterSource { seenChapters.insert(source) }
                }
                for article in group.articles {
                    number += 1
                    let newID = "第\(RevisionFixtures.numeral(number))条"
                    if article.sources.isEmpty { articles.insert(LawPair(old: nil, new: newID)) }
                    for source in article.sources {
                        articles.insert(LawPair(old: "第\(RevisionFixtures.numeral(source + 1))条", new: newID))
                        seenArticles.insert(source)
                    }
                }
            }
        }
        for id in 0..<old.articleCount where !seenArticles.contains(id) {
            articles.insert(LawPair(old: "第\(RevisionFixtures.numeral(id + 1))条", new: nil))
        }
        for id in old.chapters.indices where !seenChapters.contains(id) {
            structure.insert(LawPair(old: "第\(RevisionFixtures.numeral(id + 1))章", new: nil))
        }
        var groupCount = 0
        for chapter in old.chapters { for group in chapter.groups where group.heading != nil { groupCount += 1; _ = group } }
        for id in 0..<groupCount where !seenGroups.contains(id) {
            if let name = old.groupID(id) { structure.insert(LawPair(old: name, new: nil)) }
        }
        let oldContainers = old.containers()
        let newContainers = containers()
        var flow = Set<LawPair>()
        for pair in articles where pair.isLink {
            for oldContainer in oldContainers[pair.old!] ?? [] {
                for newContainer in newContainers[pair.new!] ?? [] { flow.insert(LawPair(old: oldContainer, new: newContainer)) }
            }
        }
        return (articles, structure, flow)
    }

    /// For each article marker, the names of its chapter and 节.
    func containers() -> [String: [String]] {
        var out: [String: [String]] = [:]
        var number = 0
        for (chapterOffset, chapter) in chapters.enumerated() {
            let chapterID = "第\(RevisionFixtures.numeral(chapterOffset + 1))章"
            var jie = 0
            for group in chapter.groups {
                var names = [chapterID]
                if group.heading != nil {
                    jie += 1
                    names.append(chapterID + "第\(RevisionFixtures.numeral(jie))节")
                }
                for _ in group.articles {
                    number += 1
                    out["第\(RevisionFixtures.numeral(number))条"] = names
                }
            }
        }
        return out
    }

    /// Each new article's history, by its marker.
    func histories() -> [String: [String]] {
        var out: [String: [String]] = [:]
        var number = 0
        for chapter in chapters {
            for group in chapter.groups {
                for article in group.articles {
                    number += 1
                    out["第\(RevisionFixtures.numeral(number))条"] = article.history
                }
            }
        }
        return out
    }

    /// `第N章第M节` of the old 节 with this id.
    func groupID(_ id: Int) -> String? {
        for (chapterOffset, chapter) in chapters.enumerated() {
            var jie = 0
            for group in chapter.groups where group.heading != nil {
                jie += 1
                if group.source == id { return "第\(RevisionFixtures.numeral(chapterOffset + 1))章第\(RevisionFixtures.numeral(jie))节" }
            }
        }
        return nil
    }
}

/// One aligned pair of a law, named by markers; either side may be absent.
struct LawPair: Hashable {
    let old: String?
    let new: String?
    var isLink: Bool { old != nil && new != nil }
}
