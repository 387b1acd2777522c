import Foundation
import ReportTestSupport

/// Builds a law's next version from its real text the way the two kinds of revision change
/// laws, seeded, so the true alignment is known by construction.
///
/// * 修正 (amendment): a few articles inserted early (every later one renumbers, and so do the
///   citations of them), one or two deleted, 10–30 % lightly reworded, one split, two merged,
///   a new chapter.
/// * 修订 (full revision): half the articles reworded, some heavily (a clause dropped, one
///   added, sentences reordered), articles moved across chapters, new 节 inside chapters, and
///   more insertions, deletions, splits and merges.
///
/// New articles are real articles of other texts (`donors`), not random characters: a real new
/// article shares the law's vocabulary.
struct LawRevisionMaker {
    enum Kind: String, CaseIterable { case amendment = "修正", revision = "修订" }

    var rng: SplitMix64
    var donors: [String]

    init(seed: UInt64, donors: [String]) {
        rng = SplitMix64(seed: seed)
        self.donors = donors
    }

    /// Wording changes of real revisions (the public pair's list, and the commonest others).
    static let substitutions: [(String, String)] = [
        ("具体行政行为", "行政行为"), ("行政处分", "处分"), ("直接负责的主管人员", "负有责任的领导人员"),
        ("负责法制工作的机构", "行政复议机构"), ("有关", "相关"), ("予以", "依法予以"), ("十五日", "二十日"),
        ("六十日", "九十日"), ("三十日", "六十日"), ("五日", "七日"), ("应当", "应"), ("可以", "可"),
        ("通知", "书面通知"), ("作出", "依法作出"), ("处理", "及时处理"), ("规定", "有关规定"),
        ("国务院", "国务院有关部门"), ("人民政府", "人民政府及其有关部门"), ("其他", "其他有关"),
    ]
    static let phrases = ["并告知当事人", "依照有关规定", "必要时", "情节严重的", "按照国家有关规定", "在规定期限内", "经批准"]
    static let sentences = [
        "具体办法由国务院规定。", "法律另有规定的，依照其规定。", "有关部门应当予以配合。",
        "对于情节轻微的，可以从轻处理。", "相关信息应当依法公开。",
    ]
    static let sectionHeadings = ["一般规定", "申请与受理", "审理程序", "特别规定", "监督检查", "简易程序", "听证", "附带审查"]
    static let chapterHeadings = ["数字化建设", "协作配合", "信息公开", "保障措施"]

    mutating func make(_ kind: Kind, from base: LawDraft) -> LawDraft {
        var draft = base
        switch kind {
        case .amendment:
            if Bool.random(using: &rng) { substituteThroughout(&draft, count: 1) }
            reword(&draft, share: Double.random(in: 0.1...0.3, using: &rng), heavy: false)
            delete(&draft, count: Int.random(in: 1...2, using: &rng))
            split(&draft, count: 1, pieces: 2)
            merge(&draft, count: 1, articles: 2)
            insertEarly(&draft, count: Int.random(in: 1...3, using: &rng))
            insertChapter(&draft)
        case .revision:
            // Structure first, on the enacted text, so that every piece carries its source's words.
            promote(&draft, count: Int.random(in: 2...4, using: &rng))
            split(&draft, count: Int.random(in: 1...2, using: &rng), pieces: 2)
            split(&draft, count: 1, pieces: 3)
            merge(&draft, count: Int.random(in: 1...2, using: &rng), articles: 2)
            merge(&draft, count: 1, articles: 3)
            substituteThroughout(&draft, count: Int.random(in: 2...3, using: &rng))
            rewrite(&draft, share: Double.random(in: 0.25...0.4, using: &rng))
            reword(&draft, share: Double.random(in: 0.4...0.7, using: &rng), heavy: true)
            move(&draft, count: Int.random(in: 2...4, using: &rng))
            delete(&draft, count: Int.random(in: 1...3, using: &rng))
            insertScattered(&draft, count: Int.random(in: 3...8, using: &rng))
            demoteChapter(&draft)
            addSections(&draft, chapters: Int.random(in: 1...2, using: &rng))
        }
        return draft
    }

    /// A term replaced everywhere it occurs (具体行政行为 → 行政行为 through the whole law), so
    /// that every article using it changes and few stay the same.
    private mutating func substituteThroughout(_ draft: inout LawDraft, count: Int) {
        let text = draft.chapters.flatMap { $0.groups.flatMap { $0.articles.map(\.text) } }.joined()
        let applicable = Self.substitutions.filter { text.contains($0.0) && !text.contains($0.1) }.shuffled(using: &rng).prefix(count)
        for (from, to) in applicable {
            for c in draft.chapters.indices {
                for g in draft.chapters[c].groups.indices {
                    for a in draft.chapters[c].groups[g].articles.indices {
                        draft.chapters[c].groups[g].articles[a].text = draft.chapters[c].groups[g].articles[a].text.replacingOccurrences(of: from, with: to)
                    }
                }
            }
        }
    }

    // MARK: - Articles by place

    /// (chapter, group, article) of every article, in order.
    private func places(_ draft: LawDraft) -> [(Int, Int, Int)] {
        var out: [(Int, Int, Int)] = []
        for (c, chapter) in draft.chapters.enumerated() {
            for (g, group) in chapter.groups.enumerated() {
                for a in group.articles.indices { out.append((c, g, a)) }
            }
        }
        return out
    }

    private mutating func donor() -> String {
        if donors.isEmpty { return "本法所称的其他事项，由有关部门另行规定。" }
        return donors.remove(at: Int.random(in: 0..<donors.count, using: &rng))
    }

    private mutating func reword(_ draft: inout LawDraft, share: Double, heavy: Bool) {
        let all = places(draft)
        let chosen = all.shuffled(using: &rng).prefix(Int((Double(all.count) * share).rounded()))
        for (c, g, a) in chosen {
            var text = draft.chapters[c].groups[g].articles[a].text
            let light = heavy ? Int.random(in: 2...5, using: &rng) : Int.random(in: 1...3, using: &rng)
            for _ in 0..<light { text = lightEdit(text) }
            if heavy && Bool.random(using: &rng) { text = heavyEdit(text) }
            draft.chapters[c].groups[g].articles[a].text = text
            draft.chapters[c].groups[g].articles[a].history.append(heavy ? "reworded" : "touched")
        }
    }

    /// One word-level change: a substitution that applies, else a phrase after a comma.
    private mutating func lightEdit(_ text: String) -> String {
        // A wording already made (依法作出) is not made again.
        let applicable = Self.substitutions.filter { text.contains($0.0) && !text.contains($0.1) }
        if !applicable.isEmpty, Int.random(in: 0..<3, using: &rng) > 0 {
            let (from, to) = applicable[Int.random(in: 0..<applicable.count, using: &rng)]
            return replacingFirst(from, with: to, in: text)
        }
        let commas = text.indices.filter { text[$0] == "，" }
        let phrase = Self.phrases[Int.random(in: 0..<Self.phrases.count, using: &rng)]
        guard let comma = commas.randomElement(using: &rng) else { return phrase + "，" + text }
        var out = text
        out.insert(contentsOf: phrase + "，", at: out.index(after: comma))
        return out
    }

    private mutating func heavyEdit(_ text: String) -> String {
        var clauses = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0:
            // Drop one clause of the longest paragraph (a phrase between commas).
            guard let longest = clauses.indices.max(by: { clauses[$0].count < clauses[$1].count }) else { break }
            var pieces = clauses[longest].split(separator: "，", omittingEmptySubsequences: false).map(String.init)
            if pieces.count >= 3 {
                pieces.remove(at: Int.random(in: 1..<pieces.count - 1, using: &rng))
                clauses[longest] = pieces.joined(separator: "，")
            }
        case 1:
            clauses.append(Self.sentences[Int.random(in: 0..<Self.sentences.count, using: &rng)])
        default:
            // Sentences of the first paragraph reordered.
            var sentences = clauses[0].split(separator: "。").map { $0 + "。" }
            if sentences.count >= 2 {
                sentences.swapAt(0, 1)
                clauses[0] = sentences.joined()
            }
        }
        return clauses.joined(separator: "\n")
    }

    private func replacingFirst(_ target: String, with replacement: String, in text: String) -> String {
        guard let range = text.range(of: target) else { return text }
        return text.replacingCharacters(in: range, with: replacement)
    }

    /// Articles repealed: ones whose source no other article carries, so the old one is gone.
    private mutating func delete(_ draft: inout LawDraft, count: Int) {
        for _ in 0..<count {
            let all = places(draft)
            guard all.count > 6 else { return }
            let carriers = Dictionary(grouping: all.flatMap { c, g, a in draft.chapters[c].groups[g].articles[a].sources }, by: { $0 })
            let candidates = all[2..<(all.count - 1)].filter { c, g, a in
                let sources = draft.chapters[c].groups[g].articles[a].sources
                return sources.count == 1 && carriers[sources[0]]?.count == 1
            }
            guard let (c, g, a) = candidates.randomElement(using: &rng) else { return }
            draft.chapters[c].groups[g].articles.remove(at: a)
        }
    }

    /// An article of several paragraphs (款) becomes `pieces` articles, cut between paragraphs.
    private mutating func split(_ draft: inout LawDraft, count: Int, pieces: Int) {
        for _ in 0..<count {
            let candidates = places(draft).filter { c, g, a in
                let article = draft.chapters[c].groups[g].articles[a]
                let paragraphs = article.text.split(separator: "\n")
                return article.sources.count == 1 && paragraphs.count >= pieces
                    && Self.cuts(paragraphs.map(String.init)).count >= pieces - 1
            }
            guard let (c, g, a) = candidates.randomElement(using: &rng) else { return }
            let article = draft.chapters[c].groups[g].articles[a]
            let paragraphs = article.text.split(separator: "\n").map(String.init)
            let cuts = Self.cuts(paragraphs).shuffled(using: &rng).prefix(pieces - 1).sorted()
            var start = 0
            var made: [LawDraft.Article] = []
            for end in cuts + [paragraphs.count] {
                made.append(LawDraft.Article(text: paragraphs[start..<end].joined(separator: "\n"), sources: article.sources, history: article.history + ["split\(pieces)"]))
                start = end
            }
            draft.chapters[c].groups[g].articles.replaceSubrange(a...a, with: made)
        }
    }

    /// Places between paragraphs where an article can be cut: not before an item, whose lead-in
    /// is the paragraph above it.
    private static func cuts(_ paragraphs: [String]) -> [Int] {
        (1..<max(1, paragraphs.count)).filter { !paragraphs[$0].hasPrefix("（") }
    }

    /// One paragraph or item of an article taken out and made an article of its own in another
    /// chapter (a revision gives a clause its own article where it belongs).
    private mutating func promote(_ draft: inout LawDraft, count: Int) {
        guard draft.chapters.count >= 2 else { return }
        for _ in 0..<count {
            let candidates = places(draft).filter { c, g, a in
                let article = draft.chapters[c].groups[g].articles[a]
                return article.sources.count == 1 && article.text.split(separator: "\n").count >= 3
            }
            guard let (c, g, a) = candidates.randomElement(using: &rng) else { return }
            var paragraphs = draft.chapters[c].groups[g].articles[a].text.split(separator: "\n").map(String.init)
            // A clause long enough to stand as an article (a bare item such as 违反法定程序 does not).
            guard let pick = paragraphs.indices.dropFirst().filter({ paragraphs[$0].count >= 20 }).randomElement(using: &rng) else { continue }
            var taken = paragraphs.remove(at: pick)
            if taken.hasPrefix("（"), let close = taken.firstIndex(of: "）") { taken = String(taken[taken.index(after: close)...]) }
            if taken.hasSuffix("；") || taken.hasSuffix("，") { taken = String(taken.dropLast()) + "。" }
            draft.chapters[c].groups[g].articles[a].text = paragraphs.joined(separator: "\n")
            let sources = draft.chapters[c].groups[g].articles[a].sources
            var target = Int.random(in: 0..<draft.chapters.count, using: &rng)
            if target == c { target = (c + 1) % draft.chapters.count }
            let group = Int.random(in: 0..<draft.chapters[target].groups.count, using: &rng)
            let size = draft.chapters[target].groups[group].articles.count
            draft.chapters[target].groups[group].articles.insert(
                LawDraft.Article(text: lightEdit(taken), sources: sources, history: ["promoted"]), at: Int.random(in: 0...size, using: &rng))
        }
    }

    /// Substantive rewrites: about half of an article's clauses replaced by clauses of other,
    /// on-topic articles (what the revision says anew), the rest kept.
    private mutating func rewrite(_ draft: inout LawDraft, share: Double) {
        let pool = donors.flatMap { $0.split(whereSeparator: { "，。；\n".contains($0) }).map(String.init) }.filter { $0.count >= 6 }
        guard !pool.isEmpty else { return }
        let all = places(draft)
        for (c, g, a) in all.shuffled(using: &rng).prefix(Int((Double(all.count) * share).rounded())) {
            let paragraphs = draft.chapters[c].groups[g].articles[a].text.split(separator: "\n").map { paragraph in
                // Clauses end at ，。； (kept); a third of a paragraph's, if it has three or more,
                // are said anew: every paragraph keeps most of its words.
                var clauses: [String] = []
                var clause = ""
                for character in paragraph {
                    clause.append(character)
                    if "，。；".contains(character) {
                        clauses.append(clause)
                        clause = ""
                    }
                }
                if !clause.isEmpty { clauses.append(clause) }
                guard clauses.count >= 3 else { return String(paragraph) }
                for index in clauses.indices.filter({ clauses[$0].count > 4 }).shuffled(using: &rng).prefix(clauses.count / 3) {
                    let end = clauses[index].last.map(String.init) ?? ""
                    clauses[index] = pool[Int.random(in: 0..<pool.count, using: &rng)] + end
                }
                return clauses.joined()
            }
            let rewritten = paragraphs.joined(separator: "\n")
            guard rewritten != draft.chapters[c].groups[g].articles[a].text else { continue }
            draft.chapters[c].groups[g].articles[a].text = rewritten
            draft.chapters[c].groups[g].articles[a].history.append("rewritten")
        }
    }

    /// Two chapters become one: the first becomes its first 节 under its own heading, the
    /// second's articles its further 节, the chapter taking the second's heading.
    private mutating func demoteChapter(_ draft: inout LawDraft) {
        let candidates = draft.chapters.indices.dropLast().filter { c in
            [c, c + 1].allSatisfy { draft.chapters[$0].groups.count == 1 && draft.chapters[$0].groups[0].heading == nil && draft.chapters[$0].source != nil }
        }
        guard let c = candidates.randomElement(using: &rng) else { return }
        let first = draft.chapters[c]
        let second = draft.chapters[c + 1]
        let heading = Self.sectionHeadings[Int.random(in: 0..<Self.sectionHeadings.count, using: &rng)]
        let merged = LawDraft.Chapter(
            heading: second.heading, source: second.source,
            groups: [
                LawDraft.Group(heading: first.heading, source: nil, articles: first.groups[0].articles, chapterSource: first.source),
                LawDraft.Group(heading: heading, source: nil, articles: second.groups[0].articles),
            ])
        draft.chapters.replaceSubrange(c...(c + 1), with: [merged])
    }

    /// Neighbouring articles of one 节 or chapter become one, the later ones as its further 款.
    private mutating func merge(_ draft: inout LawDraft, count: Int, articles size: Int) {
        for _ in 0..<count {
            let candidates = places(draft).filter { c, g, a in
                let articles = draft.chapters[c].groups[g].articles
                guard a + size <= articles.count else { return false }
                let run = articles[a..<(a + size)]
                return run.allSatisfy { $0.sources.count == 1 } && Set(run.flatMap(\.sources)).count == size && run.reduce(0) { $0 + $1.text.count } < 300 * size
            }
            guard let (c, g, a) = candidates.randomElement(using: &rng) else { return }
            let run = draft.chapters[c].groups[g].articles[a..<(a + size)]
            let merged = LawDraft.Article(text: run.map(\.text).joined(separator: "\n"), sources: run.flatMap(\.sources), history: run.flatMap(\.history) + ["merged\(size)"])
            draft.chapters[c].groups[g].articles.replaceSubrange(a..<(a + size), with: [merged])
        }
    }

    /// New articles among the first few, so that every later article renumbers.
    private mutating func insertEarly(_ draft: inout LawDraft, count: Int) {
        for _ in 0..<count {
            let all = places(draft)
            let (c, g, a) = all[Int.random(in: 1..<min(6, all.count), using: &rng)]
            draft.chapters[c].groups[g].articles.insert(LawDraft.Article(text: donor(), sources: []), at: a)
        }
    }

    private mutating func insertScattered(_ draft: inout LawDraft, count: Int) {
        for _ in 0..<count {
            let all = places(draft)
            let (c, g, a) = all[Int.random(in: 1..<all.count, using: &rng)]
            draft.chapters[c].groups[g].articles.insert(LawDraft.Article(text: donor(), sources: []), at: a)
        }
    }

    /// A new chapter of two or three new articles, before one of the later chapters.
    private mutating func insertChapter(_ draft: inout LawDraft) {
        guard draft.chapters.count >= 2 else { return }
        let at = Int.random(in: 1..<draft.chapters.count, using: &rng)
        let heading = Self.chapterHeadings[Int.random(in: 0..<Self.chapterHeadings.count, using: &rng)]
        let articles = (0..<Int.random(in: 2...3, using: &rng)).map { _ in LawDraft.Article(text: donor(), sources: []) }
        draft.chapters.insert(LawDraft.Chapter(heading: heading, source: nil, groups: [LawDraft.Group(heading: nil, source: nil, articles: articles)]), at: at)
    }

    /// Articles taken out of their chapter and put into another one.
    private mutating func move(_ draft: inout LawDraft, count: Int) {
        guard draft.chapters.count >= 3 else { return }
        for _ in 0..<count {
            let all = places(draft)
            let (c, g, a) = all[Int.random(in: 1..<all.count, using: &rng)]
            guard draft.chapters[c].groups[g].articles.count > 1 else { continue }
            var article = draft.chapters[c].groups[g].articles.remove(at: a)
            article.history.append("moved")
            var target = Int.random(in: 0..<draft.chapters.count, using: &rng)
            if target == c { target = (c + 1) % draft.chapters.count }
            let group = Int.random(in: 0..<draft.chapters[target].groups.count, using: &rng)
            let size = draft.chapters[target].groups[group].articles.count
            draft.chapters[target].groups[group].articles.insert(article, at: Int.random(in: 0...size, using: &rng))
        }
    }

    /// A chapter without 节 regrouped into two or three new 节.
    private mutating func addSections(_ draft: inout LawDraft, chapters: Int) {
        var headings = Self.sectionHeadings.shuffled(using: &rng)
        let candidates = draft.chapters.indices.filter { c in
            draft.chapters[c].groups.count == 1 && draft.chapters[c].groups[0].heading == nil && draft.chapters[c].groups[0].articles.count >= 4
        }.shuffled(using: &rng).prefix(chapters)
        for c in candidates {
            let articles = draft.chapters[c].groups[0].articles
            let parts = articles.count >= 6 ? 3 : 2
            var groups: [LawDraft.Group] = []
            var start = 0
            for part in 0..<parts {
                let end = part == parts - 1 ? articles.count : start + articles.count / parts
                groups.append(LawDraft.Group(heading: headings.removeFirst(), source: nil, articles: Array(articles[start..<end])))
                start = end
            }
            draft.chapters[c].groups = groups
        }
    }
}
